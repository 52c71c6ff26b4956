// The PoE template (issue 14): a fillable PDF with the fields the preflight looks for.
import { Type } from "typebox";
import { fromAcceptLanguage, supportedLocale } from "../../../i18n/index.ts";
import { getPoeTemplate } from "../../templates/use-cases/get-poe-template.ts";
import { callerOf } from "../authenticate.ts";
import { errors } from "../responses.ts";
import type { App, HttpDeps } from "../types.ts";

export function poeTemplateRoutes(app: App, { ctx }: HttpDeps): void {
  app.get(
    "/api/v1/templates/poe.pdf",
    {
      schema: {
        tags: ["documents"],
        summary: "The fillable proof-of-execution template (PDF form), in English or Spanish",
        querystring: Type.Object({
          lang: Type.Optional(Type.Union([Type.Literal("en"), Type.Literal("es")])),
        }),
        response: { 200: Type.Unsafe({ type: "string", format: "binary" }), ...errors(401, 422) },
      },
    },
    async (req, reply) => {
      const locale =
        supportedLocale(req.query.lang) ?? fromAcceptLanguage(req.headers["accept-language"]) ?? "en";
      const pdf = await getPoeTemplate(ctx, callerOf(req).principal, { locale });
      reply.header("Content-Disposition", `attachment; filename="${pdf.filename}"`);
      reply.header("Content-Language", locale);
      reply.header("Vary", "Accept-Language");
      return reply.type("application/pdf").send(Buffer.from(pdf.content));
    },
  );
}
