import type { CaseScope } from '@masar/access';

/**
 * Which offices' figures a supervisor sees. A regional supervisor: the offices of their region (their case scope).
 * The national commission's supervisors: every office, because the commission answers for the whole country and
 * prepares the published statistics; report rows hold counts and durations, never a person, so this widens no
 * access to a file. Anyone else sees no figures.
 */
export type ReportScope = { kind: 'all' } | { kind: 'offices'; officeIds: string[] };

export function reportScopeOf(scope: CaseScope): ReportScope {
  switch (scope.kind) {
    case 'all':
    case 'appeals':
      return { kind: 'all' };
    case 'offices':
      return { kind: 'offices', officeIds: scope.officeIds };
    default:
      return { kind: 'offices', officeIds: [] };
  }
}

/** The offices whose figures the scope shows, as the cases statistics take them (null: every office). */
export function officeIdsOf(scope: ReportScope): string[] | null {
  return scope.kind === 'all' ? null : scope.officeIds;
}
