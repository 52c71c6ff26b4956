// The web app's build: React, one chunk per route (lazy pages), a vendor chunk for React and
// Mantine so that it stays cached across releases. `npm run build:web` writes web/dist, which the
// server serves at /.
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    // The chunk graph, for scripts/bundle-size.mjs (what the first page load really fetches).
    manifest: true,
    chunkSizeWarningLimit: 600,
  },
  server: {
    // `npm run dev:web` next to a running server: the API is proxied.
    proxy: { "/api": "http://127.0.0.1:3000", "/consent": "http://127.0.0.1:3000" },
  },
});
