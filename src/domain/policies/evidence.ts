// Proof of execution beyond one claim: the PoE template, and the reuse / look-alike flags that
// compare evidence across organisations (which only the operator may see).
import { isOperatorUser, isUser, type Subject } from "./subject.ts";

export const mayDownloadPoeTemplate = (s: Subject) => isUser(s);
/** Similar claims name other organisations' claims and customers: operator only. */
export const maySeeSimilarClaims = (s: Subject) => isOperatorUser(s);
