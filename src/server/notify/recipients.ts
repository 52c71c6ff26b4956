// Who an audience is, as people with an address, a language and a time zone (RULES.md §13):
// partner side = the claim's partner contact plus the organisation's global and incentives admins,
// once each; operator side = the reviewers; customer = the claim's customer contact.
import type { Kysely } from "kysely";
import { DEFAULT_LOCALE, type Locale, supportedLocale } from "../../i18n/index.ts";
import type { DB } from "../db/schema.ts";
import type { Audience } from "./plan.ts";

export interface Recipient {
  email: string;
  name: string;
  locale: Locale;
  timeZone: string;
  /** Set for users of the app: they also get the in-app notification. */
  userId: string | null;
}

export interface ClaimForMail {
  id: string;
  organization_id: string;
  partner_contact: string;
  customer_contact: string;
  tenant_id: string;
  /** The organisation calendar's zone: the default for everyone without their own. */
  time_zone: string;
  customer_locale: string | null;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  locale: string;
  time_zone: string | null;
}

/** Reads each audience once per dispatch batch. */
export class RecipientDirectory {
  #reviewers: UserRow[] | null = null;
  readonly #orgAdmins = new Map<string, UserRow[]>();
  readonly #byEmail = new Map<string, UserRow | null>();

  constructor(private readonly db: Kysely<DB>) {}

  /** The audience's people once each; `except` (a comment's author) is left out. */
  async resolve(audience: Audience, claim: ClaimForMail, except: string | null): Promise<Recipient[]> {
    const people =
      audience === "customer"
        ? [this.customer(claim)]
        : audience === "reviewers"
          ? await this.reviewers(claim)
          : await this.partner(claim);
    const seen = new Set<string>(except ? [except.trim().toLowerCase()] : []);
    const out: Recipient[] = [];
    for (const p of people) {
      const key = p.email.trim().toLowerCase();
      if (!key || seen.has(key)) continue;
      seen.add(key);
      out.push(p);
    }
    return out;
  }

  private customer(claim: ClaimForMail): Recipient {
    const c = JSON.parse(claim.customer_contact) as { name: string; email: string; locale?: string | null };
    return {
      email: c.email,
      name: c.name,
      locale: supportedLocale(c.locale) ?? supportedLocale(claim.customer_locale) ?? DEFAULT_LOCALE,
      timeZone: claim.time_zone,
      userId: null,
    };
  }

  private asRecipient(u: UserRow, claim: ClaimForMail): Recipient {
    return {
      email: u.email,
      name: u.name,
      locale: supportedLocale(u.locale) ?? DEFAULT_LOCALE,
      timeZone: u.time_zone ?? claim.time_zone,
      userId: u.id,
    };
  }

  private async reviewers(claim: ClaimForMail): Promise<Recipient[]> {
    this.#reviewers ??= await this.users().where("role", "=", "reviewer").execute();
    return this.#reviewers.map((u) => this.asRecipient(u, claim));
  }

  private async partner(claim: ClaimForMail): Promise<Recipient[]> {
    const contact = JSON.parse(claim.partner_contact) as { name: string; email: string };
    let admins = this.#orgAdmins.get(claim.organization_id);
    if (!admins) {
      admins = await this.users()
        .where("organization_id", "=", claim.organization_id)
        .where("role", "in", ["global_admin", "incentives_admin"])
        .execute();
      this.#orgAdmins.set(claim.organization_id, admins);
    }
    const key = contact.email.trim().toLowerCase();
    if (!this.#byEmail.has(key)) {
      const u = await this.users()
        .where("organization_id", "=", claim.organization_id)
        .where((eb) => eb.fn("lower", ["email"]), "=", key)
        .executeTakeFirst();
      this.#byEmail.set(key, u ?? null);
    }
    const asUser = this.#byEmail.get(key);
    const first: Recipient = asUser
      ? { ...this.asRecipient(asUser, claim), email: contact.email, name: contact.name }
      : {
          email: contact.email,
          name: contact.name,
          locale: DEFAULT_LOCALE,
          timeZone: claim.time_zone,
          userId: null,
        };
    return [first, ...admins.map((u) => this.asRecipient(u, claim))];
  }

  private users() {
    return this.db
      .selectFrom("users")
      .select(["id", "email", "name", "locale", "time_zone"])
      .where("disabled_at", "is", null)
      .orderBy("created_at")
      .orderBy("id");
  }
}
