import { criteriaVersion, type CriteriaVersion, type RegularisationCategory } from './criteria';
import type { EligibilityFacts, PartialDate } from './eligibility-facts';

export type Verdict = 'meets' | 'does_not_meet' | 'cannot_tell';

export interface EligibilityReason {
  code: string;
  /** True: this condition holds; false: it does not; null: a fact is missing. */
  holds: boolean | null;
  text: string;
}

/** Advisory only: the caseworker decides, and the reasons say why the rules point one way. */
export interface EligibilityAssessment {
  category: RegularisationCategory;
  criteriaVersion: string;
  verdict: Verdict;
  reasons: EligibilityReason[];
}


function parseDay(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`);
}

/** Whole years from `from` to `to` (a birthday-style count: 2 years means the second anniversary has passed). */
export function fullYearsBetween(from: Date, to: Date): number {
  let years = to.getUTCFullYear() - from.getUTCFullYear();
  const anniversaryPassed =
    to.getUTCMonth() > from.getUTCMonth() || (to.getUTCMonth() === from.getUTCMonth() && to.getUTCDate() >= from.getUTCDate());
  if (!anniversaryPassed) years -= 1;
  return years;
}

/** The range of ages a partial date of birth allows on a day. */
export function ageRange(birth: PartialDate, on: Date): { min: number; max: number } {
  if (birth.month && birth.day) {
    const age = fullYearsBetween(new Date(Date.UTC(birth.year, birth.month - 1, birth.day)), on);
    return { min: age, max: age };
  }
  if (birth.month) {
    const earliest = fullYearsBetween(new Date(Date.UTC(birth.year, birth.month - 1, 1)), on);
    const latest = fullYearsBetween(new Date(Date.UTC(birth.year, birth.month, 0)), on);
    return { min: latest, max: earliest };
  }
  const earliest = fullYearsBetween(new Date(Date.UTC(birth.year, 0, 1)), on);
  const latest = fullYearsBetween(new Date(Date.UTC(birth.year, 11, 31)), on);
  return { min: latest, max: earliest };
}

type Rule = (facts: EligibilityFacts, v: CriteriaVersion, asOf: Date) => EligibilityReason[];

function minor(facts: EligibilityFacts, v: CriteriaVersion, asOf: Date): EligibilityReason {
  if (!facts.birthDate) return { code: 'age_unknown', holds: null, text: 'Date of birth not recorded.' };
  const { min, max } = ageRange(facts.birthDate, asOf);
  if (max < v.params.adultAge) return { code: 'is_minor', holds: true, text: `Under ${v.params.adultAge} (age ${max === min ? max : `${min}-${max}`}).` };
  if (min >= v.params.adultAge) return { code: 'is_minor', holds: false, text: `Not under ${v.params.adultAge} (age ${min === max ? min : `${min}-${max}`}).` };
  return { code: 'age_uncertain', holds: null, text: `The year of birth alone does not tell whether the person is under ${v.params.adultAge}.` };
}

function marriage(status: 'moroccan' | 'foreigner_regular', minYears: number): Rule {
  const whom = status === 'moroccan' ? 'a Moroccan national' : 'a foreigner in regular stay';
  return (facts, _v, asOf) => {
    if (!facts.marriage) return [{ code: 'marriage_unknown', holds: null, text: 'No marriage recorded.' }];
    const spouse: EligibilityReason =
      facts.marriage.spouseStatus === status
        ? { code: 'spouse_status', holds: true, text: `Spouse is ${whom}.` }
        : { code: 'spouse_status', holds: false, text: `Spouse is not ${whom}.` };
    if (minYears === 0) return [spouse, { code: 'marriage_length', holds: true, text: 'Any length of marriage is accepted.' }];
    const years = fullYearsBetween(parseDay(facts.marriage.since), asOf);
    return [
      spouse,
      years >= minYears
        ? { code: 'marriage_length', holds: true, text: `Married for ${years} years (at least ${minYears} required).` }
        : { code: 'marriage_length', holds: false, text: `Married for ${Math.max(years, 0)} years; at least ${minYears} required.` },
    ];
  };
}

const RULES: Record<RegularisationCategory, Rule> = {
  spouse_of_moroccan: (f, v, d) => marriage('moroccan', v.params.spouseOfMoroccanMinYears)(f, v, d),
  spouse_of_foreigner: (f, v, d) => marriage('foreigner_regular', v.params.spouseOfForeignerMinYears)(f, v, d),
  child_of_eligible_parent: (f) => {
    if (!f.parentStatus) return [{ code: 'parent_unknown', holds: null, text: "The parent's status is not recorded." }];
    return f.parentStatus === 'moroccan' || f.parentStatus === 'foreigner_regular'
      ? [{ code: 'parent_status', holds: true, text: 'Child of a Moroccan national or of a foreigner in regular stay.' }]
      : [{ code: 'parent_status', holds: false, text: 'The parent is neither Moroccan nor in regular stay.' }];
  },
  work_contract: (f, v) => {
    if (f.contractMonths === undefined || f.contractMonths === null) return [{ code: 'contract_unknown', holds: null, text: 'No work contract recorded.' }];
    const need = v.params.contractMinYears * 12;
    return f.contractMonths >= need
      ? [{ code: 'contract_length', holds: true, text: `Work contract of ${f.contractMonths} months (at least ${need} required).` }]
      : [{ code: 'contract_length', holds: false, text: `Work contract of ${f.contractMonths} months; at least ${need} required.` }];
  },
  residence_five_years: (f, v, asOf) => {
    if (!f.residenceSince) return [{ code: 'residence_unknown', holds: null, text: 'Start of residence not recorded.' }];
    const years = fullYearsBetween(parseDay(f.residenceSince), asOf);
    const need = v.params.residenceMinYears;
    return years >= need
      ? [{ code: 'residence_length', holds: true, text: `Continuous residence of ${years} years (at least ${need} required).` }]
      : [{ code: 'residence_length', holds: false, text: `Continuous residence of ${Math.max(years, 0)} years; at least ${need} required.` }];
  },
  serious_illness: (f, v) => {
    const illness: EligibilityReason =
      f.seriousIllness === true
        ? { code: 'serious_illness', holds: true, text: 'Serious illness recorded.' }
        : f.seriousIllness === false
          ? { code: 'serious_illness', holds: false, text: 'No serious illness.' }
          : { code: 'illness_unknown', holds: null, text: 'Illness not recorded.' };
    const since = f.entryDate ?? f.residenceSince;
    const before = v.params.illnessPresentBefore;
    const presence: EligibilityReason = !since
      ? { code: 'entry_unknown', holds: null, text: 'Date of entry not recorded.' }
      : parseDay(since).getTime() <= parseDay(before).getTime()
        ? { code: 'present_before', holds: true, text: `In the country since ${since.slice(0, 10)}, before ${before}.` }
        : { code: 'present_before', holds: false, text: `Arrived ${since.slice(0, 10)}, after ${before}.` };
    return [illness, presence];
  },
  woman: (f) =>
    f.sex === 'female'
      ? [{ code: 'is_woman', holds: true, text: 'A woman: regularised under the relaxed criteria.' }]
      : f.sex === 'male'
        ? [{ code: 'is_woman', holds: false, text: 'Not a woman.' }]
        : [{ code: 'sex_unknown', holds: null, text: 'Sex not recorded.' }],
  child: (f, v, d) => [minor(f, v, d)],
  unaccompanied_minor: (f, v, d) => [
    minor(f, v, d),
    f.unaccompanied === true
      ? { code: 'unaccompanied', holds: true, text: 'Unaccompanied.' }
      : f.unaccompanied === false
        ? { code: 'unaccompanied', holds: false, text: 'Accompanied by a parent or guardian.' }
        : { code: 'unaccompanied_unknown', holds: null, text: 'Whether the minor is accompanied is not recorded.' },
  ],
  worker_without_contract: (f) =>
    f.worksWithoutContract === true
      ? [{ code: 'works_without_contract', holds: true, text: 'Works without a written contract.' }]
      : f.worksWithoutContract === false
        ? [{ code: 'works_without_contract', holds: false, text: 'Does not work without a contract.' }]
        : [{ code: 'work_unknown', holds: null, text: 'Work situation not recorded.' }],
};

function verdictOf(reasons: EligibilityReason[]): Verdict {
  if (reasons.some((r) => r.holds === false)) return 'does_not_meet';
  if (reasons.some((r) => r.holds === null)) return 'cannot_tell';
  return 'meets';
}

/** The advisory assessment of one category under one version of the criteria, on the day given. */
export function assessEligibility(
  version: CriteriaVersion,
  category: RegularisationCategory,
  facts: EligibilityFacts,
  asOf: Date,
): EligibilityAssessment {
  if (!version.categories.includes(category)) {
    return {
      category,
      criteriaVersion: version.id,
      verdict: 'does_not_meet',
      reasons: [{ code: 'category_not_open', holds: false, text: `Category ${category} is not part of criteria ${version.id}.` }],
    };
  }
  const reasons = RULES[category](facts, version, asOf);
  return { category, criteriaVersion: version.id, verdict: verdictOf(reasons), reasons };
}

/** Every category of a version, the ones the person meets first: what the caseworker sees when choosing. */
export function assessAllCategories(version: CriteriaVersion, facts: EligibilityFacts, asOf: Date): EligibilityAssessment[] {
  const order: Record<Verdict, number> = { meets: 0, cannot_tell: 1, does_not_meet: 2 };
  return version.categories
    .map((c) => assessEligibility(version, c, facts, asOf))
    .sort((a, b) => order[a.verdict] - order[b.verdict]);
}

/**
 * For the review worklist after a new version is published: the first category under which the new version
 * accepts a file that an older version refused, or null.
 */
export function acceptedUnder(versionId: string, facts: EligibilityFacts, asOf: Date): EligibilityAssessment | null {
  const version = criteriaVersion(versionId);
  if (!version) return null;
  return assessAllCategories(version, facts, asOf).find((a) => a.verdict === 'meets') ?? null;
}

