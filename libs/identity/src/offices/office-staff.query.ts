import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '@masar/access';
import { DomainError } from '@masar/errors';
import { CaseScopeResolver } from './case-scope.resolver';

export interface StaffMember {
  id: string;
  displayName: string;
  role: 'caseworker' | 'supervisor';
}

export const officeNotFound = () =>
  new DomainError('IDENTITY_OFFICE_NOT_FOUND', 404, 'Office not found', 'No such office among the offices whose files you supervise.');

/**
 * The active staff of an office, for a supervisor choosing whom to give a file to. Only offices whose files the
 * supervisor may see (their case scope) are answered; any other is answered as an unknown one. Names and roles only:
 * no e-mail, nothing a supervisor does not need to pick a colleague.
 */
@Injectable()
export class OfficeStaff {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scopes: CaseScopeResolver,
  ) {}

  async execute(actor: Actor, officeId: string): Promise<StaffMember[]> {
    const scope = await this.scopes.scopeFor(actor);
    const visible = scope.kind === 'all' || (scope.kind === 'offices' && scope.officeIds.includes(officeId)) || (scope.kind === 'appeals' && scope.officeId === officeId);
    if (!visible) throw officeNotFound();
    const rows: { id: string; display_name: string; role: StaffMember['role'] }[] = await this.dataSource.query(
      `select id, display_name, role from users where office_id = $1 and active and role in ('caseworker', 'supervisor') order by role, display_name`,
      [officeId],
    );
    return rows.map((r) => ({ id: r.id, displayName: r.display_name, role: r.role }));
  }
}
