import { Injectable } from '@nestjs/common';
import type { Actor } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { Transactions } from '@masar/database';
import { CaseAccess } from '../access/case-access';
import { CasesErrors } from '../cases.errors';
import { APPEAL_BODY_STATES } from '../domain/workflow/workflows';

/**
 * A caseworker takes the next unassigned file of their office, the one due first. `FOR UPDATE SKIP LOCKED` lets
 * any number of caseworkers claim at once: each skips the rows another is claiming, so no two get the same file
 * and nobody waits.
 */
@Injectable()
export class ClaimNext {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: CaseAccess,
    private readonly audit: AuditTrail,
  ) {}

  execute(actor: Actor, filter: { kind?: string } = {}): Promise<{ id: string; reference: string; state: string; version: number }> {
    return this.transactions.run(async (m) => {
      const scope = await this.access.scopeFor(actor);
      const params: unknown[] = [actor.userId];
      let where: string;
      if (scope.kind === 'appeals') {
        params.push(scope.officeId, APPEAL_BODY_STATES);
        where = `appeal_office_id = $2 and state = any($3::text[])`;
      } else if (scope.kind === 'offices' && actor.officeId) {
        params.push(actor.officeId, APPEAL_BODY_STATES);
        where = `office_id = $2 and state <> all($3::text[])`;
      } else {
        throw CasesErrors.nothingToClaim();
      }
      if (filter.kind) {
        params.push(filter.kind);
        where += ` and kind = $${params.length}`;
      }
      // Wrapped in a select: TypeORM answers a bare UPDATE ... RETURNING with [rows, count].
      const rows: { id: string; reference: string; state: string; version: number }[] = await m.query(
        `with next as (
           select id from applications
            where ${where} and not final and assignee_id is null
            order by due_at, id
            limit 1
            for update skip locked)
         , claimed as (
           update applications a set assignee_id = $1, assigned_at = now(), updated_at = now()
             from next where a.id = next.id
           returning a.id, a.reference, a.state, a.version)
         select * from claimed`,
        params,
      );
      const claimed = rows[0];
      if (!claimed) throw CasesErrors.nothingToClaim();
      await this.audit.record(m, {
        action: 'case.claimed',
        actorId: actor.userId,
        actorRole: actor.role,
        subjectType: 'application',
        subjectId: claimed.id,
        applicationId: claimed.id,
        fields: ['assignee_id'],
      });
      return claimed;
    });
  }
}
