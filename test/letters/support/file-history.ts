import { randomBytes, randomUUID } from 'node:crypto';
import type { TestApp } from '@masar/testing';

/** A document row as the documents context writes one after an upload (the bytes themselves do not matter here). */
export async function aDocument(t: TestApp, applicationId: string, applicantId: string, kind: string, status = 'verified'): Promise<void> {
  await t.dataSource.query(
    `insert into documents (application_id, person_id, kind, content_type, sha256, size_bytes, status, rejection_reason, uploaded_by, uploaded_by_role)
     values ($1, $2, $3, 'application/pdf', $4, 1000, $5, $6, $7, 'caseworker')`,
    [applicationId, applicantId, kind, randomBytes(32).toString('hex'), status, status === 'rejected' ? 'pdf_encrypted' : null, randomUUID()],
  );
}

/**
 * A decision as a transition leaves it: the history row (the job's decision id) and, for a first-instance
 * refusal, the appeal window clock started at the same moment.
 */
export async function aDecision(
  t: TestApp,
  applicationId: string,
  d: { action: string; toState: string; reason: string | null; at: string; appealDeadline?: string },
): Promise<string> {
  const [{ version }]: { version: number }[] = await t.dataSource.query(`select coalesce(max(version), 1) + 1 as version from case_history where application_id = $1`, [
    applicationId,
  ]);
  const [history]: { id: string }[] = await t.dataSource.query(
    `insert into case_history (application_id, version, action, from_state, to_state, actor_id, actor_role, reason, at)
     values ($1, $2, $3, 'unfavourable_proposed', $4, $5, 'supervisor', $6, $7) returning id`,
    [applicationId, version, d.action, d.toState, randomUUID(), d.reason, d.at],
  );
  if (d.appealDeadline) {
    await t.dataSource.query(
      `insert into case_deadlines (application_id, clock, started_at, due_at, milestones) values ($1, 'appeal_window', $2, $3, '[]'::jsonb)`,
      [applicationId, d.at, `${d.appealDeadline}T10:00:00Z`],
    );
  }
  await t.dataSource.query(`update applications set state = $2 where id = $1`, [applicationId, d.toState]);
  return history!.id;
}
