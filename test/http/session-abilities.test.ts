// The session answer carries the caller's global abilities and assignable roles, computed by the
// domain's policies, and the response schema names every ability sessionAbilities() returns.
import type { Static } from "typebox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SessionAbilities, sessionAbilities } from "../../src/domain/policies/abilities.ts";
import { assignableRoles } from "../../src/domain/policies/admin.ts";
import { DEFAULT_UPLOAD_LIMITS } from "../../src/server/claims/use-cases/attach-document.ts";
import { SessionAbilities as SessionAbilitiesSchema } from "../../src/server/http/schemas.ts";
import { ENGINES } from "../support/engines.ts";
import { ADMIN, Client, startTestServer, type TestServer } from "./http-support.ts";
import { type HttpWorld, httpWorld } from "./http-world.ts";

// Compile-time drift guard: tsc fails here when the schema and the function name different keys.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesPolicies: Same<Static<typeof SessionAbilitiesSchema>, SessionAbilities> = true;

describe("the session abilities schema", () => {
  it("names exactly the keys of sessionAbilities()", () => {
    expect(schemaMatchesPolicies).toBe(true);
    const keys = Object.keys(sessionAbilities({ kind: "system" })).sort();
    expect(Object.keys(SessionAbilitiesSchema.properties).sort()).toEqual(keys);
  });
});

describe.each(ENGINES)("the session answer on %s", (engine) => {
  let t: TestServer;
  let w: HttpWorld;
  beforeAll(async () => {
    t = await startTestServer(engine);
    w = await httpWorld(t);
  });
  afterAll(() => t.stop());

  it("GET and POST /api/v1/session carry abilities and assignable roles", async () => {
    const reviewer = await w.reviewer.get<{ abilities: SessionAbilities; assignableRoles: string[] }>(
      "/api/v1/session",
    );
    expect(reviewer.status).toBe(200);
    const subject = { kind: "user", role: "reviewer", organizationId: null } as const;
    expect(reviewer.body.abilities).toEqual(sessionAbilities(subject));
    expect(reviewer.body.abilities).toMatchObject({ workReviewQueue: true, createClaim: false });
    expect(reviewer.body.assignableRoles).toEqual([]);

    const global = await w.a.global.get<{ abilities: SessionAbilities; assignableRoles: string[] }>(
      "/api/v1/session",
    );
    expect(global.body.abilities).toMatchObject({
      createClaim: true,
      manageUsers: true,
      workReviewQueue: false,
    });
    expect(global.body.assignableRoles).toEqual(
      assignableRoles({ kind: "user", role: "global_admin", organizationId: w.a.id }),
    );

    const signedIn = await new Client(t.server.url).post<{
      abilities: SessionAbilities;
      assignableRoles: string[];
    }>("/api/v1/session", ADMIN);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.abilities).toMatchObject({ manageOrganizations: true, operateSystem: true });
    expect(signedIn.body.assignableRoles).toContain("reviewer");
  });

  it("carries the upload limits this server enforces, for the screens to promise", async () => {
    const s = await w.reviewer.get<{ limits: { uploadMaxBytes: number; maxFilesPerClaim: number } }>(
      "/api/v1/session",
    );
    expect(s.body.limits).toEqual({
      uploadMaxBytes: DEFAULT_UPLOAD_LIMITS.maxBytes,
      maxFilesPerClaim: DEFAULT_UPLOAD_LIMITS.maxFilesPerClaim,
    });
  });
});
