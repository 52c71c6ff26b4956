// The API's types, taken from the server's own schemas (TypeBox), never copied by hand: when a
// schema changes, the web app stops compiling where it no longer fits.
import type { Static } from "typebox";
import type {
  ClaimCreate as ClaimCreateSchema,
  ClaimList as ClaimListSchema,
  Claim as ClaimSchema,
  Comment as CommentSchema,
  Document as DocumentSchema,
  HistoryEntry as HistoryEntrySchema,
  Problem as ProblemSchema,
  User as UserSchema,
} from "../../../src/server/http/schemas.ts";

export type Claim = Static<typeof ClaimSchema>;
export type ClaimCreate = Static<typeof ClaimCreateSchema>;
export type ClaimList = Static<typeof ClaimListSchema>;
export type ClaimDocument = Static<typeof DocumentSchema>;
export type Comment = Static<typeof CommentSchema>;
export type HistoryEntry = Static<typeof HistoryEntrySchema>;
export type Problem = Static<typeof ProblemSchema>;
export type User = Static<typeof UserSchema>;
export type Status = Claim["status"];
export type Action = Claim["allowedActions"][number];
