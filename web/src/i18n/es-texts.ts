// The Spanish texts as one bundle, loaded on demand (ensureLanguage): an English reader's first
// load does not carry them.
import { vocabularyEs } from "../../../src/i18n/vocabulary-es.ts";
import { webEs } from "./es.ts";

export const textsEs = { ...vocabularyEs, web: webEs };
