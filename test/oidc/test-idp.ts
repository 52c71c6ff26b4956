// A real, certified OpenID provider (panva's oidc-provider 8, which supports Node 20) on 127.0.0.1
// for the sign-in tests. Over HTTP, no interaction pages: the test says who signs in next
// (`login`), and the interaction is finished programmatically with that account's login and
// consent. In the browser (`pages: true`), the provider's own login and consent pages (its
// development interactions: any password, the login name is the account). Its signing key is the test's own, so that a test can forge what a misbehaving IdP
// would send (another audience, a back-channel logout token).
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { decodeJwt, exportJWK, generateKeyPair, type JWTPayload, SignJWT } from "jose";
import Provider from "oidc-provider";

export interface IdpAccount {
  sub: string;
  email: string;
  email_verified?: boolean;
  name?: string;
  locale?: string;
  groups?: string[];
}

export interface IdpClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
  post_logout_redirect_uris?: string[];
}

const KID = "test-key";

export async function startIdp(clients: IdpClient[], opts: { pages?: boolean } = {}) {
  const accounts = new Map<string, IdpAccount>();
  const state = {
    login: "",
    idTokenTtl: 3600,
    /** When set, the token endpoint's ID token is re-signed with this audience. */
    forgeAudience: null as string | null,
  };
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: KID, alg: "RS256", use: "sig" };
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: clients.map((c) => ({ ...c, grant_types: ["authorization_code"], response_types: ["code"] })),
    jwks: { keys: [jwk] },
    cookies: { keys: ["test-idp-cookie-key"] },
    findAccount: async (_ctx, id) => {
      const a = accounts.get(id);
      return a ? { accountId: id, claims: async () => ({ ...a }) } : undefined;
    },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "locale", "groups"] },
    // The claims go into the ID token itself, as Entra ID and Keycloak put groups there.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: opts.pages === true }, rpInitiatedLogout: { enabled: true } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true, methods: ["S256"] },
    // The ID token's lifetime follows the test's setting (read at each issue).
    // biome-ignore lint/correctness/noComponentHookFactories: an oidc-provider TTL key, not a React component
    ttl: { IdToken: () => state.idTokenTtl },
  });
  const handle = provider.callback();
  server.on("request", async (req, res) => {
    if (!opts.pages && req.url?.startsWith("/interaction/")) {
      const details = await provider.interactionDetails(req, res);
      const grant = new provider.Grant({
        accountId: state.login,
        clientId: String(details.params.client_id),
      });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: state.login }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    if (req.url === "/token" && state.forgeAudience) forgeIdToken(res, state.forgeAudience, privateKey);
    handle(req, res);
  });
  return {
    issuer,
    state,
    /** A logout token as the IdP would sign it (or, with `key`, as an impostor would). */
    logoutToken: (claims: JWTPayload, key: CryptoKey = privateKey) =>
      new SignJWT({ events: { "http://schemas.openid.net/event/backchannel-logout": {} }, ...claims })
        .setProtectedHeader({ alg: "RS256", kid: KID, typ: "logout+jwt" })
        .setIssuer(issuer)
        .setIssuedAt()
        .setJti(crypto.randomUUID())
        .sign(key),
    account: (a: IdpAccount) => accounts.set(a.sub, a),
    stop: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

export type TestIdp = Awaited<ReturnType<typeof startIdp>>;

/** Replaces the ID token in the token endpoint's answer by one with another audience. */
function forgeIdToken(res: ServerResponse, audience: string, key: CryptoKey) {
  const end = res.end.bind(res);
  const replacement = (chunk?: unknown) => {
    void (async () => {
      const body = JSON.parse(String(chunk)) as { id_token?: string };
      if (body.id_token) {
        const claims = decodeJwt(body.id_token);
        body.id_token = await new SignJWT({ ...claims, aud: audience })
          .setProtectedHeader({ alg: "RS256", kid: KID })
          .sign(key);
      }
      const text = JSON.stringify(body);
      res.setHeader("content-length", Buffer.byteLength(text));
      end(text);
    })();
    return res;
  };
  res.end = replacement as typeof res.end;
}
