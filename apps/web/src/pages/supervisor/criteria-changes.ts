import type { components } from '../../api/schema';

export type CriteriaVersion = components['schemas']['CriteriaVersionDto'];
type ParamName = keyof CriteriaVersion['params'];

export interface CriteriaChanges {
  first: boolean;
  added: string[];
  removed: string[];
  params: { name: ParamName; before: string | number; after: string | number }[];
}

/** What a version changes from the one before it: categories added or removed, parameters moved. */
export function criteriaChanges(previous: CriteriaVersion | null, next: CriteriaVersion): CriteriaChanges {
  if (!previous) return { first: true, added: [], removed: [], params: [] };
  const before = new Set(previous.categories);
  const after = new Set(next.categories);
  const params = (Object.keys(next.params) as ParamName[])
    .filter((name) => previous.params[name] !== next.params[name])
    .map((name) => ({ name, before: previous.params[name], after: next.params[name] }));
  return {
    first: false,
    added: next.categories.filter((c) => !before.has(c)),
    removed: previous.categories.filter((c) => !after.has(c)),
    params,
  };
}

/** Versions newest first, each beside the one it follows (by the day it applies from). */
export function withPredecessors(versions: readonly CriteriaVersion[]): { version: CriteriaVersion; changes: CriteriaChanges }[] {
  const byDate = [...versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.id.localeCompare(b.id));
  return byDate.map((version, i) => ({ version, changes: criteriaChanges(byDate[i - 1] ?? null, version) })).reverse();
}
