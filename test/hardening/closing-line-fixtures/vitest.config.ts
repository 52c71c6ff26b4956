// A tiny Vitest project for closing-line.test.ts: two failing tests, one passing, one broken file.
import { defineConfig } from "vitest/config";

export default defineConfig({ test: { include: ["*.fixture.ts"], maxWorkers: 1 } });
