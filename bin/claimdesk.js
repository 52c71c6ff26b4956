#!/usr/bin/env node
// The `claimdesk` command. The sources are TypeScript, loaded through tsx's ESM hook so that
// `npm start` needs no separate build step.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
