import { Injectable } from '@nestjs/common';
import type { Actor } from '@masar/access';
import { DataSource } from 'typeorm';
import { AuditScope, type ReferencedFile } from '@masar/audit';
import { CaseAccess } from '../access/case-access';
import { AuditFileReferences } from './audit-file-references';

/**
 * The audit trail as a supervisor may read it, by the same case scope as the files: the events of the files they
 * may see (their office or region; the national commission, the files appealed to it), and the events about no
 * file done by the staff of those offices (sign-ins, searches, downloads; the commission: its own staff). An admin
 * reads the whole trail; anyone else nothing.
 */
@Injectable()
export class CaseAuditScope extends AuditScope {
  private readonly references: AuditFileReferences;

  constructor(
    private readonly access: CaseAccess,
    dataSource: DataSource,
  ) {
    super();
    this.references = new AuditFileReferences(dataSource);
  }

  fileByReference(input: string): Promise<ReferencedFile | null> {
    return this.references.fileByReference(input);
  }

  referencesOf(fileIds: string[]): Promise<Map<string, string>> {
    return this.references.referencesOf(fileIds);
  }

  async condition(actor: Actor, params: unknown[]): Promise<string> {
    if (actor.role === 'admin' || actor.role === 'system') return 'true';
    if (actor.role !== 'supervisor') return 'false';
    const scope = await this.access.scopeFor(actor);
    if (scope.kind === 'all') return 'true';
    if (scope.kind === 'none') return 'false';
    const files = CaseAccess.condition(scope, actor, 'a', params);
    params.push(scope.kind === 'offices' ? scope.officeIds : [scope.officeId]);
    const offices = `$${params.length}::uuid[]`;
    return `(case when e.application_id is not null
                  then e.application_id in (select a.id::text from applications a where ${files})
                  else e.actor_id in (select u.id::text from users u where u.office_id = any(${offices})) end)`;
  }
}
