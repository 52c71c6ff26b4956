// Registers the administration and payout texts; imported by those pages only (see addTexts).
import { adminEn } from "./admin-en.ts";
import { adminEs } from "./admin-es.ts";
import { addTexts } from "./index.tsx";

addTexts("adminUi", adminEn, adminEs);
