// In-app notifications: the same messages as mail, for users, in their language, newest first,
// paged, marked read one by one or all at once, and nobody else's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer, type UserClient } from "../http/http-support.ts";
import { type HttpWorld, httpWorld, pdfBytes } from "../http/http-world.ts";
import { ENGINES } from "../support/engines.ts";

interface Note {
  id: string;
  event: string;
  title: string;
  claimId: string;
  claimNumber: string;
  at: string;
  readAt: string | null;
}
interface Inbox {
  items: Note[];
  nextCursor: string | null;
  unread: number;
}

describe.each(ENGINES)("in-app notifications on %s", (engine) => {
  let t: TestServer;
  let w: HttpWorld;
  let spanish: UserClient;
  let claim: { id: string; number: string };
  beforeAll(async () => {
    t = await startTestServer(engine);
    w = await httpWorld(t);
    spanish = await t.userClient("incentives_admin", w.a.id, "es");
    const created = await w.a.incentives.post<{ id: string; number: string }>(
      "/api/v1/claims",
      w.claimBody(w.a, await w.customer()),
    );
    claim = created.body;
    await w.a.incentives.upload(claim.id, pdfBytes(), "poe.pdf", "application/pdf");
    await w.a.incentives.post(`/api/v1/claims/${claim.id}/actions/submit`, {});
    await w.reviewer.post(`/api/v1/claims/${claim.id}/actions/start-review`, {});
    await t.server.notifier.runOnce();
  });
  afterAll(() => t.stop());

  it("lists the user's notifications newest first, in the user's language", async () => {
    const en = await w.a.global.get<Inbox>("/api/v1/notifications");
    expect(en.status).toBe(200);
    expect(en.body.items.map((n) => n.event)).toEqual(["review_started", "submitted_partner"]);
    expect(en.body.items[0]).toMatchObject({
      title: `Review of ${claim.number} has started`,
      claimId: claim.id,
      claimNumber: claim.number,
      readAt: null,
    });
    expect(en.body.unread).toBe(2);
    const es = await spanish.get<Inbox>("/api/v1/notifications");
    expect(es.body.items.map((n) => n.title)).toEqual([
      `Ha empezado la revisión de ${claim.number}`,
      `${claim.number} se ha enviado`,
    ]);
    const reviewer = await w.reviewer.get<Inbox>("/api/v1/notifications");
    expect(reviewer.body.items.map((n) => n.event)).toEqual(["submitted_reviewer"]);
    // Billing admins are not on the partner side of claim messages (RULES.md §13).
    expect((await w.a.billing.get<Inbox>("/api/v1/notifications")).body.items).toEqual([]);
    // Another organisation hears nothing of it.
    expect((await w.b.global.get<Inbox>("/api/v1/notifications")).body.items).toEqual([]);
  });

  it("pages with a cursor", async () => {
    const first = await w.a.global.get<Inbox>("/api/v1/notifications?limit=1");
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await w.a.global.get<Inbox>(
      `/api/v1/notifications?limit=1&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0]?.id).not.toBe(first.body.items[0]?.id);
    expect(second.body.nextCursor).toBeNull();
  });

  it("marks one read, then all, and never another user's", async () => {
    const inbox = await w.a.global.get<Inbox>("/api/v1/notifications");
    const [latest, older] = inbox.body.items;
    const other = await spanish.post(`/api/v1/notifications/${latest?.id}/read`, {});
    expect(other.status).toBe(404);
    const read = await w.a.global.post<Note>(`/api/v1/notifications/${latest?.id}/read`, {});
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    const unread = await w.a.global.get<Inbox>("/api/v1/notifications?unread=true");
    expect(unread.body.items.map((n) => n.id)).toEqual([older?.id]);
    expect(unread.body.unread).toBe(1);
    // Reading twice keeps the first time.
    const again = await w.a.global.post<Note>(`/api/v1/notifications/${latest?.id}/read`, {});
    expect(again.body.readAt).toBe(read.body.readAt);
    const all = await w.a.global.post<{ updated: number }>("/api/v1/notifications/read-all", {});
    expect(all.body.updated).toBe(1);
    expect((await w.a.global.get<Inbox>("/api/v1/notifications")).body.unread).toBe(0);
    // The Spanish admin's are untouched.
    expect((await spanish.get<Inbox>("/api/v1/notifications")).body.unread).toBe(2);
  });
});
