import { Injectable } from '@nestjs/common';
import type { Actor } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { Transactions } from '@masar/database';
import { CaseAccess } from '../access/case-access';
import { CasesErrors } from '../cases.errors';
import { ApplicantNotifier } from '../notify/applicant-notifier';

/**
 * Moves a file to another office (the person moved): the state does not change, the file leaves its assignee, and
 * the move is a step of the history (it bumps the version: anyone acting on the old office's view must reload).
 */
@Injectable()
export class TransferApplication {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: CaseAccess,
    private readonly notifier: ApplicantNotifier,
    private readonly audit: AuditTrail,
  ) {}

  execute(actor: Actor, applicationId: string, cmd: { officeId: string; reason: string; expectedVersion: number }): Promise<{ id: string; officeId: string; version: number }> {
    return this.transactions.run(async (m) => {
      const { application: a } = await this.access.load(m, actor, applicationId, { lock: true });
      if (a.version !== cmd.expectedVersion) throw CasesErrors.versionConflict(cmd.expectedVersion, a.version);
      if (a.final) throw CasesErrors.fileClosed(a.state);
      if (a.appealOfficeId) throw CasesErrors.officeInvalid('A file before the appeal body is not transferred between offices.');
      if (cmd.officeId === a.officeId) throw CasesErrors.officeInvalid('The file is already at this office.');
      const [office]: { kind: string; name: string }[] = await m.query(`select kind, name from offices where id = $1`, [cmd.officeId]);
      if (!office || office.kind === 'national_commission') throw CasesErrors.officeInvalid('Files are transferred to a prefecture or province office.');
      const version = a.version + 1;
      await m.query(`update applications set office_id = $2, assignee_id = null, assigned_at = null, version = $3, updated_at = now() where id = $1`, [
        a.id,
        cmd.officeId,
        version,
      ]);
      const [h]: { id: string }[] = await m.query(
        `insert into case_history (application_id, version, action, from_state, to_state, actor_id, actor_role, reason, data)
         values ($1, $2, 'transfer', $3, $3, $4, $5, $6, $7::jsonb) returning id`,
        [a.id, version, a.state, actor.userId, actor.role, cmd.reason, JSON.stringify({ fromOfficeId: a.officeId, toOfficeId: cmd.officeId })],
      );
      await this.notifier.tell(m, { applicationId: a.id, applicantId: a.applicantId, historyId: h!.id, type: 'file_transferred', occurrenceKey: h!.id, params: { reference: a.reference, place: office.name } });
      await this.audit.record(m, {
        action: 'case.transferred',
        actorId: actor.userId,
        actorRole: actor.role,
        subjectType: 'application',
        subjectId: a.id,
        applicationId: a.id,
        fields: ['office_id', 'assignee_id'],
        details: { fromOfficeId: a.officeId, toOfficeId: cmd.officeId, version },
      });
      return { id: a.id, officeId: cmd.officeId, version };
    });
  }
}
