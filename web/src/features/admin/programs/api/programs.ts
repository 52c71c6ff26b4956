// Incentive programmes: the list, defining and changing one, enrolments, and re-assessing claims
// against the programmes. A change refreshes the programmes, and the money and claims it judges.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { client, data } from "../../../../lib/api-client.ts";
import type { BodyOf, ResponseOf } from "../../../../lib/api-types.ts";
import { ROOTS } from "../../../../lib/query-keys.ts";
import { adminKeys, invalidate } from "../../api/admin-keys.ts";

export type Program = ResponseOf<"/api/v1/programs">["items"][number];
export type ProgramProduct = Program["products"][number];
export type ProgramCreate = BodyOf<"/api/v1/admin/programs", "post">;
export type ProgramPatch = BodyOf<"/api/v1/admin/programs/{code}", "patch">;
export type ReassessResult = ResponseOf<"/api/v1/admin/eligibility/reassess", "post">;
export type ReassessChange = ReassessResult["changes"][number];

export function usePrograms() {
  return useQuery({ queryKey: adminKeys.programs, queryFn: () => data(client.GET("/api/v1/programs")) });
}

export function useCreateProgram() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ProgramCreate) => data(client.POST("/api/v1/admin/programs", { body })),
    onSuccess: () => invalidate(qc, ROOTS.admin),
  });
}

export function useUpdateProgram(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ProgramPatch) =>
      data(client.PATCH("/api/v1/admin/programs/{code}", { params: { path: { code } }, body })),
    onSuccess: () => invalidate(qc, ROOTS.admin),
  });
}

export function useEnrollment(programCode: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ organizationId, enrolled }: { organizationId: string; enrolled: boolean }) =>
      enrolled
        ? data(
            client.POST("/api/v1/admin/programs/{code}/enrollments", {
              params: { path: { code: programCode } },
              body: { organizationId },
            }),
          )
        : data(
            client.DELETE("/api/v1/admin/programs/{code}/enrollments/{organizationId}", {
              params: { path: { code: programCode, organizationId } },
            }),
          ),
    onSuccess: () => invalidate(qc, ROOTS.admin),
  });
}

export function useReassess() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (dryRun: boolean) =>
      data(client.POST("/api/v1/admin/eligibility/reassess", { params: { query: { dryRun } } })),
    onSuccess: (r) => (r.dryRun ? undefined : invalidate(qc, ROOTS.claims, ROOTS.earnings, ROOTS.payouts)),
  });
}
