// The refusal texts with the mapping that reads them: one chunk, fetched by the first error the
// shared alert shows (the first load carries neither).
import "../i18n/problem-texts.ts";

export { humanError } from "../lib/human-error.ts";
