import { Injectable } from '@nestjs/common';
import type { Actor } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { Transactions } from '@masar/database';
import { CasesErrors } from '../cases.errors';

/**
 * Two records found to be one person are merged by a supervisor: the merged record's files and identity documents
 * move to the surviving record, and the merged record points to it. What moved is written down, so that the merge
 * can be undone exactly (a wrong merge mixes two people's files, the worst error a registry can make).
 */
@Injectable()
export class MergeApplicants {
  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditTrail,
  ) {}

  merge(actor: Actor, survivorId: string, mergedId: string, reason: string): Promise<{ mergeId: string; movedApplications: number }> {
    return this.transactions.run(async (m) => {
      if (survivorId === mergedId) throw CasesErrors.mergeInvalid('A person cannot be merged into themselves.');
      const people: { id: string; merged_into_id: string | null; user_id: string | null }[] = await m.query(
        `select id, merged_into_id, user_id from applicants where id = any($1::uuid[]) order by id for update`,
        [[survivorId, mergedId]],
      );
      if (people.length !== 2) throw CasesErrors.applicantNotFound();
      if (people.some((p) => p.merged_into_id)) throw CasesErrors.mergeInvalid('One of the two records was already merged.');
      const apps: { id: string }[] = await m.query(`with u as (update applications set applicant_id = $1, updated_at = now() where applicant_id = $2 returning id) select id from u`, [survivorId, mergedId]);
      const docs: { id: string }[] = await m.query(`with u as (update applicant_identity_documents set applicant_id = $1 where applicant_id = $2 returning id) select id from u`, [survivorId, mergedId]);
      // The person's sign-in account follows their files, when the surviving record has none of its own.
      const survivor = people.find((p) => p.id === survivorId)!;
      const merged = people.find((p) => p.id === mergedId)!;
      const movedUserId = !survivor.user_id && merged.user_id ? merged.user_id : null;
      await m.query(`update applicants set merged_into_id = $1, user_id = case when $3::uuid is null then user_id end, updated_at = now() where id = $2`, [
        survivorId,
        mergedId,
        movedUserId,
      ]);
      if (movedUserId) await m.query(`update applicants set user_id = $2, updated_at = now() where id = $1`, [survivorId, movedUserId]);
      const [row]: { id: string }[] = await m.query(
        `insert into applicant_merges (survivor_id, merged_id, reason, moved_application_ids, moved_document_ids, moved_user_id, merged_by)
         values ($1, $2, $3, $4::uuid[], $5::uuid[], $6, $7) returning id`,
        [survivorId, mergedId, reason, apps.map((a) => a.id), docs.map((d) => d.id), movedUserId, actor.userId],
      );
      await this.audit.record(m, {
        action: 'case.applicants_merged',
        actorId: actor.userId,
        actorRole: actor.role,
        subjectType: 'applicant',
        subjectId: survivorId,
        fields: ['applicant_id', 'merged_into_id'],
        details: { mergeId: row!.id, mergedId, movedApplications: apps.length, movedDocuments: docs.length },
      });
      return { mergeId: row!.id, movedApplications: apps.length };
    });
  }

  undo(actor: Actor, mergeId: string, reason: string): Promise<{ restoredApplications: number }> {
    return this.transactions.run(async (m) => {
      const [merge]: { survivor_id: string; merged_id: string; moved_application_ids: string[]; moved_document_ids: string[]; moved_user_id: string | null; undone_at: Date | null }[] =
        await m.query(`select survivor_id, merged_id, moved_application_ids, moved_document_ids, moved_user_id, undone_at from applicant_merges where id = $1 for update`, [mergeId]);
      if (!merge) throw CasesErrors.notFound('merge');
      if (merge.undone_at) throw CasesErrors.mergeInvalid('This merge was already undone.');
      // Only what the merge moved goes back: files opened on the survivor since then stay with the survivor.
      const apps: { id: string }[] = await m.query(
        `with u as (update applications set applicant_id = $1, updated_at = now() where id = any($2::uuid[]) and applicant_id = $3 returning id) select id from u`,
        [merge.merged_id, merge.moved_application_ids, merge.survivor_id],
      );
      await m.query(`update applicant_identity_documents set applicant_id = $1 where id = any($2::uuid[]) and applicant_id = $3`, [
        merge.merged_id,
        merge.moved_document_ids,
        merge.survivor_id,
      ]);
      if (merge.moved_user_id) {
        await m.query(`update applicants set user_id = null, updated_at = now() where id = $1 and user_id = $2`, [merge.survivor_id, merge.moved_user_id]);
      }
      await m.query(`update applicants set merged_into_id = null, user_id = coalesce(user_id, $2), updated_at = now() where id = $1`, [
        merge.merged_id,
        merge.moved_user_id,
      ]);
      await m.query(`update applicant_merges set undone_by = $2, undone_at = now(), undo_reason = $3 where id = $1`, [mergeId, actor.userId, reason]);
      await this.audit.record(m, {
        action: 'case.applicants_merge_undone',
        actorId: actor.userId,
        actorRole: actor.role,
        subjectType: 'applicant',
        subjectId: merge.merged_id,
        fields: ['applicant_id', 'merged_into_id'],
        details: { mergeId, survivorId: merge.survivor_id, restoredApplications: apps.length },
      });
      return { restoredApplications: apps.length };
    });
  }
}
