import { validateParams } from '@masar/notifications';
import { CASE_EVENT_TYPES } from '../domain/workflow/workflow-definition';
import { messageFor, type CaseEventParams } from './applicant-notifier';

/** The contract with the notifications context, checked against its own validation of message params. */
describe('case events as messages', () => {
  const params: CaseEventParams = {
    reference: 'MA-7K3Q-9XWD',
    documents: ['proof_of_residence'],
    dueDate: '2026-05-01',
    interview: { at: '2026-05-02T09:30:00.000Z', place: 'Préfecture de Rabat, bureau 3', interpreterLanguage: 'ar' },
    reasons: ['Five years of residence are not shown.'],
    appealDeadline: '2026-06-01',
    place: 'Préfecture de Rabat',
    expiresOn: '2026-09-30',
    daysBefore: 60,
  };

  it.each(CASE_EVENT_TYPES.map((t) => [t]))('%s gives no message or one the notifications context accepts', (type) => {
    const m = messageFor(type, params);
    if (m) expect(() => validateParams(m.event, m.params)).not.toThrow();
  });

  it('tells the applicant of every step that asks something of them or decides', () => {
    const silent = CASE_EVENT_TYPES.filter((t) => messageFor(t, params) === null);
    expect(silent).toEqual(['card_issued', 'referred_to_asylum', 'protection_ended']);
  });

  it('puts the reasons and the appeal deadline in a refusal, and marks a decision on appeal as final', () => {
    expect(messageFor('decision_unfavourable', params)).toEqual({
      event: 'decision.notified',
      params: { reference: 'MA-7K3Q-9XWD', outcome: 'unfavourable', reasons: ['Five years of residence are not shown.'], appealDeadline: '2026-06-01' },
    });
    expect(messageFor('appeal_rejected', params)?.params).toMatchObject({ outcome: 'unfavourable', final: true });
  });
});
