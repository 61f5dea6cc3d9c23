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

/** A SQL condition on `column` for the scope, with its parameter appended to `params`. */
export function officeCondition(scope: ReportScope, column: string, params: unknown[]): string {
  if (scope.kind === 'all') return 'true';
  params.push(scope.officeIds);
  return `${column} = any($${params.length}::uuid[])`;
}
