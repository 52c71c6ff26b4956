// One history entry's data, in words: the comment or justification, the reasons translated, the
// documents as links, the before and after of each edited field, the deadline that fired, and who
// a notification went to. The data is the API's free-form object, read defensively.
import { Anchor, Blockquote, Code, Group, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { useT } from "../../../i18n/index.tsx";
import "../../../i18n/claim-page-texts.ts";
import type { ClaimDocument, HistoryEntry } from "../../../lib/api-types.ts";
import { useProductNames } from "../../../lib/catalog.ts";
import { formatLastMoment } from "../../../lib/dates.ts";
import { DocumentLink } from "./document-link.tsx";

const str = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v : null);
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const field = (v: unknown, key: string): unknown =>
  typeof v === "object" && v !== null ? Reflect.get(v, key) : undefined;

/** An edit's before and after per field. */
function changesOf(v: unknown): [string, unknown, unknown][] {
  if (typeof v !== "object" || v === null) return [];
  return Object.entries(v).map(([name, c]: [string, unknown]) => [
    name,
    field(c, "before"),
    field(c, "after"),
  ]);
}

/** Who a notification went to: [audience, recipients]. */
function audiencesOf(v: unknown): [string, number][] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((m: unknown) => {
    const audience = str(field(m, "audience"));
    const n = num(field(m, "recipients"));
    return audience && n !== null ? [[audience, n] as [string, number]] : [];
  });
}

export function HistoryDetails({
  entry,
  claimId,
  timeZone,
  documents,
}: {
  entry: HistoryEntry;
  claimId: string;
  timeZone?: string;
  documents: ClaimDocument[];
}) {
  const { t, dateTime, lang } = useT();
  // A deadline the entry names (its exclusive end), written as the deadline panel writes it: the
  // last moment to act (end − 1 ms) in the claim calendar's zone (RULES.md §4a).
  const lastMoment = (dueAt: number) =>
    timeZone
      ? formatLastMoment({ lastMomentToAct: new Date(dueAt - 1).toISOString(), timeZone }, lang)
      : dateTime(dueAt - 1);
  const productNames = useProductNames();
  const d = entry.data;
  const out: ReactNode[] = [];
  const show = (v: unknown, name: string): string => {
    if (v === null || v === undefined || v === "") return "—";
    if (name === "products") return productNames(strings(v));
    if (name === "activity" && typeof v === "string") return t(`activity.${v}`, { defaultValue: v });
    if (typeof v === "string" || typeof v === "number") return String(v);
    if (typeof v === "object")
      return Object.values(v)
        .filter((x) => x !== null && x !== undefined && x !== "")
        .map(String)
        .join(", ");
    return String(v);
  };

  const reasons = strings(d.reasons);
  if (reasons.length > 0)
    out.push(
      <Text key="reasons" size="sm">
        {t("web.claim.reasons")}: {reasons.map((r) => t(`reason.${r}`)).join(", ")}
      </Text>,
    );
  const reason = str(d.reason);
  if (entry.event === "withdrawn" && reason)
    out.push(
      <Text key="withdraw" size="sm">
        {t("claimPage.history.withdrawReason", {
          reason: t(`web.withdraw.${reason}`, { defaultValue: reason }),
        })}
      </Text>,
    );
  const words = str(d.comment) ?? str(d.justification) ?? str(d.body);
  if (words)
    out.push(
      <Blockquote key="words" p={6} fz="sm" style={{ whiteSpace: "pre-wrap" }}>
        {words}
      </Blockquote>,
    );
  const docIds = [...strings(d.documentIds), ...(str(d.documentId) ? [String(d.documentId)] : [])];
  if (docIds.length > 0)
    out.push(
      <Group key="docs" gap="xs">
        <Text size="sm">{t("claimPage.history.documents")}:</Text>
        {docIds.map((id) => (
          <DocumentLink
            key={id}
            claimId={claimId}
            documentId={id}
            documents={
              id === d.documentId && str(d.filename) ? [{ id, filename: String(d.filename) }] : documents
            }
          />
        ))}
      </Group>,
    );
  const to = str(d.to);
  if (entry.event === "dispute_overturned" && to)
    out.push(
      <Text key="to" size="sm">
        {t("claimPage.history.wentTo", { status: t(`status.${to}`, { defaultValue: to }) })}
      </Text>,
    );
  const until = num(d.disputableUntil);
  if (until !== null)
    out.push(
      <Text key="until" size="xs" c="dimmed">
        {t("claimPage.history.disputableUntil", { date: lastMoment(until) })}
      </Text>,
    );
  const copiedFrom = str(d.copiedFrom);
  if (copiedFrom)
    out.push(
      <Anchor key="copied" component={Link} to={`/claims/${copiedFrom}`} size="sm">
        {t("claimPage.history.copiedFrom")}
      </Anchor>,
    );
  const winner = str(d.winnerId);
  if (winner)
    out.push(
      <Anchor key="winner" component={Link} to={`/claims/${winner}`} size="sm">
        {t("claimPage.history.lostTo")}
      </Anchor>,
    );
  const kept = strings(d.keepCompeting);
  if (kept.length > 0)
    out.push(
      <Text key="kept" size="sm">
        {t("claimPage.history.kept", { count: kept.length })}
      </Text>,
    );
  const kind = str(d.kind);
  const dueAt = num(d.dueAt);
  if (kind && dueAt !== null)
    out.push(
      <Text key="deadline" size="xs" c="dimmed">
        {t("claimPage.history.deadline", {
          kind: t(`deadline.${kind}`, { defaultValue: kind }),
          date: lastMoment(dueAt),
        })}
      </Text>,
    );
  const audiences = audiencesOf(d.messages);
  if (audiences.length > 0)
    out.push(
      <Text key="sent" size="xs" c="dimmed">
        {t("claimPage.history.sentTo", {
          who: audiences
            .map(([a, n]) => t(`claimPage.history.audience.${a}`, { count: n, defaultValue: a }))
            .join(", "),
        })}
        {num(d.webhooks) ? ` · ${t("claimPage.history.webhooks", { count: num(d.webhooks) ?? 0 })}` : ""}
      </Text>,
    );
  for (const [name, before, after] of changesOf(d.changes))
    out.push(
      <Code key={`change-${name}`} block fz="xs">
        {t("claimPage.history.changed", {
          field: t(`web.claim.${name}`, { defaultValue: name }),
          before: show(before, name),
          after: show(after, name),
        })}
      </Code>,
    );
  return out.length > 0 ? <Stack gap={4}>{out}</Stack> : null;
}
