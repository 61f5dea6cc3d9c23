import type { ParamsOf } from '../events/notification-event';
import { documentLabel, drop, never, shorten, type LanguagePack } from './template';

const labels: Record<string, string> = {
  identity_document: 'pièce d’identité (passeport ou carte)',
  passport: 'passeport',
  photo: 'photo d’identité',
  signed_request: 'demande signée',
  proof_of_entry: 'preuve de votre entrée au Maroc',
  proof_of_residence: 'preuve que vous vivez au Maroc (avec une date)',
  marriage_certificate: 'acte de mariage',
  birth_certificate: 'acte de naissance',
  work_contract: 'contrat de travail',
  medical_certificate: 'certificat médical',
  criminal_record_extract: 'extrait de casier judiciaire',
  proof_of_address: 'justificatif de domicile',
  proof_of_means: 'preuve de revenus',
};

export const french: LanguagePack = {
  language: 'fr',
  greeting: 'Bonjour,',
  closing: ['Masar, bureau des étrangers.', 'Merci de ne pas répondre à ce message.'],
  documentLabels: labels,
  templates: {
    'application.submitted': {
      subject: () => 'Nous avons reçu votre demande',
      body: (p) => [
        'Nous avons reçu votre demande.',
        `Votre numéro de dossier est : ${p.reference}.`,
        'Gardez ce numéro. Il sert à demander où en est votre dossier.',
        'Nous vous dirons la suite.',
      ],
      sms: (p) => [never('Masar : nous avons reçu votre demande.'), never(`Numéro : ${p.reference}.`), drop('Gardez ce numéro.')],
    },
    'information.requested': {
      subject: () => 'Il manque des documents',
      body: (p, f) => [
        `Il manque des documents pour votre dossier ${p.reference}.`,
        'Apportez ou envoyez ces documents :',
        { list: p.documents.map((d) => documentLabel(french, d)) },
        `Dernier jour : ${f.day(p.dueDate)}.`,
        'S’ils n’arrivent pas à temps, nous pourrons décider sans eux.',
      ],
      sms: (p, f) => [
        never(`Masar : dossier ${p.reference}.`),
        shorten(`Il manque : ${p.documents.map((d) => documentLabel(french, d)).join(', ')}.`),
        never(`Dernier jour : ${f.day(p.dueDate)}.`),
      ],
    },
    'interview.scheduled': {
      subject: (p, f) => `Votre entretien : ${f.dateTime(p.at)}`,
      body: (p, f) => [
        `Vous avez un entretien pour votre dossier ${p.reference}.`,
        `Date et heure : ${f.dateTime(p.at)}.`,
        `Lieu : ${p.place}.`,
        'Apportez votre pièce d’identité et votre numéro de dossier.',
        p.interpreterLanguage
          ? `Un interprète en ${f.languageName(p.interpreterLanguage)} sera présent.`
          : 'Si vous avez besoin d’un interprète, dites-le-nous avant l’entretien.',
      ],
      sms: (p, f) => [
        never(`Masar : entretien, dossier ${p.reference}.`),
        never(`${f.dateTime(p.at)}.`),
        shorten(`Lieu : ${p.place}.`),
        drop('Apportez votre pièce d’identité.'),
      ],
    },
    'decision.notified': {
      subject: () => 'Une décision sur votre dossier',
      body: (p, f) =>
        p.outcome === 'favourable'
          ? [`Nous avons pris une décision sur votre dossier ${p.reference}.`, 'La réponse est oui. Votre demande est acceptée.', 'Nous vous dirons quand votre carte sera prête.']
          : [
              `Nous avons pris une décision sur votre dossier ${p.reference}.`,
              'La réponse est non. Votre demande est refusée.',
              'Les raisons :',
              { list: p.reasons ?? [] },
              ...(p.final || !p.appealDeadline
                ? ['Cette décision est définitive.']
                : [
                    'Vous pouvez faire un recours contre cette décision.',
                    `Dernier jour pour le recours : ${f.day(p.appealDeadline)}.`,
                    'Pour faire un recours, allez au bureau des étrangers avec votre numéro de dossier.',
                  ]),
            ],
      sms: (p, f) =>
        p.outcome === 'favourable'
          ? [never(`Masar : dossier ${p.reference}.`), never('Votre demande est acceptée.'), drop('Nous vous dirons quand votre carte sera prête.')]
          : [
              never(`Masar : dossier ${p.reference}.`),
              never('Votre demande est refusée.'),
              ...(p.final || !p.appealDeadline
                ? [never('Cette décision est définitive.')]
                : [never(`Recours possible jusqu’au ${f.day(p.appealDeadline)}.`)]),
              drop('Les raisons sont dans votre lettre.'),
            ],
    },
    'card.ready': {
      subject: () => 'Votre carte est prête',
      body: (p, f) => [
        'Votre carte de séjour est prête.',
        p.place ? `Vous pouvez la retirer à : ${p.place}.` : 'Vous pouvez la retirer à votre bureau des étrangers.',
        ...(p.collectFrom ? [`À partir du ${f.day(p.collectFrom)}.`] : []),
        `Apportez votre pièce d’identité et votre numéro de dossier : ${p.reference}.`,
      ],
      sms: (p, f) => [
        never(`Masar : votre carte est prête. Dossier ${p.reference}.`),
        ...(p.collectFrom ? [never(`À partir du ${f.day(p.collectFrom)}.`)] : []),
        p.place ? shorten(`À retirer à : ${p.place}.`) : never('À retirer à votre bureau.'),
      ],
    },
    'renewal.reminder': {
      subject: (p, f) => `Votre carte se termine le ${f.day(p.expiresOn)}`,
      body: (p, f) => [
        `Votre carte de séjour se termine le ${f.day(p.expiresOn)}.`,
        `Il reste ${p.daysBefore} jours.`,
        'Demandez le renouvellement maintenant.',
        `Votre numéro de dossier : ${p.reference}.`,
      ],
      sms: (p, f) => [
        never(`Masar : votre carte se termine le ${f.day(p.expiresOn)}.`),
        never('Demandez le renouvellement maintenant.'),
        never(`Dossier ${p.reference}.`),
      ],
    },
    'deadline.warning': {
      subject: (p, f) => `Rappel : dernier jour le ${f.day(p.dueDate)}`,
      body: (p, f) =>
        p.deadline === 'documents'
          ? [`Un rappel pour votre dossier ${p.reference}.`, 'Nous attendons toujours vos documents.', `Dernier jour : ${f.day(p.dueDate)}.`]
          : [`Un rappel pour votre dossier ${p.reference}.`, `Si vous voulez faire un recours, le dernier jour est le ${f.day(p.dueDate)}.`],
      sms: (p, f) => [
        never(`Masar : dossier ${p.reference}.`),
        p.deadline === 'documents' ? never('Nous attendons vos documents.') : never('Dernier jour pour le recours :'),
        never(p.deadline === 'documents' ? `Dernier jour : ${f.day(p.dueDate)}.` : `${f.day(p.dueDate)}.`),
      ],
    },
    'file.updated': {
      subject: () => 'Du nouveau sur votre dossier',
      body: (p) => [fileChange(p), `Votre numéro de dossier : ${p.reference}.`],
      sms: (p) => [never(`Masar : dossier ${p.reference}.`), p.change === 'file_transferred' ? shorten(fileChange(p)) : never(fileChange(p))],
    },
  },
};

/** One plain sentence per step of a file (event 'file.updated'). */
function fileChange(p: ParamsOf<'file.updated'>): string {
  switch (p.change) {
    case 'documents_complete':
      return 'Nous avons tous les documents nécessaires. Nous étudions maintenant votre dossier.';
    case 'appeal_received':
      return 'Nous avons reçu votre recours. Nous vous dirons la décision.';
    case 'file_transferred':
      return p.place ? `Votre dossier a été envoyé à un autre bureau : ${p.place}.` : 'Votre dossier a été envoyé à un autre bureau des étrangers.';
    case 'file_withdrawn':
      return 'Votre demande est retirée, comme vous l’avez demandé.';
    case 'file_closed':
      return 'Votre dossier est maintenant fermé.';
    case 'file_reopened':
      return 'Votre dossier est de nouveau ouvert. Nous vous dirons la suite.';
    case 'card_lapsed':
      return 'Votre carte de séjour est terminée et n’a pas été renouvelée.';
  }
}
