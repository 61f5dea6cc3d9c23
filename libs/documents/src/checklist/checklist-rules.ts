import type { DocumentKind } from './document-kinds';

export type ApplicationKind = 'regularisation' | 'asylum' | 'renewal';

/**
 * What the date on a document must satisfy for a category. Dates are compared as calendar days (YYYY-MM-DD).
 * - `notExpired`: the document is still valid on the day of the check (an identity document);
 * - `olderThanYears`: issued at least this long before the application (proof of N years of residence or marriage);
 * - `onOrBefore`: issued no later than a fixed day (presence before 31 December 2013 for serious illness);
 * - `newerThanMonths`: issued at most this long before the check (a recent certificate for a renewal).
 */
export interface DateRule {
  notExpired?: boolean;
  olderThanYears?: number;
  onOrBefore?: string;
  newerThanMonths?: number;
}

export interface RequiredDocument {
  kind: DocumentKind;
  /** Optional documents may be uploaded and are checked, but do not hold the file back. */
  required: boolean;
  dateRule?: DateRule;
}

const identity: RequiredDocument = { kind: 'identity_document', required: true, dateRule: { notExpired: true } };
const photo: RequiredDocument = { kind: 'photo', required: true };
const entry: RequiredDocument = { kind: 'proof_of_entry', required: true };

/**
 * The thresholds of the criteria version a file is assessed under (the cases context's criteria): a relaxed version
 * accepts a marriage of any length, and the 2016 campaign moved the serious-illness cut-off. Defaults: 2014.
 */
export interface CategoryDateParams {
  spouseOfMoroccanMinYears: number;
  spouseOfForeignerMinYears: number;
  residenceMinYears: number;
  illnessPresentBefore: string;
}

export const CRITERIA_2014_DATES: CategoryDateParams = {
  spouseOfMoroccanMinYears: 2,
  spouseOfForeignerMinYears: 4,
  residenceMinYears: 5,
  illnessPresentBefore: '2013-12-31',
};

/** A rule of "at least 0 years" is no rule. */
const olderThan = (years: number): DateRule | undefined => (years > 0 ? { olderThanYears: years } : undefined);

/**
 * The checklist per kind and category. Regularisation categories are the cases context's (the six of 2014 and
 * those added when the criteria were relaxed); a category with no list of its own gets the common core (identity,
 * photo, proof of entry), which every regularisation file holds.
 */
function regularisation(category: string | null, p: CategoryDateParams): RequiredDocument[] | undefined {
  switch (category) {
    case 'spouse_of_moroccan':
      return [identity, photo, entry, { kind: 'marriage_certificate', required: true, dateRule: olderThan(p.spouseOfMoroccanMinYears) }];
    case 'spouse_of_foreigner':
      return [identity, photo, entry, { kind: 'marriage_certificate', required: true, dateRule: olderThan(p.spouseOfForeignerMinYears) }];
    case 'work_contract':
      return [identity, photo, entry, { kind: 'work_contract', required: true }];
    case 'residence_five_years':
      return [identity, photo, { kind: 'proof_of_residence', required: true, dateRule: olderThan(p.residenceMinYears) }];
    case 'serious_illness':
      return [
        identity,
        photo,
        { kind: 'medical_certificate', required: true },
        { kind: 'proof_of_residence', required: true, dateRule: { onOrBefore: p.illnessPresentBefore } },
      ];
    default:
      return undefined;
  }
}
const REGULARISATION_CORE: RequiredDocument[] = [identity, photo, entry];

/** Many asylum seekers fled without papers: status is decided in interview, so an identity document is optional. */
const ASYLUM: RequiredDocument[] = [photo, { kind: 'identity_document', required: false, dateRule: { notExpired: true } }];

const RENEWAL: RequiredDocument[] = [
  identity,
  photo,
  { kind: 'proof_of_address', required: true, dateRule: { newerThanMonths: 3 } },
  { kind: 'criminal_record_extract', required: true, dateRule: { newerThanMonths: 3 } },
  { kind: 'medical_certificate', required: true, dateRule: { newerThanMonths: 3 } },
  { kind: 'proof_of_means', required: true, dateRule: { newerThanMonths: 3 } },
];

export function requiredDocuments(kind: ApplicationKind, category: string | null, dates: CategoryDateParams = CRITERIA_2014_DATES): RequiredDocument[] {
  switch (kind) {
    case 'regularisation':
      return regularisation(category, dates) ?? REGULARISATION_CORE;
    case 'asylum':
      return ASYLUM;
    case 'renewal':
      return RENEWAL;
  }
}

export function ruleFor(
  kind: ApplicationKind,
  category: string | null,
  documentKind: DocumentKind,
  dates: CategoryDateParams = CRITERIA_2014_DATES,
): RequiredDocument | undefined {
  return requiredDocuments(kind, category, dates).find((r) => r.kind === documentKind);
}
