import { Injectable, Optional } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor, CaseScope } from '@masar/access';
import { CaseScopeResolver } from '@masar/identity';
import { CasesErrors } from '../cases.errors';
import type { ActingUser } from '../domain/workflow/case-snapshot';
import type { Application } from '../persistence/application.entity';
import { APPLICATION_COLUMNS, applicationFromRow } from '../persistence/application-row';

/**
 * Least privilege for case files, in one place. A file outside the actor's scope is answered exactly like a file
 * that does not exist (404), so that a caseworker of another office learns nothing, not even that it exists.
 */
@Injectable()
export class CaseAccess {
  constructor(@Optional() private readonly scopes?: CaseScopeResolver) {}

  async scopeFor(actor: Actor): Promise<CaseScope> {
    if (actor.role === 'system') return { kind: 'all' };
    if (!this.scopes) return { kind: 'none' };
    return this.scopes.scopeFor(actor);
  }

  /**
   * The SQL condition restricting `alias` (the applications table) to the scope, with its parameters appended to
   * `params`. Applicants see their own files through their linked account.
   */
  static condition(scope: CaseScope, actor: Actor, alias: string, params: unknown[]): string {
    if (actor.role === 'applicant') {
      params.push(actor.userId);
      return `${alias}.applicant_id in (select id from applicants where user_id = $${params.length})`;
    }
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

  /** Loads a file the actor may see (locked for update when asked), with the applicant's account; else 404. */
  async load(
    manager: EntityManager,
    actor: Actor,
    applicationId: string,
    opts: { lock?: boolean } = {},
  ): Promise<{ application: Application; applicantUserId: string | null; scope: CaseScope }> {
    const scope = await this.scopeFor(actor);
    if (!/^[0-9a-f-]{36}$/i.test(applicationId)) throw CasesErrors.notFound();
    const params: unknown[] = [applicationId];
    const cond = CaseAccess.condition(scope, actor, 'a', params);
    // One round trip: the file, its applicant's account, the scope check and (for a change) the row lock.
    const rows: Record<string, unknown>[] = await manager.query(
      `select ${APPLICATION_COLUMNS}, p.user_id as applicant_user_id from applications a join applicants p on p.id = a.applicant_id
        where a.id = $1 and (${cond}) ${opts.lock ? 'for update of a' : ''}`,
      params,
    );
    if (rows.length === 0) throw CasesErrors.notFound();
    return { application: applicationFromRow(rows[0]!), applicantUserId: (rows[0]!.applicant_user_id as string | null) ?? null, scope };
  }
}

export function actingUser(actor: Actor): ActingUser {
  return { userId: actor.userId, role: actor.role };
}
