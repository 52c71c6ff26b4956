// The layering of docs/ARCHITECTURE.md, checked by test/architecture/layering.test.ts (issue 10).
// TypeScript 7 has no compiler API, so the files are parsed with swc (@swc/core), which sees
// type-only imports too: a type is a dependency as much as a value.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "domain-is-pure",
      comment: "src/domain is pure rules: it imports nothing of the server, the CLI or the web app.",
      severity: "error",
      from: { path: "^src/domain/" },
      to: { path: "^(src/server|src/cli|web)/" },
    },
    {
      name: "no-http-outside-http",
      comment:
        "Use cases, the store and every other module are callable without HTTP: only src/server/http " +
        "(and the server's assembly) may import from it.",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/server/http/|^src/server/server\\.ts$" },
      to: { path: "^src/server/http/" },
    },
    {
      name: "store-imports-no-feature",
      comment: "src/server/db is the store: features import it, never the other way round.",
      severity: "error",
      from: { path: "^src/server/db/" },
      to: { path: "^src/server/", pathNot: "^src/server/(db/|ids\\.ts$|context\\.ts$)" },
    },
    {
      name: "web-imports-contract-and-domain",
      comment:
        "The web app knows the server only through the API contract (src/contract, generated from " +
        "the served OpenAPI document) and the pure domain; src/i18n holds the shared texts.",
      severity: "error",
      from: { path: "^web/src/" },
      to: { path: "^src/", pathNot: "^src/(domain/|i18n/|contract/)" },
    },
    {
      name: "no-cycles-in-domain",
      comment: "The domain's modules form a tree: no module depends on itself through others.",
      severity: "error",
      from: { path: "^src/domain/" },
      to: { circular: true },
    },
  ],
  options: {
    parser: "swc",
    tsPreCompilationDeps: true,
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|dist|web/dist)/" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js", ".mjs"] },
  },
};
