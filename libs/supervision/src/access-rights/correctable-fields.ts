import { SupervisionErrors } from '../supervision.errors';

/** The fields of a person a caseworker may correct, and how each value is checked. Identity documents are not here: a wrong number is a new document. */
export const CORRECTABLE_FIELDS = ['latinName', 'arabicName', 'birthDate', 'sex', 'nationality', 'phone', 'email', 'address', 'preferredLanguage'] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

export type CorrectedValue = string | { year: number; month?: number; day?: number } | null;

const invalid = (field: string, why: string) => SupervisionErrors.fieldNotCorrectable(`${field}: ${why}`, CORRECTABLE_FIELDS);

/** Checks the new value of a field; returns it normalised (trimmed; null clears an optional field). */
export function checkCorrection(field: string, value: unknown): { field: CorrectableField; value: CorrectedValue } {
  if (!(CORRECTABLE_FIELDS as readonly string[]).includes(field)) throw SupervisionErrors.fieldNotCorrectable(field, CORRECTABLE_FIELDS);
  const f = field as CorrectableField;
  if (value === null || value === '') {
    if (f === 'sex' || f === 'nationality' || f === 'preferredLanguage') throw invalid(f, 'a value is required');
    return { field: f, value: null };
  }
  switch (f) {
    case 'birthDate': {
      const d = value as { year?: unknown; month?: unknown; day?: unknown };
      const int = (v: unknown, lo: number, hi: number) => v === undefined || (Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi);
      if (typeof value !== 'object' || !Number.isInteger(d.year) || !int(d.year, 1900, 2100) || !int(d.month, 1, 12) || !int(d.day, 1, 31) || (d.day !== undefined && d.month === undefined)) {
        throw invalid(f, 'expected { year, month?, day? }');
      }
      return { field: f, value: { year: d.year as number, ...(d.month !== undefined ? { month: d.month as number } : {}), ...(d.day !== undefined ? { day: d.day as number } : {}) } };
    }
    case 'sex':
      if (value !== 'female' && value !== 'male') throw invalid(f, 'female or male');
      return { field: f, value };
    case 'nationality':
      if (typeof value !== 'string' || !/^[A-Z]{2}$/.test(value)) throw invalid(f, 'an ISO 3166 alpha-2 code');
      return { field: f, value };
    case 'preferredLanguage':
      if (!['ar', 'fr', 'en', 'es'].includes(value as string)) throw invalid(f, 'ar, fr, en or es');
      return { field: f, value: value as string };
    case 'email':
      if (typeof value !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()) || value.length > 254) throw invalid(f, 'an e-mail address');
      return { field: f, value: value.trim().toLowerCase() };
    case 'phone':
      if (typeof value !== 'string' || !/^\+?[0-9 ]{6,20}$/.test(value.trim())) throw invalid(f, 'a phone number');
      return { field: f, value: value.trim() };
    default:
      if (typeof value !== 'string' || value.trim().length === 0 || value.length > 500) throw invalid(f, 'a text of 1 to 500 characters');
      return { field: f, value: value.trim() };
  }
}
