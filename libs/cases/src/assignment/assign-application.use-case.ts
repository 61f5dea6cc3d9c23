import { Injectable } from '@nestjs/common';
import type { Actor } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { Transactions } from '@masar/database';
import { CaseAccess } from '../access/case-access';
import { CasesErrors } from '../cases.errors';

export interface AssignCommand {
  assigneeId: string | null;
  /** Why the file changes hands (kept in the file's history, not in the audit trail: it is free text). */
  reason?: string;
  /** The version the supervisor saw; a file changed since is refused with 409, as for a transition. */
  expectedVersion?: number;
}

/**
 * A supervisor assigns a file to a member of staff of the office that holds it, reassigns it, or releases it. A
 * change of hands is a step of the file's history (same state, new version), like a transfer: the timeline shows who
 * took the file from whom and why, and of two supervisors reassigning the same version only one wins.
 */
@Injectable()
export class AssignApplication {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: CaseAccess,
    private readonly audit: AuditTrail,
  ) {}

  execute(actor: Actor, applicationId: string, cmd: AssignCommand): Promise<{ id: string; assigneeId: string | null; version: number }> {
    const { assigneeId } = cmd;
    return this.transactions.run(async (m) => {
      const { application: a } = await this.access.load(m, actor, applicationId, { lock: true });
      if (cmd.expectedVersion !== undefined && a.version !== cmd.expectedVersion) throw CasesErrors.versionConflict(cmd.expectedVersion, a.version);
      if (a.final) throw CasesErrors.fileClosed(a.state);
      if (assigneeId) {
        const holder = a.appealOfficeId ?? a.officeId;
        const [user]: { id: string }[] = await m.query(
          `select id from users where id = $1 and active and office_id = $2 and role in ('caseworker', 'supervisor')`,
          [assigneeId, holder],
        );
        if (!user) throw CasesErrors.assigneeInvalid('The assignee must be active staff of the office that holds the file.');
      }
      if ((a.assigneeId ?? null) === assigneeId) return { id: a.id, assigneeId, version: a.version };
      const version = a.version + 1;
      await m.query(
        `update applications set assignee_id = $2, assigned_at = case when $2::uuid is null then null else now() end, version = $3, updated_at = now() where id = $1`,
        [a.id, assigneeId, version],
      );
      await m.query(
        `insert into case_history (application_id, version, action, from_state, to_state, actor_id, actor_role, reason, data)
         values ($1, $2, $3, $4, $4, $5, $6, $7, $8::jsonb)`,
        [a.id, version, assigneeId ? 'assign' : 'unassign', a.state, actor.userId, actor.role, cmd.reason?.trim() || null, JSON.stringify({ fromAssigneeId: a.assigneeId, toAssigneeId: assigneeId })],
      );
      await this.audit.record(m, {
        action: assigneeId ? 'case.assigned' : 'case.unassigned',
        actorId: actor.userId,
        actorRole: actor.role,
        subjectType: 'application',
        subjectId: a.id,
        applicationId: a.id,
        fields: ['assignee_id'],
        details: { assigneeId, previousAssigneeId: a.assigneeId, version },
      });
      return { id: a.id, assigneeId, version };
    });
  }
}
