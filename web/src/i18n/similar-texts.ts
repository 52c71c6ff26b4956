// Registers the texts of the reviewer's "similar claims" list (reuse and look-alike detection);
// imported by that component only, so they stay out of the first load.
import { addTexts } from "./index.tsx";
import { similarEn } from "./similar-en.ts";
import { similarEs } from "./similar-es.ts";

addTexts("similarUi", similarEn, similarEs);
