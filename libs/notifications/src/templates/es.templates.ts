import type { ParamsOf } from '../events/notification-event';
import { documentLabel, drop, never, shorten, type LanguagePack } from './template';

const labels: Record<string, string> = {
  identity_document: 'documento de identidad (pasaporte o tarjeta)',
  passport: 'pasaporte',
  photo: 'foto',
  signed_request: 'solicitud firmada',
  proof_of_entry: 'prueba de su entrada en Marruecos',
  proof_of_residence: 'prueba de que vive en Marruecos (con fecha)',
  marriage_certificate: 'certificado de matrimonio',
  birth_certificate: 'partida de nacimiento',
  work_contract: 'contrato de trabajo',
  medical_certificate: 'certificado médico',
  criminal_record_extract: 'certificado de antecedentes penales',
  proof_of_address: 'justificante de domicilio',
  proof_of_means: 'prueba de ingresos',
};

export const spanish: LanguagePack = {
  language: 'es',
  greeting: 'Hola:',
  closing: ['Masar, oficina de extranjeros.', 'Por favor, no responda a este correo.'],
  documentLabels: labels,
  templates: {
    'application.submitted': {
      subject: () => 'Hemos recibido su solicitud',
      body: (p) => [
        'Hemos recibido su solicitud.',
        `Su número de expediente es: ${p.reference}.`,
        'Guarde este número. Lo necesita para preguntar por su expediente.',
        'Le diremos qué pasa después.',
      ],
      sms: (p) => [never('Masar: hemos recibido su solicitud.'), never(`Número: ${p.reference}.`), drop('Guarde este número.')],
    },
    'information.requested': {
      subject: () => 'Faltan documentos',
      body: (p, f) => [
        `Faltan documentos en su expediente ${p.reference}.`,
        'Traiga o envíe estos documentos:',
        { list: p.documents.map((d) => documentLabel(spanish, d)) },
        `Último día: ${f.day(p.dueDate)}.`,
        'Si no llegan a tiempo, podemos decidir sin ellos.',
      ],
      sms: (p, f) => [
        never(`Masar: expediente ${p.reference}.`),
        shorten(`Faltan: ${p.documents.map((d) => documentLabel(spanish, d)).join(', ')}.`),
        never(`Último día: ${f.day(p.dueDate)}.`),
      ],
    },
    'interview.scheduled': {
      subject: (p, f) => `Su entrevista: ${f.dateTime(p.at)}`,
      body: (p, f) => [
        `Tiene una entrevista para su expediente ${p.reference}.`,
        `Fecha y hora: ${f.dateTime(p.at)}.`,
        `Lugar: ${p.place}.`,
        'Traiga su documento de identidad y su número de expediente.',
        p.interpreterLanguage
          ? `Habrá un intérprete de ${f.languageName(p.interpreterLanguage)}.`
          : 'Si necesita un intérprete, díganoslo antes de la entrevista.',
      ],
      sms: (p, f) => [
        never(`Masar: entrevista, expediente ${p.reference}.`),
        never(`${f.dateTime(p.at)}.`),
        shorten(`Lugar: ${p.place}.`),
        drop('Traiga su documento de identidad.'),
      ],
    },
    'decision.notified': {
      subject: () => 'Una decisión sobre su expediente',
      body: (p, f) =>
        p.outcome === 'favourable'
          ? [`Hemos decidido sobre su expediente ${p.reference}.`, 'La respuesta es sí. Su solicitud está aceptada.', 'Le avisaremos cuando su tarjeta esté lista.']
          : [
              `Hemos decidido sobre su expediente ${p.reference}.`,
              'La respuesta es no. Su solicitud está rechazada.',
              'Los motivos:',
              { list: p.reasons ?? [] },
              ...(p.final || !p.appealDeadline
                ? ['Esta decisión es definitiva.']
                : [
                    'Puede recurrir esta decisión.',
                    `Último día para recurrir: ${f.day(p.appealDeadline)}.`,
                    'Para recurrir, vaya a la oficina de extranjeros con su número de expediente.',
                  ]),
            ],
      sms: (p, f) =>
        p.outcome === 'favourable'
          ? [never(`Masar: expediente ${p.reference}.`), never('Su solicitud está aceptada.'), drop('Le avisaremos cuando su tarjeta esté lista.')]
          : [
              never(`Masar: expediente ${p.reference}.`),
              never('Su solicitud está rechazada.'),
              ...(p.final || !p.appealDeadline
                ? [never('Esta decisión es definitiva.')]
                : [never(`Puede recurrir hasta el ${f.day(p.appealDeadline)}.`)]),
              drop('Los motivos están en su carta.'),
            ],
    },
    'card.ready': {
      subject: () => 'Su tarjeta está lista',
      body: (p, f) => [
        'Su tarjeta de residencia está lista.',
        p.place ? `Puede recogerla en: ${p.place}.` : 'Puede recogerla en su oficina de extranjeros.',
        ...(p.collectFrom ? [`Desde el ${f.day(p.collectFrom)}.`] : []),
        `Traiga su documento de identidad y su número de expediente: ${p.reference}.`,
      ],
      sms: (p, f) => [
        never(`Masar: su tarjeta está lista. Expediente ${p.reference}.`),
        ...(p.collectFrom ? [never(`Desde el ${f.day(p.collectFrom)}.`)] : []),
        p.place ? shorten(`Recójala en: ${p.place}.`) : never('Recójala en su oficina.'),
      ],
    },
    'renewal.reminder': {
      subject: (p, f) => `Su tarjeta caduca el ${f.day(p.expiresOn)}`,
      body: (p, f) => [
        `Su tarjeta de residencia caduca el ${f.day(p.expiresOn)}.`,
        `Quedan ${p.daysBefore} días.`,
        'Pida la renovación ahora.',
        `Su número de expediente: ${p.reference}.`,
      ],
      sms: (p, f) => [
        never(`Masar: su tarjeta caduca el ${f.day(p.expiresOn)}.`),
        never('Pida la renovación ahora.'),
        never(`Expediente ${p.reference}.`),
      ],
    },
    'deadline.warning': {
      subject: (p, f) => `Recordatorio: último día el ${f.day(p.dueDate)}`,
      body: (p, f) =>
        p.deadline === 'documents'
          ? [`Un recordatorio sobre su expediente ${p.reference}.`, 'Seguimos esperando sus documentos.', `Último día: ${f.day(p.dueDate)}.`]
          : [`Un recordatorio sobre su expediente ${p.reference}.`, `Si quiere recurrir, el último día es el ${f.day(p.dueDate)}.`],
      sms: (p, f) => [
        never(`Masar: expediente ${p.reference}.`),
        p.deadline === 'documents' ? never('Esperamos sus documentos.') : never('Último día para recurrir:'),
        never(p.deadline === 'documents' ? `Último día: ${f.day(p.dueDate)}.` : `${f.day(p.dueDate)}.`),
      ],
    },
    'file.updated': {
      subject: () => 'Novedades sobre su expediente',
      body: (p) => [fileChange(p), `Su número de expediente: ${p.reference}.`],
      sms: (p) => [never(`Masar: expediente ${p.reference}.`), p.change === 'file_transferred' ? shorten(fileChange(p)) : never(fileChange(p))],
    },
  },
};

/** One plain sentence per step of a file (event 'file.updated'). */
function fileChange(p: ParamsOf<'file.updated'>): string {
  switch (p.change) {
    case 'documents_complete':
      return 'Tenemos todos los documentos necesarios. Ahora estudiamos su expediente.';
    case 'appeal_received':
      return 'Hemos recibido su recurso. Le diremos la decisión.';
    case 'file_transferred':
      return p.place ? `Su expediente ha pasado a otra oficina: ${p.place}.` : 'Su expediente ha pasado a otra oficina de extranjeros.';
    case 'file_withdrawn':
      return 'Su solicitud queda retirada, como usted pidió.';
    case 'file_closed':
      return 'Su expediente está cerrado.';
    case 'file_reopened':
      return 'Su expediente está abierto de nuevo. Le diremos qué pasa después.';
    case 'card_lapsed':
      return 'Su tarjeta de residencia ha terminado y no se ha renovado.';
  }
}
