import type { ParamsOf } from '../events/notification-event';
import { documentLabel, drop, never, shorten, type LanguagePack } from './template';

const labels: Record<string, string> = {
  identity_document: 'identity document (passport or ID card)',
  passport: 'passport',
  photo: 'photo',
  signed_request: 'signed application form',
  proof_of_entry: 'proof of entry into Morocco',
  proof_of_residence: 'proof that you live in Morocco (with a date)',
  marriage_certificate: 'marriage certificate',
  birth_certificate: 'birth certificate',
  work_contract: 'work contract',
  medical_certificate: 'medical certificate',
  criminal_record_extract: 'criminal record extract',
  proof_of_address: 'proof of address',
  proof_of_means: 'proof of income',
};

export const english: LanguagePack = {
  language: 'en',
  greeting: 'Hello,',
  closing: ['Masar, foreigners’ office.', 'Please do not reply to this e-mail.'],
  documentLabels: labels,
  templates: {
    'application.submitted': {
      subject: () => 'We received your application',
      body: (p) => [
        'We received your application.',
        `Your file number is: ${p.reference}.`,
        'Keep this number. You need it to ask about your file.',
        'We will tell you what happens next.',
      ],
      sms: (p) => [never('Masar: we received your application.'), never(`Number: ${p.reference}.`), drop('Keep this number.')],
    },
    'information.requested': {
      subject: () => 'We need more documents',
      body: (p, f) => [
        `We need more documents for your file ${p.reference}.`,
        'Bring or send these documents:',
        { list: p.documents.map((d) => documentLabel(english, d)) },
        `Last day: ${f.day(p.dueDate)}.`,
        'If they do not arrive in time, we may decide without them.',
      ],
      sms: (p, f) => [
        never(`Masar: file ${p.reference}.`),
        shorten(`We need: ${p.documents.map((d) => documentLabel(english, d)).join(', ')}.`),
        never(`Last day: ${f.day(p.dueDate)}.`),
      ],
    },
    'interview.scheduled': {
      subject: (p, f) => `Your interview: ${f.dateTime(p.at)}`,
      body: (p, f) => [
        `You have an interview for your file ${p.reference}.`,
        `Date and time: ${f.dateTime(p.at)}.`,
        `Place: ${p.place}.`,
        'Bring your identity document and your file number.',
        p.interpreterLanguage
          ? `An interpreter for ${f.languageName(p.interpreterLanguage)} will be there.`
          : 'If you need an interpreter, tell us before the interview.',
      ],
      sms: (p, f) => [
        never(`Masar: interview for file ${p.reference}.`),
        never(`${f.dateTime(p.at)}.`),
        shorten(`Place: ${p.place}.`),
        drop('Bring your identity document.'),
      ],
    },
    'decision.notified': {
      subject: () => 'A decision on your file',
      body: (p, f) =>
        p.outcome === 'favourable'
          ? [`We have decided on your file ${p.reference}.`, 'The answer is yes. Your application is accepted.', 'We will tell you when your card is ready.']
          : [
              `We have decided on your file ${p.reference}.`,
              'The answer is no. Your application is refused.',
              'The reasons:',
              { list: p.reasons ?? [] },
              ...(p.final || !p.appealDeadline
                ? ['This decision is final.']
                : [
                    'You can appeal against this decision.',
                    `Last day to appeal: ${f.day(p.appealDeadline)}.`,
                    'To appeal, go to your foreigners’ office with your file number.',
                  ]),
            ],
      sms: (p, f) =>
        p.outcome === 'favourable'
          ? [never(`Masar: file ${p.reference}.`), never('Your application is accepted.'), drop('We will tell you when your card is ready.')]
          : [
              never(`Masar: file ${p.reference}.`),
              never('Your application is refused.'),
              ...(p.final || !p.appealDeadline
                ? [never('This decision is final.')]
                : [never(`You can appeal until ${f.day(p.appealDeadline)}.`)]),
              drop('The reasons are in your letter.'),
            ],
    },
    'card.ready': {
      subject: () => 'Your card is ready',
      body: (p, f) => [
        'Your residence card is ready.',
        p.place ? `You can collect it at: ${p.place}.` : 'You can collect it at your foreigners’ office.',
        ...(p.collectFrom ? [`From: ${f.day(p.collectFrom)}.`] : []),
        `Bring your identity document and your file number: ${p.reference}.`,
      ],
      sms: (p, f) => [
        never(`Masar: your card is ready. File ${p.reference}.`),
        ...(p.collectFrom ? [never(`From ${f.day(p.collectFrom)}.`)] : []),
        p.place ? shorten(`Collect it at: ${p.place}.`) : never('Collect it at your office.'),
      ],
    },
    'renewal.reminder': {
      subject: (p, f) => `Your card ends on ${f.day(p.expiresOn)}`,
      body: (p, f) => [
        `Your residence card ends on ${f.day(p.expiresOn)}.`,
        `That is in ${p.daysBefore} days.`,
        'Ask for a renewal now.',
        `Your file number: ${p.reference}.`,
      ],
      sms: (p, f) => [
        never(`Masar: your card ends on ${f.day(p.expiresOn)}.`),
        never('Ask for a renewal now.'),
        never(`File ${p.reference}.`),
      ],
    },
    'deadline.warning': {
      subject: (p, f) => `Reminder: last day ${f.day(p.dueDate)}`,
      body: (p, f) =>
        p.deadline === 'documents'
          ? [`A reminder about your file ${p.reference}.`, 'We are still waiting for your documents.', `Last day: ${f.day(p.dueDate)}.`]
          : [`A reminder about your file ${p.reference}.`, `If you want to appeal, the last day is ${f.day(p.dueDate)}.`],
      sms: (p, f) => [
        never(`Masar: file ${p.reference}.`),
        p.deadline === 'documents' ? never('We are still waiting for your documents.') : never('Last day to appeal:'),
        never(p.deadline === 'documents' ? `Last day: ${f.day(p.dueDate)}.` : `${f.day(p.dueDate)}.`),
      ],
    },
    'file.updated': {
      subject: () => 'News about your file',
      body: (p) => [fileChange(p), `Your file number: ${p.reference}.`],
      sms: (p) => [never(`Masar: file ${p.reference}.`), p.change === 'file_transferred' ? shorten(fileChange(p)) : never(fileChange(p))],
    },
  },
};

/** One plain sentence per step of a file (event 'file.updated'). */
function fileChange(p: ParamsOf<'file.updated'>): string {
  switch (p.change) {
    case 'documents_complete':
      return 'We have all the documents we need. We are now studying your file.';
    case 'appeal_received':
      return 'We received your appeal. We will tell you the decision.';
    case 'file_transferred':
      return p.place ? `Your file has moved to another office: ${p.place}.` : 'Your file has moved to another foreigners’ office.';
    case 'file_withdrawn':
      return 'Your application is withdrawn, as you asked.';
    case 'file_closed':
      return 'Your file is now closed.';
    case 'file_reopened':
      return 'Your file is open again. We will tell you what happens next.';
    case 'card_lapsed':
      return 'Your residence card has ended and was not renewed.';
  }
}
