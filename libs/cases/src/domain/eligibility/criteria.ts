/**
 * Regularisation eligibility criteria as versioned data. A file records the version it was assessed under, so that
 * when the appeal commission relaxes the criteria every file refused under an older version can be re-assessed.
 *
 * The 2014 and 2016-2017 campaigns had six categories; the national commission later regularised all women and
 * children (2014) and, in 2017, also unaccompanied minors, people working without a contract and spouses whatever
 * the length of the marriage. The publication dates of the relaxed versions are the campaigns' closing dates: the
 * commission applied them to the appeals of that campaign.
 */
export const REGULARISATION_CATEGORIES = [
  'spouse_of_moroccan',
  'spouse_of_foreigner',
  'child_of_eligible_parent',
  'work_contract',
  'residence_five_years',
  'serious_illness',
  'woman',
  'child',
  'unaccompanied_minor',
  'worker_without_contract',
] as const;
export type RegularisationCategory = (typeof REGULARISATION_CATEGORIES)[number];

export interface CriteriaParameters {
  /** Years of marriage (life together) with a Moroccan national; 0 when any length will do. */
  spouseOfMoroccanMinYears: number;
  /** Years of marriage with a foreigner in regular stay; 0 when any length will do. */
  spouseOfForeignerMinYears: number;
  contractMinYears: number;
  residenceMinYears: number;
  /** A person with a serious illness must have been in the country before this date (ISO). */
  illnessPresentBefore: string;
  adultAge: number;
}

export interface CriteriaVersion {
  id: string;
  title: string;
  /** The day from which the version applies (ISO date). */
  effectiveFrom: string;
  categories: readonly RegularisationCategory[];
  params: CriteriaParameters;
}

const SIX_2014: RegularisationCategory[] = [
  'spouse_of_moroccan',
  'spouse_of_foreigner',
  'child_of_eligible_parent',
  'work_contract',
  'residence_five_years',
  'serious_illness',
];

export const CRITERIA_VERSIONS: readonly CriteriaVersion[] = [
  {
    id: 'MA-2014',
    title: 'Exceptional regularisation 2014: six categories',
    effectiveFrom: '2014-01-02',
    categories: SIX_2014,
    params: { spouseOfMoroccanMinYears: 2, spouseOfForeignerMinYears: 4, contractMinYears: 2, residenceMinYears: 5, illnessPresentBefore: '2013-12-31', adultAge: 18 },
  },
  {
    id: 'MA-2014-R',
    title: '2014, relaxed by the national commission: all women and children',
    effectiveFrom: '2014-12-31',
    categories: [...SIX_2014, 'woman', 'child'],
    params: { spouseOfMoroccanMinYears: 2, spouseOfForeignerMinYears: 4, contractMinYears: 2, residenceMinYears: 5, illnessPresentBefore: '2013-12-31', adultAge: 18 },
  },
  {
    id: 'MA-2016',
    title: 'Second regularisation 2016-2017: six categories',
    effectiveFrom: '2016-12-15',
    categories: SIX_2014,
    params: { spouseOfMoroccanMinYears: 2, spouseOfForeignerMinYears: 4, contractMinYears: 2, residenceMinYears: 5, illnessPresentBefore: '2015-12-31', adultAge: 18 },
  },
  {
    id: 'MA-2016-R',
    title: '2016-2017, relaxed by the appeal commission: women, children, unaccompanied minors, workers without contract, spouses whatever the length of marriage',
    effectiveFrom: '2017-12-31',
    categories: [...SIX_2014, 'woman', 'child', 'unaccompanied_minor', 'worker_without_contract'],
    params: { spouseOfMoroccanMinYears: 0, spouseOfForeignerMinYears: 0, contractMinYears: 2, residenceMinYears: 5, illnessPresentBefore: '2015-12-31', adultAge: 18 },
  },
];

export function criteriaVersion(id: string): CriteriaVersion | undefined {
  return CRITERIA_VERSIONS.find((v) => v.id === id);
}

export function isRegularisationCategory(c: string): c is RegularisationCategory {
  return (REGULARISATION_CATEGORIES as readonly string[]).includes(c);
}
