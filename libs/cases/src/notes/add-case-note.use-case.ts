import { Injectable } from '@nestjs/common';
import type { Actor } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { Transactions } from '@masar/database';
import { CaseAccess } from '../access/case-access';

/** An internal note on a file (never shown to the applicant); the audit trail records that it was written. */
@Injectable()
export class AddCaseNote {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: CaseAccess,
    private readonly audit: AuditTrail,
  ) {}

  execute(actor: Actor, applicationId: string, body: string): Promise<{ id: string; createdAt: string }> {
    return this.transactions.run(async (m) => {
      const { application: a } = await this.access.load(m, actor, applicationId);
      const [row]: { id: string; created_at: Date }[] = await m.query(
        `insert into case_notes (application_id, author_id, body) values ($1, $2, $3) returning id, created_at`,
        [a.id, actor.userId, body.trim()],
      );
      await this.audit.record(m, {
        action: 'case.note_added',
        actorId: actor.userId,
        actorRole: actor.role,
        subjectType: 'application',
        subjectId: a.id,
        applicationId: a.id,
        fields: ['case_notes.body'],
        details: { noteId: row!.id },
      });
      return { id: row!.id, createdAt: row!.created_at.toISOString() };
    });
  }
}
