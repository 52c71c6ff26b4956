/** `text` as `biome format` would write it at `path` (the path picks the language). */
export function formatLikeRepo(text: string, path: string): string;
/** The TypeScript declarations (`paths`, `components`, `operations`) of an OpenAPI document. */
export function generateTypes(doc: Record<string, unknown>): Promise<string>;
/** The document as committed in src/contract/openapi.json. */
export function documentText(doc: Record<string, unknown>): string;
