// Registers the refusal texts; imported by the pages that show forms, and loaded on the first
// error by the shared alert (see addTexts).
import { addTexts } from "./index.tsx";
import { problemsEn } from "./problems-en.ts";
import { problemsEs } from "./problems-es.ts";

addTexts("problems", problemsEn, problemsEs);
