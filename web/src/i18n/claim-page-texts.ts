// Registers the claim page's panel, history, competing-claims and dialog texts; imported by the
// claim page's components only, so they arrive with its chunk (see addTexts).
import { claimPageEn } from "./claim-page-en.ts";
import { claimPageEs } from "./claim-page-es.ts";
import { addTexts } from "./index.tsx";

addTexts("claimPage", claimPageEn, claimPageEs);
