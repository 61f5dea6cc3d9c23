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
 * The checklist per kind and category. Regularisation categories follow the 2014 campaign (and those added when
 * the 2016-2017 appeal commission relaxed the criteria); a category nobody listed here gets the common core
 * (identity, photo, proof of entry), which every regularisation file holds.
 */
const REGULARISATION: Record<string, RequiredDocument[]> = {
  spouse_of_moroccan: [identity, photo, entry, { kind: 'marriage_certificate', required: true, dateRule: { olderThanYears: 2 } }],
  spouse_of_foreign_resident: [identity, photo, entry, { kind: 'marriage_certificate', required: true, dateRule: { olderThanYears: 4 } }],
  child_of_moroccan: [identity, photo, entry],
  child_of_foreign_resident: [identity, photo, entry],
  work_contract: [identity, photo, entry, { kind: 'work_contract', required: true }],
  continuous_residence: [identity, photo, { kind: 'proof_of_residence', required: true, dateRule: { olderThanYears: 5 } }],
  serious_illness: [
    identity,
    photo,
    { kind: 'medical_certificate', required: true },
    { kind: 'proof_of_residence', required: true, dateRule: { onOrBefore: '2013-12-31' } },
  ],
};
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

export function requiredDocuments(kind: ApplicationKind, category: string | null): RequiredDocument[] {
  switch (kind) {
    case 'regularisation':
      return (category && REGULARISATION[category]) || REGULARISATION_CORE;
    case 'asylum':
      return ASYLUM;
    case 'renewal':
      return RENEWAL;
  }
}

export function ruleFor(kind: ApplicationKind, category: string | null, documentKind: DocumentKind): RequiredDocument | undefined {
  return requiredDocuments(kind, category).find((r) => r.kind === documentKind);
}
