import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { CaseAccess } from '../access/case-access';
import { CasesErrors } from '../cases.errors';
import { ApplicantRecords, type ApplicantRecord } from './applicant-records';

/**
 * A person's record, for staff who hold one of their files (or who registered them and have not opened a file
 * yet). Anyone else gets 404, as for a person who does not exist. The read is audited.
 */
@Injectable()
export class GetApplicant {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly records: ApplicantRecords,
    private readonly audit: AuditTrail,
  ) {}

  async execute(actor: Actor, applicantId: string): Promise<ApplicantRecord & { applicationIds: string[] }> {
    await assertMaySee(this.dataSource.manager, this.access, actor, applicantId);
    const record = await this.records.read(this.dataSource.manager, applicantId);
    if (!record) throw CasesErrors.applicantNotFound();
    const files: { id: string }[] = await this.dataSource.query(`select id from applications where applicant_id = $1 order by created_at`, [applicantId]);
    await this.audit.recordNow({ action: 'case.applicant_read', actorId: actor.userId, actorRole: actor.role, subjectType: 'applicant', subjectId: applicantId });
    return { ...record, applicationIds: files.map((f) => f.id) };
  }
}

/** The person has a file in the actor's scope, or the actor registered them and no file exists yet. */
export async function assertMaySee(manager: import('typeorm').EntityManager, access: CaseAccess, actor: Actor, applicantId: string): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(applicantId)) throw CasesErrors.applicantNotFound();
  const scope = await access.scopeFor(actor);
  const params: unknown[] = [applicantId];
  const cond = CaseAccess.condition(scope, actor, 'a', params);
  params.push(actor.userId);
  const [row]: { ok: boolean }[] = await manager.query(
    `select exists (select 1 from applications a where a.applicant_id = $1 and (${cond}))
         or exists (select 1 from applicants p where p.id = $1 and p.created_by = $${params.length}
                      and not exists (select 1 from applications a where a.applicant_id = p.id)) as ok`,
    params,
  );
  if (!row?.ok) throw CasesErrors.applicantNotFound();
}
