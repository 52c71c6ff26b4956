// Registers the preflight texts; imported by the lazy preflight panel only (see addTexts).
import { addTexts } from "./index.tsx";
import { preflightEn } from "./preflight-en.ts";
import { preflightEs } from "./preflight-es.ts";

addTexts("preflight", preflightEn, preflightEs);
