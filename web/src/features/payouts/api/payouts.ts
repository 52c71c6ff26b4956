// Earnings and payout statements: one query hook per read, one mutation per change, each change
// refreshing the statements, the earnings and the notifications it may cause.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { client, data } from "../../../lib/api-client.ts";
import type { ResponseOf } from "../../../lib/api-types.ts";
import { ROOTS } from "../../../lib/query-keys.ts";

export type PayoutStatement = ResponseOf<"/api/v1/payouts/{id}">;
export type PayoutLine = PayoutStatement["lines"][number];
export type PayoutStatus = PayoutStatement["status"];
export type Earnings = ResponseOf<"/api/v1/earnings">;
export type NotEarning = Earnings["notEarningYet"][number];
export type LineDispute = NonNullable<PayoutLine["dispute"]>;

/** Lines the partner disputed that nobody has answered yet. */
export const openDisputes = (s: Pick<PayoutStatement, "lines">) =>
  s.lines.filter((l) => l.dispute?.status === "open");

export const payoutKeys = {
  all: [ROOTS.payouts] as const,
  month: (month: string) => [ROOTS.payouts, "month", month] as const,
  statement: (id: string) => [ROOTS.payouts, "statement", id] as const,
  earnings: (month: string, organizationId: string | null) =>
    [ROOTS.earnings, month, organizationId] as const,
};

export function useStatements(month: string) {
  return useQuery({
    queryKey: payoutKeys.month(month),
    queryFn: () => data(client.GET("/api/v1/payouts", { params: { query: { month } } })),
  });
}

export function useStatement(id: string) {
  return useQuery({
    queryKey: payoutKeys.statement(id),
    queryFn: () => data(client.GET("/api/v1/payouts/{id}", { params: { path: { id } } })),
  });
}

export function useEarnings(month: string, organizationId: string | null) {
  return useQuery({
    queryKey: payoutKeys.earnings(month, organizationId),
    queryFn: () =>
      data(
        client.GET("/api/v1/earnings", {
          params: { query: { month, ...(organizationId ? { organizationId } : {}) } },
        }),
      ),
  });
}

function useInvalidateMoney() {
  const qc = useQueryClient();
  return () =>
    Promise.all(
      [ROOTS.payouts, ROOTS.earnings, ROOTS.notifications].map((root) =>
        qc.invalidateQueries({ queryKey: [root] }),
      ),
    );
}

export function useCalculatePayouts() {
  const invalidate = useInvalidateMoney();
  return useMutation({
    mutationFn: (month: string) => data(client.POST("/api/v1/admin/payouts/calculate", { body: { month } })),
    onSuccess: invalidate,
  });
}

export type MoveStep = "approve" | "paid";

/**
 * Approving a calculated statement, or marking an approved one paid; `acknowledgeOpenDisputes`
 * once the person has seen the open disputes the confirmation listed.
 */
export function useMoveStatement() {
  const invalidate = useInvalidateMoney();
  return useMutation({
    mutationFn: ({
      id,
      step,
      acknowledgeOpenDisputes,
    }: {
      id: string;
      step: MoveStep;
      acknowledgeOpenDisputes: boolean;
    }) => {
      const init = {
        params: { path: { id } },
        body: acknowledgeOpenDisputes ? { acknowledgeOpenDisputes } : {},
      };
      return step === "approve"
        ? data(client.POST("/api/v1/admin/payouts/{id}/approve", init))
        : data(client.POST("/api/v1/admin/payouts/{id}/paid", init));
    },
    onSuccess: invalidate,
  });
}

export interface Resolution {
  lineId: string;
  outcome: "accepted" | "rejected";
  reply: string;
  amountMinor?: number;
}

/** The programme's answer to a disputed line. */
export function useResolveDispute(statementId: string) {
  const invalidate = useInvalidateMoney();
  return useMutation({
    mutationFn: ({ lineId, ...body }: Resolution) =>
      data(
        client.POST("/api/v1/payouts/{id}/lines/{lineId}/resolve-dispute", {
          params: { path: { id: statementId, lineId } },
          body,
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useDisputeLine(statementId: string) {
  const invalidate = useInvalidateMoney();
  return useMutation({
    mutationFn: ({ lineId, comment }: { lineId: string; comment: string }) =>
      data(
        client.POST("/api/v1/payouts/{id}/lines/{lineId}/dispute", {
          params: { path: { id: statementId, lineId } },
          body: { comment },
        }),
      ),
    onSuccess: invalidate,
  });
}

type StatementAction = PayoutStatement["allowedActions"][number];

/** Whether the caller may take `action` on the statement now (the statement's own allowedActions). */
export function statementAllows(
  s: Pick<PayoutStatement, "allowedActions">,
  action: StatementAction,
): boolean {
  return s.allowedActions.includes(action);
}
