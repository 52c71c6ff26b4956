// The web app (web/dist, built by `npm run build:web`) served at /: hashed assets cached for a
// year, index.html never cached, so that a new release is picked up on the next page load.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

const DIST = resolve(import.meta.dirname, "../../../web/dist");

export async function registerWebApp(app: FastifyInstance): Promise<{ index: string } | null> {
  const indexFile = join(DIST, "index.html");
  if (!existsSync(indexFile)) {
    app.log.warn({ dist: DIST }, "the web app is not built (npm run build:web); serving the API only");
    return null;
  }
  // Re-read when the build changes, so that a rebuilt app is served without a restart.
  let index = readFileSync(indexFile, "utf8");
  let indexMtime = statSync(indexFile).mtimeMs;
  const current = () => {
    const m = existsSync(indexFile) ? statSync(indexFile).mtimeMs : indexMtime;
    if (m !== indexMtime) {
      index = readFileSync(indexFile, "utf8");
      indexMtime = m;
    }
    return index;
  };
  await app.register(fastifyStatic, {
    root: join(DIST, "assets"),
    prefix: "/assets/",
    immutable: true,
    maxAge: "365d",
    // Vite already compressed nothing; let a proxy do it. Only hashed files live here.
    index: false,
    wildcard: true,
  });
  app.get("/", { config: { auth: false }, schema: { hide: true } }, async (_req, reply) =>
    reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").send(current()),
  );
  return {
    get index() {
      return current();
    },
  };
}
