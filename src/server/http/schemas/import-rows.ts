// A bad row of a CSV import, as both imports answer it (src/domain/import-rows.ts).
import { Type } from "typebox";
import { ROW_REASONS } from "../../../domain/import-rows.ts";
import { Enum } from "../schemas.ts";

export const ImportRowError = Type.Object({
  line: Type.Integer(),
  column: Type.String(),
  reason: Type.String({ description: "the reason in English" }),
  code: Enum(ROW_REASONS),
  params: Type.Optional(
    Type.Record(Type.String(), Type.String(), { description: "values the reason names (product, header)" }),
  ),
});
