import { describe, expect, it } from 'vitest';
import type { ApplicationDetail } from '../../api/contract';
import { actionInput } from './ActionDialog';
import { describeChanges } from './case-changes';
import { highlightState } from './highlight-state';
import { deadlineUrgency, nextRowIndex } from './queue-keys';
import { toPersonInput } from './Register';

describe('work queue keys', () => {
  it('moves with arrows and j/k within the list, jumps with Home/End, ignores other keys', () => {
    expect(nextRowIndex('ArrowDown', 0, 3)).toBe(1);
    expect(nextRowIndex('j', 2, 3)).toBe(2);
    expect(nextRowIndex('ArrowUp', 0, 3)).toBe(0);
    expect(nextRowIndex('k', 2, 3)).toBe(1);
    expect(nextRowIndex('End', 0, 3)).toBe(2);
    expect(nextRowIndex('Home', 2, 3)).toBe(0);
    expect(nextRowIndex('x', 1, 3)).toBeNull();
    expect(nextRowIndex('ArrowDown', 0, 0)).toBeNull();
  });

  it('colours deadlines: overdue, within a week, later', () => {
    const now = new Date('2026-11-29T08:00:00Z');
    expect(deadlineUrgency('2026-11-28T08:00:00Z', now)).toBe('overdue');
    expect(deadlineUrgency('2026-12-03T08:00:00Z', now)).toBe('soon');
    expect(deadlineUrgency('2027-01-29T08:00:00Z', now)).toBe('later');
    expect(deadlineUrgency(null, now)).toBe('none');
  });
});

describe('what an action needs', () => {
  const blank = { reason: '', requested: [], dueDate: '', interviewAt: '', place: '', interpreter: '', consent: false };
  it('needs written reasons for a refusal', () => {
    expect(actionInput(['reasons_written'], blank)).toBeNull();
    expect(actionInput(['reasons_written'], { ...blank, reason: '  Contrat de 6 mois seulement.  ' })).toEqual({ reason: 'Contrat de 6 mois seulement.', data: undefined });
  });
  it('needs the documents asked for and a date for a request for information', () => {
    expect(actionInput(['information_requested_listed'], { ...blank, requested: ['photo'] })).toBeNull();
    expect(actionInput(['information_requested_listed'], { ...blank, requested: ['photo'], dueDate: '2027-01-15' })?.data).toEqual({ requested: ['photo'], dueDate: '2027-01-15' });
  });
  it('needs a date and a place for an interview, and consent for a referral', () => {
    expect(actionInput(['interview_details_given'], { ...blank, interviewAt: '2027-01-10T10:00' })).toBeNull();
    const input = actionInput(['interview_details_given'], { ...blank, interviewAt: '2027-01-10T10:00', place: 'Rabat', interpreter: 'ar' });
    expect(input?.data?.interview).toMatchObject({ place: 'Rabat', interpreterLanguage: 'ar' });
    expect(actionInput(['consent_recorded'], blank)).toBeNull();
    expect(actionInput(['consent_recorded'], { ...blank, consent: true })?.data).toEqual({ consent: true });
  });
  it('asks nothing of an action without needs', () => {
    expect(actionInput([], blank)).toEqual({ reason: '', data: undefined });
  });
});

describe('the 409 dialog: what changed', () => {
  const base = { id: 'a', reference: 'MA-1', state: 'submitted', version: 2, assigneeId: null, dueAt: null, proposal: null, history: [{ version: 1 }, { version: 2 }] } as unknown as ApplicationDetail;
  it('lists changed fields and the steps taken since the page loaded', () => {
    const after = { ...base, state: 'completeness_check', version: 3, assigneeId: 'u2', history: [...base.history, { version: 3, action: 'start_completeness_check' }] } as unknown as ApplicationDetail;
    const changes = describeChanges(base, after);
    expect(changes.fields).toEqual([
      { field: 'state', before: 'submitted', after: 'completeness_check' },
      { field: 'assignee', before: null, after: 'u2' },
    ]);
    expect(changes.newHistory.map((h) => h.version)).toEqual([3]);
  });
  it('finds nothing when nothing changed', () => {
    expect(describeChanges(base, base)).toEqual({ fields: [], newHistory: [] });
  });
});

describe('registration form to the API', () => {
  const form = { latinName: ' Mohamed Diallo ', arabicName: '', birthDate: '', birthYear: '1990', sex: 'male' as const, nationality: 'sn', preferredLanguage: 'fr' as const, phone: '+212 6 12 34 56 78', email: '', documentType: 'passport' as const, documentNumber: 'A123', documentCountry: '' };
  it('trims, upper-cases codes, keeps a year alone when that is all that is known, leaves empty fields out', () => {
    expect(toPersonInput(form)).toEqual({
      preferredLanguage: 'fr',
      nationality: 'SN',
      latinName: 'Mohamed Diallo',
      birthDate: { year: 1990 },
      sex: 'male',
      phone: '+212612345678',
      documents: [{ type: 'passport', number: 'A123', issuingCountry: 'SN' }],
    });
  });
  it('prefers a full date of birth', () => {
    expect(toPersonInput({ ...form, birthDate: '1990-04-17' }).birthDate).toEqual({ year: 1990, month: 4, day: 17 });
  });
});

describe('workflow diagram', () => {
  it('styles the current state and refuses a state name that could inject Mermaid', () => {
    expect(highlightState('stateDiagram-v2\n  a --> b\n', 'b')).toContain('class b current');
    expect(highlightState('stateDiagram-v2\n', 'b\nclick b href')).toBe('stateDiagram-v2\n');
  });
});
