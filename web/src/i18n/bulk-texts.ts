// Registers the bulk filing texts; imported by that screen only (see addTexts).
import { bulkEn } from "./bulk-en.ts";
import { bulkEs } from "./bulk-es.ts";
import { addTexts } from "./index.tsx";

addTexts("bulk", bulkEn, bulkEs);
