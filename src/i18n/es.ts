// Spanish. The type makes the compiler check that every English key is here, and no other.
import type { en } from "./en.ts";
import type { Messages } from "./messages.ts";
import { vocabularyEs } from "./vocabulary-es.ts";

export const es: Messages<typeof en> = {
  ...vocabularyEs,
  mail: {
    greeting: "Hola, {{name}}:",
    claim: "Reclamación {{number}}",
    customer: "Cliente: {{customer}} ({{tenantId}})",
    reasons: "Motivos:",
    comment: "Comentario:",
    latest_comment: "Último comentario:",
    open: "Abrir la reclamación",
    footer:
      "Recibe este mensaje por su función en Claimdesk para la reclamación {{number}}. Las horas se muestran en {{timeZone}}.",
    submitted_partner: {
      subject: "{{number}} se ha enviado",
      body: "La reclamación {{number}} para {{customer}} se ha enviado a revisión.",
      next: "La revisión debería empezar antes del {{due}}. Le informaremos de cada paso.",
    },
    submitted_reviewer: {
      subject: "Nueva reclamación para revisar: {{number}}",
      body: "{{partner}} ha enviado la reclamación {{number}} para {{customer}}.",
      next: "Empiece la revisión antes del {{due}}.",
    },
    review_started: {
      subject: "Ha empezado la revisión de {{number}}",
      body: "Un revisor ha empezado a revisar la reclamación {{number}} para {{customer}}.",
      next: "La decisión vence el {{due}}.",
    },
    information_requested: {
      subject: "Acción requerida en {{number}}: se necesita más información",
      body: "El revisor necesita más información sobre la reclamación {{number}} para {{customer}}.",
      next: "Añada lo que falta (documentos o un comentario) y vuelva a enviarla antes del {{due}}. Sin respuesta en ese plazo, la reclamación se rechaza automáticamente.",
    },
    reminder_partner_response: {
      subject: "Recordatorio: {{number}} necesita su respuesta antes del {{due}}",
      body: "La reclamación {{number}} para {{customer}} sigue esperando la información que pidió el revisor.",
      next: "Añádala y vuelva a enviarla antes del {{due}}; si no, la reclamación se rechaza automáticamente.",
    },
    reminder_dispute_window: {
      subject: "Recordatorio: el plazo de disputa de {{number}} termina el {{due}}",
      body: "La reclamación {{number}} para {{customer}} fue rechazada y todavía puede disputarse.",
      next: "Para disputarla, abra la reclamación y envíe una justificación comercial o una prueba de ejecución actualizada antes del {{due}}. Después solo podrá copiarla en una nueva.",
    },
    approved: {
      subject: "{{number}} se ha aprobado",
      body: "La reclamación {{number}} para {{customer}} se ha aprobado.",
      next: "Se ha pedido su consentimiento al cliente, que puede oponerse hasta el {{due}}. Después se evalúa la elegibilidad para incentivos.",
    },
    consent_request: {
      subject: "{{partner}} figura como su partner de registro",
      body: "{{partner}} declara que ayudó a su organización {{customer}} con {{activity}} de estos productos: {{products}}.",
      next: "Si está de acuerdo, no tiene que hacer nada. Si no lo está, rechácelo antes del {{due}} con el enlace de abajo.",
      action: "Revisar y responder",
    },
    customer_denied: {
      subject: "{{number}}: el cliente lo ha rechazado",
      body: "El cliente {{customer}} ha rechazado la asociación de la reclamación {{number}}. La reclamación queda rechazada (rechazo del cliente).",
      next: "Un rechazo del cliente no se puede disputar.",
    },
    consent_passed: {
      subject: "{{number}} se ha enviado a evaluación de incentivos",
      body: "El periodo de consentimiento del cliente de la reclamación {{number}} para {{customer}} ha terminado sin objeciones.",
      next: "Ahora se evalúa su elegibilidad para incentivos; el resultado aparece en la reclamación.",
    },
    customer_confirmed: {
      subject: "{{number}}: el cliente lo ha confirmado",
      body: "El cliente {{customer}} ha confirmado la asociación de la reclamación {{number}}.",
      next: "Ahora se evalúa su elegibilidad para incentivos; el resultado aparece en la reclamación.",
    },
    rejected: {
      subject: "{{number}} se ha rechazado",
      body: "La reclamación {{number}} para {{customer}} se ha rechazado.",
      next: "Puede disputar esta decisión hasta el {{due}}: abra la reclamación, elija Disputar y envíe una justificación comercial o una prueba de ejecución actualizada.",
      final:
        "Este rechazo no se puede disputar. Puede copiar la reclamación en una nueva si la situación cambia.",
    },
    dispute_received: {
      subject: "Disputa recibida en {{number}}",
      body: "{{partner}} ha disputado el rechazo de la reclamación {{number}} para {{customer}}.",
      next: "Resuelva la disputa (mantener o revocar) antes del {{due}}.",
    },
    dispute_opened: {
      subject: "Hemos recibido su disputa sobre {{number}}",
      body: "Hemos recibido su disputa del rechazo de la reclamación {{number}} para {{customer}}.",
      next: "Un revisor decidirá antes del {{due}}.",
    },
    dispute_upheld: {
      subject: "{{number}}: se ha mantenido el rechazo",
      body: "El revisor ha mantenido el rechazo de la reclamación {{number}} para {{customer}}. Esta decisión es definitiva.",
      next: "Puede copiar la reclamación en una nueva con una prueba de ejecución actualizada.",
    },
    dispute_overturned: {
      subject: "{{number}}: se ha aceptado su disputa",
      body: "El revisor ha revocado el rechazo de la reclamación {{number}} para {{customer}}.",
      next_under_review: "La reclamación vuelve a estar en revisión.",
      next_approved: "La reclamación está aprobada. El cliente puede oponerse hasta el {{due}}.",
    },
    comment_added: {
      subject: "Nuevo comentario en {{number}}",
      body: "{{author}} ha comentado en la reclamación {{number}} para {{customer}}.",
      next: "Responda en los comentarios de la reclamación.",
      subject_many: "{{comments}} comentarios nuevos en {{number}}",
      body_many:
        "{{comments}} comentarios nuevos en la reclamación {{number}} para {{customer}}; el último es de {{author}}.",
    },
    sla_due_soon: {
      subject: "Vence pronto: {{deadline}} de {{number}} el {{due}}",
      body: "El plazo «{{deadline}}» de la reclamación {{number}} para {{customer}} vence pronto.",
      next: "Actúe antes del {{due}} para cumplir el nivel de servicio.",
    },
    sla_breached: {
      subject: "Incumplido: {{deadline}} de {{number}} vencía el {{due}}",
      body: "El plazo «{{deadline}}» de la reclamación {{number}} para {{customer}} ha vencido.",
      next: "Actúe lo antes posible.",
    },
  },
  consent: {
    title: "Partner de registro: su respuesta",
    intro: "{{partner}} declara ser el partner de registro de su organización.",
    customer: "Cliente",
    partner: "Partner",
    activity: "Actividad",
    products: "Productos",
    endsAt: "Puede responder hasta",
    explainConfirm:
      "Si está de acuerdo, puede confirmarlo ahora o no hacer nada: la asociación se mantiene después del {{endsAt}}.",
    explainDeny: "Si no está de acuerdo, recházela. Puede añadir un comentario para el partner.",
    comment: "Comentario (opcional)",
    deny: "Rechazar",
    confirm: "Confirmar",
    denied: "Rechazó esta asociación el {{at}}. Se ha informado al partner. Gracias.",
    confirmed: "Confirmó esta asociación el {{at}}. Gracias.",
    closed:
      "Esta solicitud está cerrada: el periodo de respuesta ha terminado o la reclamación ha cambiado. No tiene que hacer nada.",
    notFound: "Este enlace no es válido. Compruebe que ha abierto el enlace completo del mensaje.",
    rateLimited: "Demasiados intentos. Vuelva a intentarlo dentro de unos minutos.",
    badForm: "El formulario ha caducado. Vuelva a intentarlo.",
    language: "Idioma",
  },
};
