import { Injectable } from '@nestjs/common';
import type { Actor } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { SealCampaignRows } from '@masar/cases';
import { Transactions } from '@masar/database';
import { IntakeErrors } from '../intake.errors';
import { IntakeBatches } from './intake-batches.query';

const csvText = (v: string | null) => (v === null ? '' : /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * The receipts of a completed batch, once: line, reference, access code and names of every file created (by the
 * import, or since by a caseworker's decision on a row set aside), as CSV
 * for the office to print and hand out. Access codes are stored only as keyed hashes on the files; the batch kept
 * them sealed for this one download, and erases them in the same transaction that reads them. Only the uploader
 * takes them; a second request gets 410 (a lost receipt is reissued file by file).
 */
@Injectable()
export class TakeReceipts {
  constructor(
    private readonly transactions: Transactions,
    private readonly batches: IntakeBatches,
    private readonly seal: SealCampaignRows,
    private readonly audit: AuditTrail,
  ) {}

  execute(actor: Actor, batchId: string): Promise<{ csv: string; count: number }> {
    return this.transactions.run(async (m) => {
      const batch = await this.batches.load(actor, batchId, m, true);
      if (batch.uploaded_by !== actor.userId) throw IntakeErrors.receiptsNotYours();
      if (batch.status !== 'completed') throw IntakeErrors.receiptsNotReady(batch.status);
      if (batch.receipts_taken_at) throw IntakeErrors.receiptsTaken(batch.receipts_taken_at.toISOString());
      const rows: { line: number; reference: string; access_code_enc: string; latin_name: string | null; arabic_name: string | null }[] = await m.query(
        `select r.line, r.reference, r.access_code_enc, s.latin_name, s.arabic_name
           from intake_results r join intake_rows s on s.batch_id = r.batch_id and s.line = r.line
          where r.batch_id = $1 and (r.outcome = 'imported' or r.decision in ('registered_new', 'attached')) order by r.line`,
        [batchId],
      );
      let csv = 'line,reference,access_code,latin_name,arabic_name\n';
      for (const r of rows) csv += `${r.line},${r.reference},${this.seal.revealAccessCode(r.access_code_enc)},${csvText(r.latin_name)},${csvText(r.arabic_name)}\n`;
      await m.query(`update intake_results set access_code_enc = null where batch_id = $1 and access_code_enc is not null`, [batchId]);
      await m.query(`update intake_batches set receipts_taken_at = now() where id = $1`, [batchId]);
      await this.audit.record(m, {
        action: 'intake.receipts_taken',
        actorId: actor.userId,
        actorRole: actor.role,
        subjectType: 'intake_batch',
        subjectId: batchId,
        details: { receipts: rows.length },
      });
      return { csv, count: rows.length };
    });
  }
}
