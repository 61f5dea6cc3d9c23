/** A date that may be known only to the year (common for people without civil registration). */
export interface PartialDate {
  year: number;
  month?: number | null;
  day?: number | null;
}

export type SpouseStatus = 'moroccan' | 'foreigner_regular' | 'foreigner_irregular';

/**
 * The facts a caseworker records for the eligibility assessment. Every fact may be unknown; an assessment then says
 * which fact it lacks instead of guessing.
 */
export interface EligibilityFacts {
  sex?: 'female' | 'male' | null;
  birthDate?: PartialDate | null;
  /** First entry into the country (ISO date). */
  entryDate?: string | null;
  /** Start of the continuous residence (ISO date). */
  residenceSince?: string | null;
  marriage?: { since: string; spouseStatus: SpouseStatus } | null;
  /** For the children of the spouse categories: the status of the parent. */
  parentStatus?: SpouseStatus | null;
  /** Length of the work contract held, in months. */
  contractMonths?: number | null;
  worksWithoutContract?: boolean | null;
  seriousIllness?: boolean | null;
  unaccompanied?: boolean | null;
}
