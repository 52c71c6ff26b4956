// The sign-in page's texts for signing in with an identity provider, registered by that lazy page
// so that the first load after sign-in carries none of them (see addTexts).
import type { SignInFailure } from "../../../src/domain/sign-in-failures.ts";
import { addTexts } from "./index.tsx";

const errorsEn: Record<SignInFailure, string> = {
  sign_in_expired: "That sign-in took too long or was already used. Please start again.",
  other_browser: "That sign-in was started in another browser or tab. Please start again here.",
  provider_unavailable:
    "Your organisation's identity provider is not available for sign-in right now. Try again later or ask your administrator.",
  idp_refused: "Your identity provider did not let you in (the sign-in was cancelled or refused there).",
  wrong_audience:
    "Your identity provider answered for another application. Ask your administrator to check the client ID.",
  token_expired:
    "The answer from your identity provider had expired. Check that your computer's clock is right and start again.",
  token_invalid: "The answer from your identity provider could not be verified. Please start again.",
  no_email: "Your identity provider did not tell Claimdesk your e-mail address. Ask your administrator.",
  email_unverified: "Your identity provider has not verified your e-mail address.",
  domain_not_allowed: "This identity provider may not sign in addresses of your e-mail domain.",
  no_role: "Your account has no Claimdesk role in your identity provider. Ask your administrator for access.",
  other_organization:
    "Your Claimdesk account belongs to another organisation. Sign in with that organisation's identity provider.",
  account_disabled: "Your Claimdesk account is disabled. Ask your administrator.",
  failed: "Signing in with your identity provider did not work. Please try again.",
};

const errorsEs: Record<SignInFailure, string> = {
  sign_in_expired: "Ese inicio de sesión tardó demasiado o ya se usó. Vuelva a empezar.",
  other_browser: "Ese inicio de sesión empezó en otro navegador o pestaña. Vuelva a empezar aquí.",
  provider_unavailable:
    "El proveedor de identidad de su organización no está disponible ahora. Inténtelo más tarde o consulte a su administrador.",
  idp_refused:
    "Su proveedor de identidad no le dejó entrar (el inicio de sesión se canceló o se rechazó allí).",
  wrong_audience:
    "Su proveedor de identidad respondió para otra aplicación. Pida a su administrador que revise el ID de cliente.",
  token_expired:
    "La respuesta de su proveedor de identidad había caducado. Compruebe que la hora de su equipo es correcta y vuelva a empezar.",
  token_invalid: "No se pudo verificar la respuesta de su proveedor de identidad. Vuelva a empezar.",
  no_email:
    "Su proveedor de identidad no comunicó a Claimdesk su dirección de correo. Consulte a su administrador.",
  email_unverified: "Su proveedor de identidad no ha verificado su dirección de correo.",
  domain_not_allowed: "Este proveedor de identidad no puede iniciar sesión con direcciones de su dominio.",
  no_role:
    "Su cuenta no tiene un rol de Claimdesk en su proveedor de identidad. Pida acceso a su administrador.",
  other_organization:
    "Su cuenta de Claimdesk pertenece a otra organización. Inicie sesión con el proveedor de identidad de esa organización.",
  account_disabled: "Su cuenta de Claimdesk está desactivada. Consulte a su administrador.",
  failed: "No se pudo iniciar sesión con su proveedor de identidad. Inténtelo de nuevo.",
};

addTexts(
  "signInUi",
  {
    with: "Sign in with {{name}}",
    or: "or with your password",
    providersOnly: "Your organisation signs in with its identity provider.",
    errorTitle: "You are not signed in",
    errors: errorsEn,
  },
  {
    with: "Iniciar sesión con {{name}}",
    or: "o con su contraseña",
    providersOnly: "Su organización inicia sesión con su proveedor de identidad.",
    errorTitle: "No ha iniciado sesión",
    errors: errorsEs,
  },
);
