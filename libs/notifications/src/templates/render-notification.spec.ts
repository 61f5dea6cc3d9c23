import { FILE_CHANGES, NOTIFICATION_EVENTS, type NotificationEvent, type NotificationParams } from '../events/notification-event';
import { validateParams } from '../events/validate-params';
import { LANGUAGES } from './language';
import { BUILT_IN_PACKS, chooseLanguage, renderNotification } from './render-notification';

const REF = 'MA-7K3Q-9XWD';
const LONG_PLACE = 'Bureau des étrangers de la Préfecture des arrondissements de Casablanca-Anfa, 12 boulevard Rachidi, 2e étage, guichet 4';

/** Deliberately long inputs: the longest each event can plausibly receive. */
const samples: { [E in NotificationEvent]: NotificationParams[E][] } = {
  'application.submitted': [{ reference: REF }],
  'information.requested': [
    { reference: REF, documents: ['proof_of_residence'], dueDate: '2026-03-05' },
    { reference: REF, documents: ['identity_document', 'proof_of_entry', 'proof_of_residence', 'marriage_certificate', 'work_contract', 'medical_certificate', 'criminal_record_extract', 'proof_of_address', 'proof_of_means'], dueDate: '2026-12-31' },
  ],
  'interview.scheduled': [
    { reference: REF, at: '2026-09-30T14:45:00+01:00', place: LONG_PLACE, interpreterLanguage: 'wo' },
    { reference: REF, at: '2026-06-05T09:30:00Z', place: 'Rabat' },
  ],
  'decision.notified': [
    { reference: REF, outcome: 'favourable' },
    { reference: REF, outcome: 'unfavourable', reasons: ['Five years of residence are not shown.', 'The work contract is shorter than two years.'], appealDeadline: '2026-11-30' },
    { reference: REF, outcome: 'unfavourable', reasons: ['The national commission confirmed the refusal.'], final: true },
  ],
  'card.ready': [{ reference: REF, place: LONG_PLACE, collectFrom: '2026-09-01' }, { reference: REF, place: 'Oujda' }, { reference: REF }],
  'renewal.reminder': [{ reference: REF, expiresOn: '2026-09-30', daysBefore: 60 }, { reference: REF, expiresOn: '2026-09-30', daysBefore: 30 }],
  'deadline.warning': [{ reference: REF, deadline: 'documents', dueDate: '2026-09-30' }, { reference: REF, deadline: 'appeal', dueDate: '2026-09-30' }],
  'file.updated': [...FILE_CHANGES.map((change) => ({ reference: REF, change })), { reference: REF, change: 'file_transferred', place: LONG_PLACE }],
};

describe('rendering notifications', () => {
  for (const event of NOTIFICATION_EVENTS) {
    for (const language of LANGUAGES) {
      it(`${event} in ${language}: reference in every channel, SMS within two segments`, () => {
        for (const params of samples[event] as never[]) {
          validateParams(event, params);
          const r = renderNotification(event, params, language);
          expect(r.language).toBe(language);
          expect(r.fallback).toBeNull();
          expect(r.text).toContain(REF);
          expect(r.html).toContain(REF);
          expect(r.sms.text).toContain(REF);
          expect(r.sms.segments).toBeLessThanOrEqual(2);
          expect(r.sms.overLimit).toBe(false);
          expect(r.sms.encoding).toBe(language === 'ar' ? 'UCS-2' : 'GSM-7');
          expect(r.subject.length).toBeLessThan(80);
          expect(r.subject).not.toContain(REF);
        }
      });
    }
  }

  it('writes Arabic HTML right to left, with the reference isolated left to right', () => {
    const r = renderNotification('application.submitted', { reference: REF }, 'ar');
    expect(r.html).toContain('<html lang="ar" dir="rtl">');
    expect(r.html).toContain(`<bdi dir="ltr">${REF}</bdi>`);
    expect(r.subject).toBe('مسار: استلمنا طلبك');
    expect(renderNotification('application.submitted', { reference: REF }, 'es').html).toContain('<html lang="es" dir="ltr">');
  });

  it('puts the deadline, the reasons and the appeal day of a rejection in the e-mail', () => {
    const r = renderNotification('decision.notified', samples['decision.notified'][1]!, 'fr');
    expect(r.text).toContain('- Five years of residence are not shown.');
    expect(r.text).toContain('Dernier jour pour le recours : 30 novembre 2026.');
    expect(r.sms.text).toContain('30 novembre 2026');
    const final = renderNotification('decision.notified', samples['decision.notified'][2]!, 'en');
    expect(final.text).toContain('This decision is final.');
    expect(final.text).not.toContain('appeal');
  });

  it('formats dates per locale, with Latin digits in Arabic and the interview in Moroccan time', () => {
    const at = '2026-06-05T09:30:00Z'; // 10:30 in Casablanca (UTC+1)
    expect(renderNotification('interview.scheduled', { reference: REF, at, place: 'Rabat' }, 'en').text).toContain('Friday, 5 June 2026 at 10:30');
    expect(renderNotification('interview.scheduled', { reference: REF, at, place: 'Rabat' }, 'fr').text).toContain('vendredi 5 juin 2026 à 10:30');
    expect(renderNotification('interview.scheduled', { reference: REF, at, place: 'Rabat' }, 'es').text).toContain('5 de junio de 2026');
    const ar = renderNotification('renewal.reminder', { reference: REF, expiresOn: '2026-08-01', daysBefore: 60 }, 'ar');
    expect(ar.text).toContain('1 غشت 2026');
    expect(ar.text).not.toMatch(/[\u0660-\u0669]/);
  });

  it('falls back to French, then English, and says so', () => {
    expect(chooseLanguage('card.ready', 'wo')).toEqual({ language: 'fr', fallback: { requested: 'wo', reason: 'unsupported-language' } });
    expect(chooseLanguage('card.ready', null).language).toBe('fr');
    const noSpanishCard = { ...BUILT_IN_PACKS, es: { ...BUILT_IN_PACKS.es, templates: { ...BUILT_IN_PACKS.es.templates, 'card.ready': undefined } } };
    const r = renderNotification('card.ready', { reference: REF, place: 'Tanger' }, 'es', noSpanishCard);
    expect(r).toMatchObject({ language: 'fr', fallback: { requested: 'es', reason: 'missing-template' } });
    expect(r.subject).toBe('Masar: Votre carte est prête');
    const noFrench = { ...noSpanishCard, fr: { ...BUILT_IN_PACKS.fr, templates: {} } };
    expect(renderNotification('card.ready', { reference: REF, place: 'Tanger' }, 'es', noFrench).language).toBe('en');
    expect(() => chooseLanguage('card.ready', 'es', { es: noSpanishCard.es })).toThrow(/no template/);
  });

  it('sends the applicant to their office when a card is ready and no place is given', () => {
    expect(renderNotification('card.ready', { reference: REF }, 'en').text).toContain('You can collect it at your foreigners’ office.');
    expect(renderNotification('card.ready', { reference: REF }, 'ar').sms.text).toBe(`مسار: بطاقتك جاهزة. الملف ${REF}. خذها من مكتب الأجانب.`);
  });

  it('says each step of a file in a sentence of its own, in every language', () => {
    for (const language of LANGUAGES) {
      const texts = FILE_CHANGES.map((change) => renderNotification('file.updated', { reference: REF, change }, language).text);
      expect(new Set(texts).size).toBe(FILE_CHANGES.length);
    }
    expect(renderNotification('file.updated', { reference: REF, change: 'appeal_received' }, 'en').sms.text).toBe(`Masar: file ${REF}. We received your appeal. We will tell you the decision.`);
    expect(() => validateParams('file.updated', { reference: REF, change: 'deported' })).toThrow(/change must be one of/);
  });

  it('refuses params a template could not render', () => {
    expect(() => validateParams('decision.notified', { reference: REF, outcome: 'unfavourable' })).toThrow(/reasons are required/);
    expect(() => validateParams('decision.notified', { reference: REF, outcome: 'unfavourable', reasons: ['x'] })).toThrow(/appealDeadline/);
    expect(() => validateParams('interview.scheduled', { reference: REF, at: '2026-06-05 09:30', place: 'Rabat' })).toThrow(/time zone/);
    expect(() => validateParams('information.requested', { reference: REF, documents: [], dueDate: '2026-03-05' })).toThrow(/document codes/);
    expect(() => validateParams('application.submitted', { reference: 'Mohamed' })).toThrow(/reference/);
  });
});
