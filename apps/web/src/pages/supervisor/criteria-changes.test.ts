import { describe, expect, it } from 'vitest';
import { criteriaChanges, withPredecessors, type CriteriaVersion } from './criteria-changes';

const params = { spouseOfMoroccanMinYears: 2, spouseOfForeignerMinYears: 4, contractMinYears: 2, residenceMinYears: 5, illnessPresentBefore: '2013-12-31', adultAge: 18 };
const v2014: CriteriaVersion = { id: 'MA-2014', title: '2014', effectiveFrom: '2014-01-02', categories: ['spouse_of_moroccan', 'work_contract'], params, publishedAt: null, reviewItems: 0 };
const v2014r: CriteriaVersion = { ...v2014, id: 'MA-2014-R', effectiveFrom: '2014-12-31', categories: ['spouse_of_moroccan', 'work_contract', 'woman', 'child'], publishedAt: '2026-11-29T08:00:00.000Z', reviewItems: 3 };
const v2016: CriteriaVersion = { ...v2014, id: 'MA-2016', effectiveFrom: '2016-12-15', categories: ['work_contract'], params: { ...params, spouseOfMoroccanMinYears: 0, illnessPresentBefore: '2016-12-15' } };

describe('criteria changes', () => {
  it('says a first version is the first', () => {
    expect(criteriaChanges(null, v2014)).toEqual({ first: true, added: [], removed: [], params: [] });
  });

  it('lists the categories added and removed and the parameters that moved', () => {
    expect(criteriaChanges(v2014, v2014r)).toEqual({ first: false, added: ['woman', 'child'], removed: [], params: [] });
    expect(criteriaChanges(v2014r, v2016)).toEqual({
      first: false,
      added: [],
      removed: ['spouse_of_moroccan', 'woman', 'child'],
      params: [
        { name: 'spouseOfMoroccanMinYears', before: 2, after: 0 },
        { name: 'illnessPresentBefore', before: '2013-12-31', after: '2016-12-15' },
      ],
    });
  });

  it('compares each version with the one applying before it, newest first, whatever order the list came in', () => {
    const rows = withPredecessors([v2016, v2014, v2014r]);
    expect(rows.map((r) => r.version.id)).toEqual(['MA-2016', 'MA-2014-R', 'MA-2014']);
    expect(rows[1]!.changes.added).toEqual(['woman', 'child']);
    expect(rows[2]!.changes.first).toBe(true);
  });
});
