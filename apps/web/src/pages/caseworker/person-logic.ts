import type { components } from '../../api/schema';
import type { PersonFieldValues } from './PersonFields';

export type PersonRecord = components['schemas']['ApplicantViewDto'];
export type CorrectionBody = components['schemas']['CorrectApplicantDto'];
export type Candidate = components['schemas']['DuplicateCandidateDto'];
export type MergeEntry = components['schemas']['ApplicantMergeEntryDto'];

/** What is compared between a record and a candidate, side by side. */
export const COMPARED = ['latinName', 'arabicName', 'birthYear', 'nationality'] as const;
export type Compared = (typeof COMPARED)[number];
/** 'unknown': one side has no value, so it neither supports nor contradicts the match. */
export type Likeness = 'same' | 'differs' | 'unknown';

const norm = (v: string | number | null | undefined): string =>
  v === null || v === undefined
    ? ''
    : String(v)
        .normalize('NFKC')
        .trim()
        .replace(/\s+/g, ' ')
        .toLocaleLowerCase();

/** Field by field, how a candidate compares with the record (names compared ignoring case and spacing). */
export function likeness(person: Pick<PersonRecord, 'latinName' | 'arabicName' | 'nationality' | 'birthDate'>, candidate: Pick<Candidate, Compared>): Record<Compared, Likeness> {
  const mine: Record<Compared, string> = {
    latinName: norm(person.latinName),
    arabicName: norm(person.arabicName),
    birthYear: norm(person.birthDate?.year),
    nationality: norm(person.nationality),
  };
  const out = {} as Record<Compared, Likeness>;
  for (const k of COMPARED) {
    const theirs = norm(candidate[k]);
    out[k] = !mine[k] || !theirs ? 'unknown' : mine[k] === theirs ? 'same' : 'differs';
  }
  return out;
}

/** The correction form: every field as typed text ('' for nothing). */
export interface CorrectionForm extends PersonFieldValues {
  address: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The form as the record stands; a birth date known to the day goes in the date field, otherwise the year alone. */
export function formOf(p: PersonRecord): CorrectionForm {
  const b = p.birthDate;
  const full = b && b.month && b.day ? `${b.year}-${pad(b.month)}-${pad(b.day)}` : '';
  return {
    latinName: p.latinName ?? '',
    arabicName: p.arabicName ?? '',
    birthDate: full,
    birthYear: b && !full ? String(b.year) : '',
    sex: p.sex ?? '',
    nationality: p.nationality ?? '',
    phone: p.phone ?? '',
    email: p.email ?? '',
    preferredLanguage: (['ar', 'fr', 'en', 'es'].includes(p.preferredLanguage) ? p.preferredLanguage : 'fr') as CorrectionForm['preferredLanguage'],
    address: p.address ?? '',
  };
}

type Change = Omit<CorrectionBody, 'reason'>;
/** The API takes null to erase a field; its generated type only says "absent or a value". */
type Nullable<T> = { [K in keyof T]?: T[K] | null };

/**
 * Only what the caseworker changed, compared with the form as it was filled from the record: an untouched field is
 * not sent (a birth date known to the month stays as it is), an emptied one is sent as null (erased).
 */
export function correctionOf(before: CorrectionForm, after: CorrectionForm): Nullable<Change> {
  const change: Nullable<Change> = {};
  for (const k of ['latinName', 'arabicName', 'address', 'email'] as const) {
    if (after[k].trim() !== before[k].trim()) change[k] = after[k].trim() || null;
  }
  if (after.nationality.trim().toUpperCase() !== before.nationality.trim().toUpperCase()) change.nationality = after.nationality.trim() ? after.nationality.trim().toUpperCase() : null;
  if (after.phone.replace(/[\s.-]/g, '') !== before.phone.replace(/[\s.-]/g, '')) change.phone = after.phone.trim() ? after.phone.replace(/[\s.-]/g, '') : null;
  if (after.sex !== before.sex) change.sex = after.sex || null;
  if (after.preferredLanguage !== before.preferredLanguage) change.preferredLanguage = after.preferredLanguage;
  if (after.birthDate !== before.birthDate || after.birthYear.trim() !== before.birthYear.trim()) {
    const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(after.birthDate);
    if (full) change.birthDate = { year: Number(full[1]), month: Number(full[2]), day: Number(full[3]) };
    else if (/^\d{4}$/.test(after.birthYear.trim())) change.birthDate = { year: Number(after.birthYear.trim()) };
    else change.birthDate = null;
  }
  return change;
}

export const CORRECTION_REASON_MIN = 10;
export const MERGE_REASON_MIN = 15;

/** A merge that moved another record into this one and still stands: the one the person page offers to undo. */
export function undoableMerges(merges: MergeEntry[], personId: string): MergeEntry[] {
  return merges.filter((m) => m.survivorId === personId && !m.undoneAt);
}

/** The birth date as known: day, month and year, or less. */
export function birthDateText(b: PersonRecord['birthDate'], locale: string): string {
  if (!b) return '—';
  if (b.month && b.day) return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(b.year, b.month - 1, b.day));
  if (b.month) return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(b.year, b.month - 1, 1));
  return String(b.year);
}
