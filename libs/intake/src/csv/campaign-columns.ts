import { isValid as isCountry } from 'i18n-iso-countries';
import { IDENTITY_DOCUMENT_TYPES, type CampaignPerson, type IdentityDocumentType } from '@masar/cases';
import type { RowError, RowErrorCode } from './row-errors';

/**
 * The columns of a campaign office's file, in any order, named on the first line. Required columns must be there
 * (a value may still be empty where the column says so); any other column is refused rather than ignored, so that
 * nothing the office typed is silently lost.
 */
export const CAMPAIGN_COLUMNS = {
  latin_name: { required: true, doc: 'Full name in Latin script (this or arabic_name), at most 200 characters' },
  arabic_name: { required: true, doc: 'Full name in Arabic script (this or latin_name), at most 200 characters' },
  sex: { required: true, doc: 'female, male (or F, M); may be empty' },
  birth_date: { required: true, doc: 'YYYY-MM-DD, or YYYY-MM or YYYY when only that is known' },
  nationality: { required: true, doc: 'ISO 3166-1 alpha-2 code (SN, CI, ...)' },
  document_type: { required: true, doc: `${IDENTITY_DOCUMENT_TYPES.join(', ')}` },
  document_number: { required: true, doc: 'The identity document number (spaces and dashes ignored), 4 to 30 letters and digits' },
  issuing_country: { required: false, doc: 'ISO alpha-2 code of the issuing country; defaults to the nationality' },
  phone: { required: true, doc: 'International (+212...) or Moroccan number, 8 to 15 digits; may be empty' },
  email: { required: true, doc: 'E-mail address; may be empty' },
  preferred_language: { required: true, doc: 'ar, fr, en or es; empty means fr' },
  category: { required: true, doc: 'Regularisation category of the criteria version applied to the batch' },
} as const;
export type CampaignColumn = keyof typeof CAMPAIGN_COLUMNS;
export const COLUMN_NAMES = Object.keys(CAMPAIGN_COLUMNS) as CampaignColumn[];

/** Where each column sits in this file's records. */
export type ColumnMap = Record<CampaignColumn, number>;

export function readHeader(header: string[]): { map: ColumnMap; missing: string[]; unknown: string[] } {
  const names = header.map((h) => h.trim().toLowerCase());
  const map = {} as ColumnMap;
  const unknown: string[] = [];
  names.forEach((n, i) => {
    if ((COLUMN_NAMES as string[]).includes(n) && map[n as CampaignColumn] === undefined) map[n as CampaignColumn] = i;
    else if (n !== '') unknown.push(n);
  });
  const missing = COLUMN_NAMES.filter((c) => CAMPAIGN_COLUMNS[c].required && map[c] === undefined);
  return { map, missing, unknown };
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const EMAIL = /^[^\s@"<>,;]{1,64}@[^\s@"<>,;]+\.[^\s@"<>,;]{2,}$/;
const LANGUAGES = ['ar', 'fr', 'en', 'es'] as const;
const SEXES: Record<string, 'female' | 'male'> = { female: 'female', f: 'female', male: 'male', m: 'male' };

/** A Moroccan number may be written locally (06..., 07..., 05...); others need their country code. */
function normalisePhone(raw: string): string | null {
  const compact = raw.replace(/[\s().-]/g, '');
  if (!/^(\+|00)?\d+$/.test(compact)) return null;
  let digits = compact.startsWith('+') ? compact.slice(1) : compact.startsWith('00') ? compact.slice(2) : compact;
  if (!compact.startsWith('+') && !compact.startsWith('00') && digits.startsWith('0') && digits.length === 10) digits = `212${digits.slice(1)}`;
  return digits.length >= 8 && digits.length <= 15 && !digits.startsWith('0') ? `+${digits}` : null;
}

/**
 * Checks one record: the person it describes, or every problem found (one per column), so that the office fixes
 * the whole line at once. `categories` are those of the criteria version applied to the batch.
 */
export function readCampaignRow(
  record: string[],
  line: number,
  map: ColumnMap,
  width: number,
  categories: readonly string[],
  thisYear: number,
): { person: CampaignPerson } | { errors: RowError[] } {
  if (record.length !== width) return { errors: [{ line, column: '*', code: 'ROW_MALFORMED' }] };
  const errors: RowError[] = [];
  const fail = (column: CampaignColumn, code: RowErrorCode) => errors.push({ line, column, code });
  const v = (c: CampaignColumn) => (map[c] === undefined ? '' : (record[map[c]] ?? '').trim());

  const latinName = v('latin_name') || null;
  const arabicName = v('arabic_name') || null;
  if (!latinName && !arabicName) fail('latin_name', 'NAME_MISSING');
  if (latinName && latinName.length > 200) fail('latin_name', 'NAME_TOO_LONG');
  if (arabicName && arabicName.length > 200) fail('arabic_name', 'NAME_TOO_LONG');

  const sexRaw = v('sex').toLowerCase();
  const sex = sexRaw === '' ? null : (SEXES[sexRaw] ?? undefined);
  if (sex === undefined) fail('sex', 'SEX_INVALID');

  const birthRaw = v('birth_date');
  let birthDate: CampaignPerson['birthDate'] | null = null;
  if (!birthRaw) fail('birth_date', 'BIRTH_DATE_MISSING');
  else {
    const m = DATE.exec(birthRaw);
    const year = m ? Number(m[1]) : NaN;
    const month = m?.[2] ? Number(m[2]) : null;
    const day = m?.[3] ? Number(m[3]) : null;
    const real = day === null || (month !== null && new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day);
    if (!m || year < 1900 || year > thisYear || (month !== null && (month < 1 || month > 12)) || !real) fail('birth_date', 'BIRTH_DATE_INVALID');
    else birthDate = { year, ...(month !== null ? { month } : {}), ...(day !== null ? { day } : {}) };
  }

  const nationality = v('nationality').toUpperCase();
  if (!/^[A-Z]{2}$/.test(nationality) || !isCountry(nationality)) fail('nationality', 'NATIONALITY_INVALID');

  const documentType = v('document_type').toLowerCase() as IdentityDocumentType;
  if (!(IDENTITY_DOCUMENT_TYPES as readonly string[]).includes(documentType)) fail('document_type', 'DOCUMENT_TYPE_INVALID');
  const documentNumber = v('document_number');
  const compactNumber = documentNumber.normalize('NFKC').toUpperCase().replace(/[^0-9A-Z]/g, '');
  if (compactNumber.length < 4 || compactNumber.length > 30) fail('document_number', 'DOCUMENT_NUMBER_INVALID');

  const issuing = v('issuing_country').toUpperCase();
  if (issuing && (!/^[A-Z]{2}$/.test(issuing) || !isCountry(issuing))) fail('issuing_country', 'ISSUING_COUNTRY_INVALID');

  const phoneRaw = v('phone');
  const phone = phoneRaw ? normalisePhone(phoneRaw) : null;
  if (phoneRaw && !phone) fail('phone', 'PHONE_INVALID');

  const email = v('email') || null;
  if (email && (email.length > 254 || !EMAIL.test(email))) fail('email', 'EMAIL_INVALID');

  const lang = (v('preferred_language').toLowerCase() || 'fr') as CampaignPerson['preferredLanguage'];
  if (!(LANGUAGES as readonly string[]).includes(lang)) fail('preferred_language', 'LANGUAGE_INVALID');

  const category = v('category').toLowerCase();
  if (!categories.includes(category)) fail('category', 'CATEGORY_INVALID');

  if (errors.length > 0) return { errors };
  return {
    person: {
      latinName,
      arabicName,
      sex: sex ?? null,
      birthDate: birthDate!,
      nationality,
      documentType,
      documentNumber,
      issuingCountry: issuing || nationality,
      phone,
      email,
      preferredLanguage: lang,
      category,
    },
  };
}
