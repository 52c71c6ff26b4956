// The shared vocabulary in Spanish (every key of vocabulary-en.ts, checked by the compiler).
import type { Messages } from "./messages.ts";
import type { vocabularyEn } from "./vocabulary-en.ts";

export const vocabularyEs: Messages<typeof vocabularyEn> = {
  status: {
    editing: "En edición",
    submitted: "Enviada",
    under_review: "En revisión",
    partner_action_required: "Acción del partner requerida",
    approved: "Aprobada",
    rejected: "Rechazada",
  },
  activity: {
    pre_sales: "Preventa",
    deployment: "Implementación",
    usage: "Uso",
    revenue_association: "Asociación de ingresos",
  },
  reason: {
    missing_all_poe: "Falta toda la prueba de ejecución",
    missing_customer_acknowledgment: "Falta la conformidad del cliente (firma)",
    missing_or_old_dates: "Fechas ausentes o antiguas",
    missing_partner_solution: "Falta la solución o el servicio del partner",
    missing_products: "Faltan productos",
    partner_request: "Solicitud del partner",
    customer_decline: "Rechazo del cliente",
    insufficient_poe: "Prueba de ejecución insuficiente",
    missing_customer_consent_on_poe: "Falta el consentimiento del cliente en la prueba de ejecución",
    no_partner_response: "Sin respuesta del partner",
    poe_unavailable: "Prueba de ejecución no disponible",
    competing_claim_lost: "Reclamación duplicada o competidora perdida",
  },
  deadline: {
    review_start: "Inicio de la revisión",
    decision: "Decisión",
    partner_response: "Respuesta del partner",
    consent_end: "Fin del periodo de consentimiento del cliente",
    dispute_window: "Fin del plazo de disputa",
    dispute_decision: "Decisión de la disputa",
  },
};
