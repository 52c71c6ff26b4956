// Issue 11: an unknown address shows a translated "Page not found" with the way to the dashboard,
// never the dashboard itself.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { webEn } from "../../web/src/i18n/en.ts";
import { webEs } from "../../web/src/i18n/es.ts";

describe("the web app's unknown routes", () => {
  it("route to the not-found page, not to the dashboard", () => {
    const app = readFileSync("web/src/app/app.tsx", "utf8");
    expect(app).toMatch(/<Route path="\*" element={<NotFound \/>} \/>/);
    expect(app).toContain('import NotFound from "./not-found.tsx";');
    expect(app).not.toContain("<Navigate");
    const page = readFileSync("web/src/app/not-found.tsx", "utf8");
    expect(page).toContain('to="/"');
    for (const key of ["title", "body", "back"]) expect(page).toContain(`web.notFound.${key}`);
  });

  it("say so in English and in Spanish", () => {
    expect(webEn.notFound.title).toBe("Page not found");
    expect(webEs.notFound.title).toBe("Página no encontrada");
    expect(webEs.notFound.back).not.toBe(webEn.notFound.back);
  });
});
