// Partner organisations: creating one, adding a partner ID, choosing its calendar. The list itself
// is shared (lib/organizations.ts): payouts and users name organisations too.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { client, data } from "../../../../lib/api-client.ts";
import type { BodyOf } from "../../../../lib/api-types.ts";
import { ROOTS } from "../../../../lib/query-keys.ts";
import { invalidate } from "../../api/admin-keys.ts";

export function useCreateOrganization() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<"/api/v1/admin/organizations", "post">) =>
      data(client.POST("/api/v1/admin/organizations", { body })),
    onSuccess: () => invalidate(qc, ROOTS.organizations),
  });
}

export function useAddPartnerId(organizationId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (partnerId: string) =>
      data(
        client.POST("/api/v1/admin/organizations/{id}/partner-ids", {
          params: { path: { id: organizationId } },
          body: { partnerId },
        }),
      ),
    // A partner ID is also the caller's session when it is their organisation: claims name it.
    onSuccess: () => invalidate(qc, ROOTS.organizations, ROOTS.claims),
  });
}

export function useSetCalendar(organizationId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (calendarId: string | null) =>
      data(
        client.PUT("/api/v1/admin/organizations/{id}/calendar", {
          params: { path: { id: organizationId } },
          body: { calendarId },
        }),
      ),
    onSuccess: () => invalidate(qc, ROOTS.organizations),
  });
}
