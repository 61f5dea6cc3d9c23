import { acceptedUnder, ageRange, assessAllCategories, assessEligibility } from './assess-eligibility';
import { criteriaVersion, type CriteriaVersion } from './criteria';

const v2014 = criteriaVersion('MA-2014')!;
const v2014R = criteriaVersion('MA-2014-R')!;
const v2016R = criteriaVersion('MA-2016-R')!;
const AS_OF = new Date('2014-06-15T00:00:00Z');

function verdict(v: CriteriaVersion, category: Parameters<typeof assessEligibility>[1], facts: Parameters<typeof assessEligibility>[2], asOf = AS_OF) {
  return assessEligibility(v, category, facts, asOf).verdict;
}

describe('eligibility of the 2014 categories', () => {
  it('counts two full years of marriage to a Moroccan, to the day', () => {
    expect(verdict(v2014, 'spouse_of_moroccan', { marriage: { since: '2012-06-15', spouseStatus: 'moroccan' } })).toBe('meets');
    expect(verdict(v2014, 'spouse_of_moroccan', { marriage: { since: '2012-06-16', spouseStatus: 'moroccan' } })).toBe('does_not_meet');
  });

  it('needs four years with a foreigner in regular stay, and the spouse status to match', () => {
    expect(verdict(v2014, 'spouse_of_foreigner', { marriage: { since: '2010-01-01', spouseStatus: 'foreigner_regular' } })).toBe('meets');
    expect(verdict(v2014, 'spouse_of_foreigner', { marriage: { since: '2011-01-01', spouseStatus: 'foreigner_regular' } })).toBe('does_not_meet');
    const wrongSpouse = assessEligibility(v2014, 'spouse_of_foreigner', { marriage: { since: '2000-01-01', spouseStatus: 'foreigner_irregular' } }, AS_OF);
    expect(wrongSpouse.verdict).toBe('does_not_meet');
    expect(wrongSpouse.reasons.find((r) => r.code === 'spouse_status')!.text).toBe('Spouse is not a foreigner in regular stay.');
  });

  it('needs a work contract of 24 months', () => {
    expect(verdict(v2014, 'work_contract', { contractMonths: 24 })).toBe('meets');
    expect(verdict(v2014, 'work_contract', { contractMonths: 23 })).toBe('does_not_meet');
  });

  it('needs five years of continuous residence', () => {
    expect(verdict(v2014, 'residence_five_years', { residenceSince: '2009-06-15' })).toBe('meets');
    expect(verdict(v2014, 'residence_five_years', { residenceSince: '2009-06-16' })).toBe('does_not_meet');
  });

  it('accepts a serious illness only for people in the country before 31 December 2013', () => {
    expect(verdict(v2014, 'serious_illness', { seriousIllness: true, entryDate: '2013-12-31' })).toBe('meets');
    expect(verdict(v2014, 'serious_illness', { seriousIllness: true, entryDate: '2014-01-01' })).toBe('does_not_meet');
  });

  it('says which fact is missing instead of guessing', () => {
    const a = assessEligibility(v2014, 'serious_illness', { seriousIllness: true }, AS_OF);
    expect(a.verdict).toBe('cannot_tell');
    expect(a.reasons.map((r) => r.code)).toEqual(['serious_illness', 'entry_unknown']);
  });

  it('does not open the relaxed categories under the 2014 criteria', () => {
    expect(verdict(v2014, 'woman', { sex: 'female' })).toBe('does_not_meet');
  });
});

describe('relaxed criteria', () => {
  it('regularise all women and children from the 2014 relaxation', () => {
    expect(verdict(v2014R, 'woman', { sex: 'female' })).toBe('meets');
    expect(verdict(v2014R, 'child', { birthDate: { year: 2000, month: 3, day: 1 } })).toBe('meets');
    expect(verdict(v2014R, 'child', { birthDate: { year: 1990 } })).toBe('does_not_meet');
  });

  it('cannot tell a minor from a year of birth alone in the year the person turns 18', () => {
    expect(verdict(v2014R, 'child', { birthDate: { year: 1996 } })).toBe('cannot_tell');
    expect(verdict(v2014R, 'child', { birthDate: { year: 1996, month: 12 } })).toBe('meets');
  });

  it('accept spouses whatever the length of marriage in 2017, and workers without a contract', () => {
    const asOf = new Date('2017-03-01T00:00:00Z');
    const facts = { marriage: { since: '2016-12-01', spouseStatus: 'moroccan' as const } };
    expect(verdict(criteriaVersion('MA-2016')!, 'spouse_of_moroccan', facts, asOf)).toBe('does_not_meet');
    expect(verdict(v2016R, 'spouse_of_moroccan', facts, asOf)).toBe('meets');
    expect(verdict(v2016R, 'worker_without_contract', { worksWithoutContract: true }, asOf)).toBe('meets');
    expect(verdict(v2016R, 'unaccompanied_minor', { birthDate: { year: 2003, month: 1, day: 1 }, unaccompanied: true }, asOf)).toBe('meets');
    expect(verdict(v2016R, 'unaccompanied_minor', { birthDate: { year: 2003, month: 1, day: 1 }, unaccompanied: false }, asOf)).toBe('does_not_meet');
  });

  it('find the category under which a refused file is now accepted', () => {
    const refused = { sex: 'female' as const, residenceSince: '2012-01-01', contractMonths: 6 };
    expect(acceptedUnder('MA-2014', refused, AS_OF)).toBeNull();
    expect(acceptedUnder('MA-2014-R', refused, AS_OF)).toMatchObject({ category: 'woman', criteriaVersion: 'MA-2014-R', verdict: 'meets' });
    expect(acceptedUnder('MA-1999', refused, AS_OF)).toBeNull();
  });

  it('list the categories the person meets first', () => {
    const all = assessAllCategories(v2016R, { sex: 'female', contractMonths: 30 }, new Date('2017-01-01T00:00:00Z'));
    expect(all.slice(0, 2).map((a) => a.category)).toEqual(['work_contract', 'woman']);
    expect(all).toHaveLength(10);
  });
});

describe('age from a partial date of birth', () => {
  it('gives the range the date allows', () => {
    const on = new Date('2020-06-15T00:00:00Z');
    expect(ageRange({ year: 2000, month: 6, day: 15 }, on)).toEqual({ min: 20, max: 20 });
    expect(ageRange({ year: 2000, month: 6, day: 16 }, on)).toEqual({ min: 19, max: 19 });
    expect(ageRange({ year: 2000 }, on)).toEqual({ min: 19, max: 20 });
    expect(ageRange({ year: 2000, month: 6 }, on)).toEqual({ min: 19, max: 20 });
  });
});
