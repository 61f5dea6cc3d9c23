import { Injectable } from '@nestjs/common';
import type { Actor } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { Transactions } from '@masar/database';
import { CaseAccess } from '../access/case-access';
import { CasesErrors } from '../cases.errors';

/** A supervisor assigns a file to a member of staff of the office that holds it, reassigns it, or releases it. */
@Injectable()
export class AssignApplication {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: CaseAccess,
    private readonly audit: AuditTrail,
  ) {}

  execute(actor: Actor, applicationId: string, assigneeId: string | null): Promise<{ id: string; assigneeId: string | null }> {
    return this.transactions.run(async (m) => {
      const { application: a } = await this.access.load(m, actor, applicationId, { lock: true });
      if (a.final) throw CasesErrors.fileClosed(a.state);
      if (assigneeId) {
        const holder = a.appealOfficeId ?? a.officeId;
        const [user]: { id: string }[] = await m.query(
          `select id from users where id = $1 and active and office_id = $2 and role in ('caseworker', 'supervisor')`,
          [assigneeId, holder],
        );
        if (!user) throw CasesErrors.assigneeInvalid('The assignee must be active staff of the office that holds the file.');
      }
      await m.query(`update applications set assignee_id = $2, assigned_at = case when $2::uuid is null then null else now() end, updated_at = now() where id = $1`, [
        a.id,
        assigneeId,
      ]);
      await this.audit.record(m, {
        action: assigneeId ? 'case.assigned' : 'case.unassigned',
        actorId: actor.userId,
        actorRole: actor.role,
        subjectType: 'application',
        subjectId: a.id,
        applicationId: a.id,
        fields: ['assignee_id'],
        details: { assigneeId, previousAssigneeId: a.assigneeId },
      });
      return { id: a.id, assigneeId };
    });
  }
}
