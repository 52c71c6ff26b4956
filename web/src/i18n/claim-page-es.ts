// Textos del panel de acción, el historial, las reclamaciones competidoras y los diálogos de acción
// de la página de una reclamación, en español.
import type { Messages } from "../../../src/i18n/messages.ts";
import type { claimPageEn } from "./claim-page-en.ts";

export const claimPageEs: Messages<typeof claimPageEn> = {
  panel: {
    title: "Siguiente paso",
    yourTurn: "Le toca a usted",
    notYourTurn: "Ahora no tiene nada que hacer",
    messageFrom: {
      information_request: "{{name}} pidió más información",
      resubmission: "{{name}} reenvió la reclamación",
      approval: "{{name}} aprobó la reclamación",
      rejection: "{{name}} rechazó la reclamación",
      rejectionSystem: "La reclamación se rechazó automáticamente",
      customer_decline: "Rechazada por el cliente, {{name}}",
      withdrawal: "{{name}} retiró la reclamación",
      dispute: "{{name}} impugnó el rechazo",
      dispute_upheld: "{{name}} mantuvo el rechazo",
      dispute_overturned: "{{name}} revocó el rechazo",
    },
    noText: "No se dejó ningún comentario.",
    reasonsToAddress: "Motivos que atender",
    reasonsGiven: "Motivos indicados",
    documents: "Documentos de apoyo",
    situation: {
      act: {
        editing: "Adjunte la prueba de ejecución y después envíe la reclamación.",
        submitted: "Inicie la revisión de esta reclamación.",
        under_review: "Decida: apruebe, pida más información al partner o rechace.",
        partner_action_required:
          "Atienda cada motivo: añada documentos o un comentario y después reenvíe la reclamación.",
        rejected_disputable:
          "Puede impugnar este rechazo una sola vez, con una justificación y documentos de apoyo.",
        dispute_open:
          "Lea la justificación y los documentos del partner y después mantenga o revoque el rechazo.",
        rejected_final:
          "El rechazo es definitivo. Para volver a reclamar este cliente, cópiela en una reclamación nueva.",
        approved: "La reclamación está aprobada.",
        consent: "La reclamación está aprobada y espera al cliente.",
      },
      wait: {
        editing: "Este borrador aún no se ha enviado.",
        submitted: "Esperando a que un revisor inicie la revisión.",
        under_review: "Esperando la decisión del revisor.",
        partner_action_required: "Esperando a que el partner responda a la solicitud de información.",
        rejected_disputable: "Rechazada. El partner puede impugnar el rechazo.",
        dispute_open: "Esperando a que el revisor decida la impugnación.",
        rejected_final: "Rechazada. El rechazo es definitivo.",
        approved: "Aprobada. La reclamación está en la evaluación de elegibilidad para incentivos.",
        consent: "Aprobada. Esperando a que termine el periodo de consentimiento del cliente.",
      },
    },
    due: {
      partner_response: {
        act: "Si no responde a más tardar el {{due}}, la reclamación se rechaza automáticamente.",
        wait: "Si el partner no responde a más tardar el {{due}}, la reclamación se rechaza automáticamente.",
      },
      dispute_window: {
        act: "Puede impugnar hasta el {{due}}. Después, el rechazo es definitivo.",
        wait: "El partner puede impugnar hasta el {{due}}. Después, el rechazo es definitivo.",
      },
      consent_end: {
        act: "El cliente puede oponerse hasta el {{due}}. Si no hace nada, la asociación se mantiene.",
        wait: "El cliente puede oponerse hasta el {{due}}. Si no hace nada, la asociación se mantiene.",
      },
      review_start: {
        act: "Inicie la revisión a más tardar el {{due}}. Después, la reclamación se marca como atrasada.",
        wait: "La revisión debería empezar a más tardar el {{due}}.",
      },
      decision: {
        act: "Decida a más tardar el {{due}}. Después, la reclamación se marca como atrasada.",
        wait: "La decisión se espera a más tardar el {{due}}.",
      },
      dispute_decision: {
        act: "Decida la impugnación a más tardar el {{due}}. Después, se marca como atrasada.",
        wait: "La impugnación debería decidirse a más tardar el {{due}}.",
      },
    },
  },
  history: {
    showNotifications_one: "Mostrar {{count}} evento de notificación",
    showNotifications_other: "Mostrar {{count}} eventos de notificación",
    hideNotifications: "Ocultar los eventos de notificación",
    empty: "Todavía no ha pasado nada.",
    copiedFrom: "Copiada de una reclamación anterior",
    documents: "Documentos",
    withdrawReason: "Motivo: {{reason}}",
    wentTo: "La reclamación pasó a: {{status}}",
    lostTo: "Perdida frente a la reclamación de otra organización",
    kept: "Reclamaciones competidoras mantenidas: {{count}}",
    deadline: "{{kind}}, vence el {{date}}",
    sentTo: "Enviado a {{who}}",
    audience: {
      partner: "el partner ({{count}})",
      reviewers: "los revisores ({{count}})",
      customer: "el cliente ({{count}})",
    },
    webhooks: "Webhooks: {{count}}",
    disputableUntil: "Impugnable hasta el {{date}}",
    changed: "{{field}}: {{before}} → {{after}}",
  },
  competing: {
    intro:
      "Reclamaciones de otras organizaciones sobre el mismo cliente y productos. Aprobar esta reclamación rechaza las que siguen en curso, salvo que las mantenga.",
    none: "Ninguna otra organización reclama los productos de este cliente.",
    number: "Reclamación",
    partner: "Partner",
    products: "Productos",
    created: "Creada",
    submitted: "Enviada",
    status: "Estado",
    notSubmitted: "—",
  },
  organization: "Organización del partner",
  confirm: {
    submit:
      "¿Enviar la reclamación {{number}} de {{customer}}? Los revisores del programa reciben el aviso y la revisan.",
    "start-review":
      "¿Iniciar la revisión de la reclamación {{number}} de {{partner}} para {{customer}}? Se avisa al partner; su decisión vence en {{days}} días hábiles.",
    "request-information":
      "La reclamación {{number}} vuelve a {{partner}} con los motivos y el comentario de abajo. Tiene {{days}} días hábiles para responder o la reclamación se rechaza automáticamente.",
    resubmit: "¿Devolver la reclamación {{number}} al revisor con lo que ha añadido? La revisión se reanuda.",
    approve:
      "¿Aprobar la reclamación {{number}} de {{partner}}? Se avisa al partner y al cliente ({{contact}}); el cliente tiene {{days}} días para oponerse.",
    approveCompeting_one:
      "{{count}} reclamación competidora de otra organización se rechaza salvo que la mantenga.",
    approveCompeting_other:
      "{{count}} reclamaciones competidoras de otras organizaciones se rechazan salvo que las mantenga.",
    reject:
      "¿Rechazar la reclamación {{number}} de {{partner}}? Se avisa al partner, que puede impugnar el rechazo en un plazo de {{days}} días.",
    withdraw:
      "¿Retirar la reclamación {{number}} de {{customer}}? Es definitivo: la reclamación se rechaza a petición suya y no se puede impugnar (puede copiarla en una reclamación nueva).",
    dispute:
      "¿Impugnar el rechazo de la reclamación {{number}}? Un revisor decide en {{days}} días hábiles. Un rechazo solo se puede impugnar una vez.",
    "uphold-dispute":
      "¿Mantener el rechazo de la reclamación {{number}}? Es definitivo; se avisa a {{partner}}.",
    "overturn-dispute":
      "¿Revocar el rechazo de la reclamación {{number}}? La reclamación pasa a donde elija abajo y se avisa a {{partner}}.",
    copy: "¿Copiar la reclamación {{number}} en un borrador nuevo? Se copian el ID de partner, el cliente, la actividad, los productos y los contactos, no los documentos; esta reclamación no cambia.",
    thePartner: "el partner",
  },
};
