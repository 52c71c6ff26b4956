// PATCH /api/v1/session: the signed-in user's own preferences, language (remembered per user, for
// mail too) and time zone. Nobody changes another user's preferences here.
import { invalidField } from "../../../domain/refusal.ts";
import type { AppContext } from "../../context.ts";
import { forgetUser } from "../principal-cache.ts";
import { getSession, type SessionAnswer, type SessionHolder } from "./get-session.ts";

export interface Preferences {
  locale?: "en" | "es";
  timeZone?: string | null;
}

export async function updatePreferences(
  ctx: AppContext,
  holder: SessionHolder,
  input: Preferences,
): Promise<SessionAnswer> {
  const { locale, timeZone } = input;
  if (timeZone && !Intl.supportedValuesOf("timeZone").includes(timeZone))
    throw invalidField("timeZone", "is not an IANA time zone");
  const db = ctx.db.kysely;
  const set = {
    ...(locale ? { locale } : {}),
    ...(timeZone !== undefined ? { time_zone: timeZone } : {}),
  };
  if (Object.keys(set).length)
    await db.updateTable("users").set(set).where("id", "=", holder.user.id).execute();
  forgetUser(holder.user.id);
  const user = await db
    .selectFrom("users")
    .selectAll()
    .where("id", "=", holder.user.id)
    .executeTakeFirstOrThrow();
  return getSession(ctx, { user, csrfToken: holder.csrfToken });
}
