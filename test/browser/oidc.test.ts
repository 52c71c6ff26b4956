// Signing in with an organisation's identity provider, in a real browser against a real OpenID
// provider (oidc-provider, with its own login and consent pages) on 127.0.0.1, on both engines:
// the first sign-in through "Sign in with …" provisions the user with the mapped role; a role
// changed in the IdP is picked up at the next sign-in; sign-out goes through the IdP's logout; a
// user of another organisation and a disabled user are refused with a readable message (also in
// Spanish); a program admin adds a provider in the administration; personal access tokens; the
// sign-in page and the administration at 390x844. axe on every screen; screenshots.
import { createServer } from "node:net";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, Client, signInToken, startTestServer, type TestServer } from "../http/http-support.ts";
import { startIdp, type TestIdp } from "../oidc/test-idp.ts";
import { buildWebApp, screenshot, signIn, visible, WEB } from "../support/browser.ts";
import { ENGINES } from "../support/engines.ts";
import { browserPages, expectAxeClean, PHONE } from "../support/journey.ts";

const CALLBACK = "/api/v1/session/oidc/callback";
const TIMEOUT = 180_000;
const en = WEB.en;

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, "127.0.0.1", ok));
  const port = (s.address() as { port: number }).port;
  await new Promise((ok) => s.close(ok));
  return port;
}

beforeAll(() => buildWebApp(), 300_000);

describe.each(ENGINES)("identity-provider sign-in in the browser on %s", (engine) => {
  let t: TestServer;
  let idp: TestIdp;
  let base: string;
  let orgA: string;
  let orgB: string;

  /** The user as the server has it (the program admin's list). */
  async function userByEmail(email: string) {
    const list = await t.admin.get<{
      items: { email: string; role: string; organizationId: string | null }[];
    }>("/api/v1/admin/users");
    return list.body.items.find((u) => u.email === email);
  }

  /** Types the address on the sign-in page and waits for its "Sign in with …" button. */
  async function offerFor(page: Page, email: string, label: string) {
    await page.goto(`${base}/`);
    await page.getByRole("textbox", { name: /^(Email|Correo electrónico)/ }).fill(email);
    const button = page.getByRole("link", { name: label, exact: true });
    await visible(button);
    return button;
  }

  /** At the IdP: its login page (any password), its consent page, until Claimdesk has the browser. */
  async function throughIdp(page: Page, login: string): Promise<void> {
    await page.waitForURL((u) => u.href.startsWith(idp.issuer));
    for (let step = 0; step < 6 && !page.url().startsWith(base); step++) {
      await page.waitForLoadState("load");
      const before = page.url();
      const leaves = page.waitForURL((u) => u.href !== before);
      if (await page.locator('input[name="login"]').count()) {
        await page.locator('input[name="login"]').fill(login);
        await page.locator('input[name="password"]').fill("any password");
        await page.getByRole("button", { name: "Sign-in" }).click();
      } else if (await page.getByRole("button", { name: "Continue" }).count()) {
        await page.getByRole("button", { name: "Continue" }).click();
      }
      await leaves;
    }
    await page.waitForURL((u) => u.href.startsWith(base));
  }

  async function signInWithIdp(page: Page, email: string, login: string, label = "Sign in with A Entra") {
    await (await offerFor(page, email, label)).click();
    await throughIdp(page, login);
  }

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await startTestServer(engine, { port, baseUrl: base });
    const redirect_uris = [`${base}${CALLBACK}`];
    idp = await startIdp(
      [
        {
          client_id: "web-a",
          client_secret: "secret-a",
          redirect_uris,
          post_logout_redirect_uris: [`${base}/`],
        },
        { client_id: "web-op", client_secret: "secret-op", redirect_uris },
      ],
      { pages: true },
    );
    const org = async (name: string, partnerId: string) =>
      (await t.admin.post<{ id: string }>("/api/v1/admin/organizations", { name, partnerIds: [partnerId] }))
        .body.id;
    orgA = await org("Contoso Partners", "4400001");
    orgB = await org("Fabrikam Partners", "4400002");
    const made = await t.admin.post("/api/v1/admin/identity-providers", {
      organizationId: orgA,
      name: "A Entra",
      issuer: idp.issuer,
      clientId: "web-a",
      clientSecret: "secret-a",
      allowedDomains: ["a.example", "shared.example"],
      roleMapping: { claim: "groups", values: { "cd-admins": "global_admin" }, default: "incentives_admin" },
    });
    expect(made.status).toBe(201);
  });
  afterAll(async () => {
    await idp?.stop();
    await t?.stop();
  });
  const pages = browserPages(engine, "oidc");

  it(
    "provisions at the first sign-in with the mapped role, signs out at the IdP, and picks up a role change",
    async () => {
      idp.account({ sub: "alice", email: "alice@a.example", name: "Alice Admin", groups: ["cd-admins"] });
      const page = await pages.open();
      await offerFor(page, "alice@a.example", "Sign in with A Entra");
      // Organisation A keeps passwords: both ways are offered.
      await visible(page.getByRole("textbox", { name: en.signIn.password, exact: true }));
      await screenshot(page, engine, "oidc-sign-in-offer");
      await expectAxeClean(page);
      await signInWithIdp(page, "alice@a.example", "alice");
      const nav = page.getByRole("navigation", { name: en.nav.main });
      await visible(nav);
      await visible(nav.getByRole("link", { name: en.nav.admin }));
      expect(await userByEmail("alice@a.example")).toMatchObject({
        role: "global_admin",
        organizationId: orgA,
      });

      // Signing out ends the IdP's session too (RP-initiated logout), then comes back here.
      await page.getByRole("button", { name: en.nav.signOut }).click();
      await page.waitForURL((u) => u.href.startsWith(`${idp.issuer}/session/end`));
      await screenshot(page, engine, "oidc-idp-logout");
      await page.getByRole("button", { name: "Yes, sign me out" }).click();
      await page.waitForURL((u) => u.href.startsWith(base));
      await visible(page.getByRole("heading", { name: en.signIn.title }));

      // Demoted in the IdP: the next sign-in (through its login page again) brings the new role.
      idp.account({ sub: "alice", email: "alice@a.example", name: "Alice Admin", groups: ["staff"] });
      await signInWithIdp(page, "alice@a.example", "alice");
      await visible(nav);
      expect(await nav.getByRole("link", { name: en.nav.admin }).count()).toBe(0);
      expect(await userByEmail("alice@a.example")).toMatchObject({ role: "incentives_admin" });
    },
    TIMEOUT,
  );

  it(
    "refuses a user of another organisation and a disabled user, with a readable message (also in Spanish)",
    async () => {
      const created = await t.admin.post<{ id: string }>("/api/v1/admin/users", {
        email: "carol@shared.example",
        name: "Carol of Fabrikam",
        password: "a-long-test-password",
        role: "global_admin",
        organizationId: orgB,
      });
      expect(created.status).toBe(201);
      idp.account({ sub: "carol", email: "carol@shared.example", groups: ["cd-admins"] });
      const page = await pages.open();
      await signInWithIdp(page, "carol@shared.example", "carol");
      const alert = page.getByRole("alert");
      await visible(alert);
      expect(await alert.textContent()).toContain("Your Claimdesk account belongs to another organisation");
      // The reason is read once and leaves the address (a reload does not repeat it).
      await expect.poll(() => new URL(page.url()).search).toBe("");
      await screenshot(page, engine, "oidc-refused-other-organization");
      await expectAxeClean(page);

      const spanish = await pages.open({ locale: "es-ES" });
      await signInWithIdp(spanish, "carol@shared.example", "carol", "Iniciar sesión con A Entra");
      await visible(spanish.getByRole("alert"));
      expect(await spanish.getByRole("alert").textContent()).toContain(
        "Su cuenta de Claimdesk pertenece a otra organización",
      );
      await screenshot(spanish, engine, "oidc-refused-other-organization-es");
      await expectAxeClean(spanish);

      const dan = await t.admin.post<{ id: string }>("/api/v1/admin/users", {
        email: "dan@a.example",
        name: "Dan",
        password: "a-long-test-password",
        role: "incentives_admin",
        organizationId: orgA,
      });
      expect((await t.admin.patch(`/api/v1/admin/users/${dan.body.id}`, { disabled: true })).status).toBe(
        200,
      );
      idp.account({ sub: "dan", email: "dan@a.example", groups: [] });
      const third = await pages.open();
      await signInWithIdp(third, "dan@a.example", "dan");
      await visible(third.getByRole("alert"));
      expect(await third.getByRole("alert").textContent()).toContain("Your Claimdesk account is disabled");
      await screenshot(third, engine, "oidc-refused-disabled");
    },
    TIMEOUT,
  );

  it(
    "lets a program admin add an identity provider in the administration, and switch it off",
    async () => {
      const page = await pages.open();
      await signIn(page, base, ADMIN);
      await page.goto(`${base}/admin/identity-providers`);
      await visible(page.getByRole("heading", { name: "Sign-in with identity providers" }));
      await visible(page.getByRole("cell", { name: "A Entra", exact: true }));
      await page.getByRole("button", { name: "Add identity provider" }).click();
      const dialog = page.getByRole("dialog", { name: "Add identity provider" });
      await visible(dialog);
      await dialog.getByRole("textbox", { name: "Name" }).fill("Operator Keycloak");
      await dialog.getByRole("textbox", { name: "Issuer URL" }).fill(idp.issuer);
      await dialog.getByRole("button", { name: "Test discovery" }).click();
      await visible(dialog.getByText(`Discovery works: ${idp.issuer}`));
      await dialog.getByRole("textbox", { name: "Client ID" }).fill("web-op");
      await dialog.getByLabel("Client secret").fill("secret-op");
      const domains = dialog.getByLabel("Allowed e-mail domains");
      await domains.fill("operator.example");
      await domains.press("Enter");
      await dialog.getByRole("textbox", { name: "Claim", exact: true }).fill("roles");
      await dialog.getByRole("textbox", { name: "Claim value (group or role)" }).fill("claim-reviewers");
      await dialog.getByRole("combobox", { name: "Claimdesk role" }).click();
      await page.getByRole("option", { name: "Reviewer", exact: true }).click();
      await screenshot(page, engine, "oidc-admin-create");
      await expectAxeClean(page);
      await dialog.getByRole("button", { name: "Add provider" }).click();
      await dialog.waitFor({ state: "hidden" });
      await visible(page.getByRole("cell", { name: "Operator Keycloak", exact: true }));
      const list = await t.admin.get<{ items: Record<string, unknown>[] }>(
        "/api/v1/admin/identity-providers",
      );
      expect(list.body.items.find((p) => p.name === "Operator Keycloak")).toMatchObject({
        organizationId: null,
        clientId: "web-op",
        hasSecret: true,
        allowedDomains: ["operator.example"],
        roleMapping: { claim: "roles", values: { "claim-reviewers": "reviewer" } },
        enabled: true,
      });
      await screenshot(page, engine, "oidc-admin-list");
      await expectAxeClean(page);

      const row = page.getByRole("row").filter({ hasText: "Operator Keycloak" });
      await row.getByRole("button", { name: "Switch off" }).click();
      const confirm = page.getByRole("dialog", { name: "Switch off Operator Keycloak?" });
      await confirm.getByRole("button", { name: "Switch off" }).click();
      await confirm.waitFor({ state: "hidden" });
      await visible(row.getByRole("button", { name: "Switch on" }));
    },
    TIMEOUT,
  );

  it(
    "shows the administration in Spanish, and the sign-in page and the administration at 390x844",
    async () => {
      const email = `admin-es-${Date.now()}@operator.example`;
      const password = "a-long-test-password";
      expect(
        (
          await t.admin.post("/api/v1/admin/users", {
            email,
            name: "Administradora",
            password,
            role: "program_admin",
            organizationId: null,
            locale: "es",
          })
        ).status,
      ).toBe(201);
      const es = await pages.open();
      await signIn(es, base, { email, password }, { formLang: "en", appLang: "es" });
      await es.goto(`${base}/admin/identity-providers`);
      await visible(es.getByRole("heading", { name: "Inicio de sesión con proveedores de identidad" }));
      await screenshot(es, engine, "oidc-admin-list-es");
      await expectAxeClean(es);
      await es
        .getByRole("row")
        .filter({ hasText: "A Entra" })
        .getByRole("button", { name: "Editar" })
        .click();
      const edit = es.getByRole("dialog", { name: "Editar A Entra" });
      await visible(edit.getByText("Hay un secreto de cliente guardado (nunca se muestra)."));
      await screenshot(es, engine, "oidc-admin-edit-es");
      await expectAxeClean(es);

      const phone = await pages.open({ viewport: PHONE });
      await offerFor(phone, "alice@a.example", "Sign in with A Entra");
      await screenshot(phone, engine, "oidc-sign-in-offer-phone");
      await expectAxeClean(phone);
      const admin = await pages.open({ viewport: PHONE });
      await signIn(admin, base, ADMIN);
      await admin.goto(`${base}/admin/identity-providers`);
      await visible(admin.getByRole("heading", { name: "Sign-in with identity providers" }));
      await screenshot(admin, engine, "oidc-admin-list-phone");
      await expectAxeClean(admin);
    },
    TIMEOUT,
  );

  it(
    "lets a user make a read-only access token (shown once), list it and revoke it",
    async () => {
      const page = await pages.open();
      await signIn(page, base, ADMIN);
      await page
        .getByRole("navigation", { name: en.nav.main })
        .getByRole("link", { name: en.nav.tokens })
        .click();
      await visible(page.getByRole("heading", { name: "Access tokens" }));
      await page.getByRole("button", { name: "Create token" }).click();
      const dialog = page.getByRole("dialog", { name: "Create token" });
      await dialog.getByRole("textbox", { name: "Name" }).fill("Monthly report");
      await dialog.getByRole("radio", { name: "Read only" }).check();
      await dialog.getByRole("button", { name: "Create", exact: true }).click();
      const once = page.getByRole("dialog", { name: "Your new token" });
      await visible(once);
      const token = await once.getByRole("textbox", { name: "Token" }).inputValue();
      await screenshot(page, engine, "oidc-token-once");
      await expectAxeClean(page);
      await once.getByRole("button", { name: "I have saved it" }).click();
      const reader = new Client(base, token);
      expect((await reader.get("/api/v1/claims")).status).toBe(200);
      expect((await reader.post("/api/v1/tokens", { name: "escalate" })).status).toBe(403);
      const row = page.getByRole("row").filter({ hasText: "Monthly report" });
      await visible(row.getByText("Read only"));
      await screenshot(page, engine, "oidc-tokens");
      await expectAxeClean(page);
      await row.getByRole("button", { name: "Revoke" }).click();
      await page
        .getByRole("dialog", { name: "Revoke Monthly report?" })
        .getByRole("button", { name: "Revoke" })
        .click();
      await visible(row.getByText(/^Revoked/));
      expect((await reader.get("/api/v1/claims")).status).toBe(401);
      // The admin's own password sign-in still works alongside.
      expect(await signInToken(base, ADMIN.email, ADMIN.password)).toBeTruthy();
    },
    TIMEOUT,
  );
});
