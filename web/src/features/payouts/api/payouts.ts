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

/** Approving a calculated statement, or marking an approved one paid. */
export function useMoveStatement() {
  const invalidate = useInvalidateMoney();
  return useMutation({
    mutationFn: ({ id, step }: { id: string; step: "approve" | "paid" }) =>
      step === "approve"
        ? data(client.POST("/api/v1/admin/payouts/{id}/approve", { params: { path: { id } } }))
        : data(client.POST("/api/v1/admin/payouts/{id}/paid", { params: { path: { id } } })),
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
