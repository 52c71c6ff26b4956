// Why a sign-in through an identity provider was refused, as a machine word: the callback sends the
// browser back to the sign-in page with `?signInError=<reason>`, and the problem answer carries it as
// `reason`, so that the web app shows a message in the user's language instead of the library's.
export const SIGN_IN_FAILURES = [
  /** The state is unknown, used or older than ten minutes: start again. */
  "sign_in_expired",
  /** The callback came to another browser than the one that started the sign-in. */
  "other_browser",
  /** The provider is removed, switched off or does not answer. */
  "provider_unavailable",
  /** The IdP itself answered with an error (the user cancelled, or was not let in there). */
  "idp_refused",
  /** The ID token is meant for another client (its audience). */
  "wrong_audience",
  /** The ID token is past its expiry (or not yet valid), beyond the allowed clock skew. */
  "token_expired",
  /** Any other check of the IdP's answer failed (signature, issuer, nonce, ...). */
  "token_invalid",
  "no_email",
  "email_unverified",
  /** The e-mail's domain is not one the provider may sign in. */
  "domain_not_allowed",
  /** None of the user's claims maps to a Claimdesk role, and the provider has no default. */
  "no_role",
  /** The account belongs to another organisation than the provider's. */
  "other_organization",
  "account_disabled",
  /** Anything else. */
  "failed",
] as const;

export type SignInFailure = (typeof SIGN_IN_FAILURES)[number];

export const isSignInFailure = (x: unknown): x is SignInFailure =>
  typeof x === "string" && (SIGN_IN_FAILURES as readonly string[]).includes(x);
