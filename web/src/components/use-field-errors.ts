// A form's field errors: the browser's own checks before the round trip (required fields) and
// the server's refusal placed under its inputs, each cleared as soon as its field is edited.
import { useCallback, useMemo, useState } from "react";
import { useT } from "../i18n/index.tsx";
import { fieldError } from "./forms.tsx";

export type Check = "required" | "email" | null;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** The browser's checks of one value: present, and an e-mail address where one is asked. */
export const verdict = (value: unknown, kind: "text" | "email" = "text"): Check => {
  const empty =
    value == null ||
    (typeof value === "string" ? value.trim() === "" : Array.isArray(value) && !value.length);
  if (empty) return "required";
  return kind === "email" && typeof value === "string" && !EMAIL.test(value.trim()) ? "email" : null;
};

export interface FieldErrors {
  /** The sentence under `field`, if any. */
  of(field: string): string | undefined;
  /** The field was edited: its error goes. */
  clear(field: string): void;
  /** Shows the browser's verdict per field (a kind of problems.kind, or null when fine); true when all are fine. */
  check(verdicts: Record<string, Check>): boolean;
  /** Whether any error is shown. */
  any: boolean;
}

export function useFieldErrors(server: Error | null): FieldErrors {
  const { t } = useT();
  const [local, setLocal] = useState<Record<string, string>>({});
  // Server errors edited away, remembered per refusal: a new refusal shows all of its own.
  const [cleared, setCleared] = useState<{ of: Error | null; fields: Set<string> }>({
    of: null,
    fields: new Set(),
  });
  const clear = useCallback(
    (field: string) => {
      setLocal((l) => {
        if (!(field in l)) return l;
        const { [field]: _, ...rest } = l;
        return rest;
      });
      setCleared((c) => ({
        of: server,
        fields: new Set([...(c.of === server ? c.fields : []), field]),
      }));
    },
    [server],
  );
  const check = useCallback(
    (verdicts: Record<string, Check>) => {
      const errors: Record<string, string> = {};
      for (const [field, v] of Object.entries(verdicts)) if (v) errors[field] = t(`problems.kind.${v}`);
      setLocal(errors);
      return Object.keys(errors).length === 0;
    },
    [t],
  );
  return useMemo(() => {
    const hidden = cleared.of === server ? cleared.fields : new Set<string>();
    const of = (field: string) => local[field] ?? (hidden.has(field) ? undefined : fieldError(server, field));
    return { of, clear, check, any: Object.keys(local).length > 0 };
  }, [local, cleared, server, clear, check]);
}
