import type { CaseScope } from '@masar/access';

/**
 * The files a member of staff may act on, as a SQL condition on an `applications` alias (the same rule as the
 * cases context's: their office or region; the national commission, the files appealed to it).
 */
export function fileScopeCondition(scope: CaseScope, alias: string, params: unknown[]): string {
  switch (scope.kind) {
    case 'all':
      return 'true';
    case 'none':
      return 'false';
    case 'offices':
      params.push(scope.officeIds);
      return `${alias}.office_id = any($${params.length}::uuid[])`;
    case 'appeals':
      params.push(scope.officeId);
      return `${alias}.appeal_office_id = $${params.length}`;
  }
}
