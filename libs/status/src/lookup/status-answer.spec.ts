import { buildStatusAnswer } from './status-answer';
import type { StatusFacts } from './status-facts.query';

const file = (over: Partial<StatusFacts> = {}): StatusFacts => ({
  applicationId: '7c1c3a4e-5b8f-4a37-9b1e-0c6f2f4a9d11',
  reference: 'MA-7K3Q-9XWD',
  accessCodeHash: 'a'.repeat(64),
  kind: 'regularisation',
  state: 'awaiting_documents',
  officeName: 'Préfecture de Rabat',
  preferredLanguage: 'fr',
  interview: null,
  interviewHeld: false,
  events: {},
  ...over,
});

describe('the status answer', () => {
  it('tells which documents to bring and by when, named as the applicant knows them', () => {
    const answer = buildStatusAnswer(
      file({ events: { documents_requested: { reference: 'MA-7K3Q-9XWD', documents: ['proof_of_residence', 'photo'], dueDate: '2027-01-29' } } }),
      'en',
    );
    expect(answer.stage).toEqual({ code: 'documents_needed', title: 'Documents are missing from your file.' });
    expect(answer.toDo).toEqual([
      {
        action: 'provide_documents',
        text: 'Bring or upload by 29 January 2027: proof that you live in Morocco (with a date), photo.',
        documents: ['proof that you live in Morocco (with a date)', 'photo'],
        dueOn: '2027-01-29',
      },
    ]);
  });

  it('gives an interview in Morocco’s time, with its place', () => {
    const answer = buildStatusAnswer(
      file({ kind: 'asylum', state: 'interview_scheduled', interview: { at: '2027-04-20T09:30:00.000Z', place: 'Bureau 4, Préfecture de Rabat', interpreterLanguage: 'ar' } }),
      'fr',
    );
    // Morocco is at UTC+1 all year except during Ramadan (UTC+0, about 8 February to 9 March in 2027).
    expect(answer.toDo).toEqual([
      {
        action: 'attend_interview',
        text: 'Présentez-vous à votre entretien le 20 avril 2027 à 10:30, Bureau 4, Préfecture de Rabat. Un interprète sera présent.',
        at: '2027-04-20T09:30:00.000Z',
        place: 'Bureau 4, Préfecture de Rabat',
      },
    ]);
  });

  it('follows Morocco’s clock back to UTC during Ramadan', () => {
    const answer = buildStatusAnswer(file({ kind: 'asylum', state: 'interview_scheduled', interview: { at: '2027-03-02T09:30:00.000Z', place: 'Rabat', interpreterLanguage: null } }), 'en');
    expect(answer.toDo[0]!.text).toBe('Come to your interview on 2 March 2027 at 09:30, Rabat.');
  });

  it('gives the appeal deadline of a refusal, in Arabic right to left', () => {
    const answer = buildStatusAnswer(
      file({ state: 'appeal_window', events: { decision_unfavourable: { reference: 'MA-7K3Q-9XWD', reasons: ['x'], appealDeadline: '2027-03-13' } } }),
      'ar',
    );
    expect(answer.direction).toBe('rtl');
    expect(answer.toDo).toEqual([{ action: 'appeal', text: 'يمكنك الطعن إلى غاية 13 مارس 2027، بما في ذلك هذا اليوم.', dueOn: '2027-03-13' }]);
  });

  it('asks nothing of an applicant whose file is simply being examined', () => {
    const answer = buildStatusAnswer(file({ state: 'provincial_review' }), 'es');
    expect(answer.toDo).toEqual([]);
    expect(answer.nextStep).toBe('Recibirá la decisión por escrito.');
  });

  it('holds nothing the applicant does not already hold: no ids, no internal state, no hash', () => {
    const answer = buildStatusAnswer(file(), 'fr');
    const text = JSON.stringify(answer);
    expect(text).not.toContain('7c1c3a4e');
    expect(text).not.toContain('awaiting_documents');
    expect(text).not.toContain('a'.repeat(64));
  });
});
