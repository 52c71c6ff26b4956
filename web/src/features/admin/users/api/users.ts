// Users: the list (each with the caller's abilities, and the roles the caller may hand out),
// creating one, changing or disabling one.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { client, data } from "../../../../lib/api-client.ts";
import type { BodyOf, ResponseOf } from "../../../../lib/api-types.ts";
import { adminKeys } from "../../api/admin-keys.ts";

export type AdminUser = ResponseOf<"/api/v1/admin/users">["items"][number];
export type UserCreate = BodyOf<"/api/v1/admin/users", "post">;
export type UserPatch = BodyOf<"/api/v1/admin/users/{id}", "patch">;

export function useUsers() {
  return useQuery({ queryKey: adminKeys.users, queryFn: () => data(client.GET("/api/v1/admin/users")) });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UserCreate) => data(client.POST("/api/v1/admin/users", { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: adminKeys.users }),
  });
}

export function useUpdateUser(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UserPatch) =>
      data(client.PATCH("/api/v1/admin/users/{id}", { params: { path: { id } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: adminKeys.users }),
  });
}
