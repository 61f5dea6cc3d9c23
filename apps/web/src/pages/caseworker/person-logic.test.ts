import { describe, expect, it } from 'vitest';
import { birthDateText, correctionOf, formOf, likeness, undoableMerges, type MergeEntry, type PersonRecord } from './person-logic';

const person: PersonRecord = {
  id: 'p1',
  latinName: 'Mohamed Diallo',
  arabicName: null,
  birthDate: { year: 1990, month: 4 },
  sex: 'male',
  nationality: 'SN',
  phone: '+212612345678',
  email: null,
  preferredLanguage: 'fr',
  address: null,
  userId: null,
  mergedIntoId: null,
  documents: [],
  applicationIds: [],
};

describe('likeness of a duplicate candidate', () => {
  it('marks the same, the different and the unknown fields, ignoring case and spacing of names', () => {
    expect(likeness(person, { latinName: ' mohamed  DIALLO', arabicName: 'محمد ديالو', birthYear: 1991, nationality: 'SN' })).toEqual({
      latinName: 'same',
      arabicName: 'unknown',
      birthYear: 'differs',
      nationality: 'same',
    });
    expect(likeness(person, { latinName: 'Mohammed Diallo', arabicName: null, birthYear: null, nationality: 'ML' })).toMatchObject({ latinName: 'differs', birthYear: 'unknown', nationality: 'differs' });
  });
});

describe('correction of a record', () => {
  it('sends nothing when nothing was touched, even a birth date known only to the month', () => {
    const form = formOf(person);
    expect(form.birthYear).toBe('1990');
    expect(form.birthDate).toBe('');
    expect(correctionOf(form, { ...form })).toEqual({});
  });
  it('sends only the changed fields, an emptied one as null, the nationality in capitals, the phone without spaces', () => {
    const before = formOf(person);
    expect(correctionOf(before, { ...before, latinName: 'Mohamed Diallo Sow ', nationality: 'ml', phone: '+212 612 34 56 79', sex: '' })).toEqual({
      latinName: 'Mohamed Diallo Sow',
      nationality: 'ML',
      phone: '+212612345679',
      sex: null,
    });
    expect(correctionOf(before, { ...before, phone: '' })).toEqual({ phone: null });
  });
  it('takes a full date of birth over the year, and erases it when both are emptied', () => {
    const before = formOf(person);
    expect(correctionOf(before, { ...before, birthDate: '1990-04-17' })).toEqual({ birthDate: { year: 1990, month: 4, day: 17 } });
    expect(correctionOf(before, { ...before, birthYear: '1989' })).toEqual({ birthDate: { year: 1989 } });
    expect(correctionOf(before, { ...before, birthYear: '' })).toEqual({ birthDate: null });
  });
  it('fills the date field when the day is known', () => {
    expect(formOf({ ...person, birthDate: { year: 1990, month: 4, day: 7 } })).toMatchObject({ birthDate: '1990-04-07', birthYear: '' });
  });
});

describe('merges and dates', () => {
  const merge = (over: Partial<MergeEntry>): MergeEntry => ({
    id: 'm', survivorId: 'p1', mergedId: 'p2', mergedLatinName: null, mergedArabicName: null, reason: 'r', movedApplications: 1, movedDocuments: 0,
    mergedBy: 'u', mergedAt: '2026-11-29T08:00:00Z', undoneAt: null, undoneBy: null, undoReason: null, ...over,
  });
  it('offers to undo only the standing merges into this record', () => {
    const list = [merge({ id: 'a' }), merge({ id: 'b', undoneAt: '2026-11-29T09:00:00Z' }), merge({ id: 'c', survivorId: 'p9', mergedId: 'p1' })];
    expect(undoableMerges(list, 'p1').map((m) => m.id)).toEqual(['a']);
  });
  it('writes a birth date with what is known of it', () => {
    expect(birthDateText({ year: 1990 }, 'fr')).toBe('1990');
    expect(birthDateText({ year: 1990, month: 4, day: 17 }, 'fr')).toBe('17 avril 1990');
    expect(birthDateText({ year: 1990, month: 4 }, 'en')).toBe('April 1990');
    expect(birthDateText(null, 'en')).toBe('—');
  });
});
