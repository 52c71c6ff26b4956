// Every permission of the product, as small named predicates next to the transition table
// (claim transitions themselves are judged by ../transitions.ts; these cover everything else).
export * from "./abilities.ts";
export * from "./admin.ts";
export * from "./claims.ts";
export * from "./evidence.ts";
export * from "./incentives.ts";
export * from "./notify.ts";
export * from "./subject.ts";
export * from "./system.ts";
