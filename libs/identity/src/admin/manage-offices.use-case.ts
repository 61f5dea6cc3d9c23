import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { CommonErrors } from '@masar/errors';
import { Transactions } from '@masar/database';
import { ActorDirectory } from '../auth/actor-directory';
import { IdentityErrors } from '../identity.errors';
import { OfficeOpenFiles } from '../offices/office-open-files.port';
import type { CreateOfficeDto, OfficeDto, UpdateOfficeDto } from './admin.dto';

const COLUMNS = 'id, code, name, region_code, kind, active';
const toDto = (r: Record<string, unknown>): OfficeDto => ({
  id: r.id as string,
  code: r.code as string,
  name: r.name as string,
  regionCode: r.region_code as string,
  kind: r.kind as string,
  active: r.active as boolean,
});

/**
 * Create offices, rename them, move them to another region, deactivate and reactivate them. Audited with field
 * names and codes only. A change of region goes through the actor directory: the offices trigger notifies every
 * process, and the answer waits until each has forgotten the actors it knew (their region is the office's).
 */
@Injectable()
export class ManageOfficesUseCase {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditTrail,
    private readonly directory: ActorDirectory,
    private readonly modules: ModuleRef,
  ) {}

  async list(): Promise<OfficeDto[]> {
    const rows = await this.tx.dataSource.query(`select ${COLUMNS} from offices order by kind desc, code`);
    return rows.map(toDto);
  }

  create(admin: Actor, input: CreateOfficeDto): Promise<OfficeDto> {
    return this.tx.run(async (m) => {
      const [row] = await m.query(
        `insert into offices (code, name, region_code, kind) values ($1, $2, $3, $4) on conflict (code) do nothing returning ${COLUMNS}`,
        [input.code, input.name.trim(), input.regionCode, input.kind],
      );
      if (!row) throw IdentityErrors.officeCodeTaken();
      await this.record(m, admin, 'admin.office_created', row.id, ['code', 'name', 'regionCode', 'kind'], { code: input.code, kind: input.kind });
      return toDto(row);
    });
  }

  async update(admin: Actor, officeId: string, input: UpdateOfficeDto): Promise<OfficeDto> {
    const work = () =>
      this.tx.run(async (m) => {
        const current = await this.locked(m, officeId);
        const fields: string[] = [];
        if (input.name !== undefined && input.name.trim() !== current.name) fields.push('name');
        if (input.regionCode !== undefined && input.regionCode !== current.region_code) fields.push('regionCode');
        if (fields.length === 0) return toDto(current);
        const [[row]] = await m.query(`update offices set name = $2, region_code = $3 where id = $1 returning ${COLUMNS}`, [
          officeId,
          input.name?.trim() ?? current.name,
          input.regionCode ?? current.region_code,
        ]);
        await this.record(m, admin, 'admin.office_updated', officeId, fields, { code: current.code });
        return toDto(row);
      });
    // Only a change of region alters who may see what (a rename does not reach the trigger, nor any actor).
    return input.regionCode !== undefined ? this.directory.changeOffice(officeId, work) : work();
  }

  setActive(admin: Actor, officeId: string, active: boolean): Promise<OfficeDto> {
    return this.tx.run(async (m) => {
      // Locked first: a file registered at this office meanwhile waits for this transaction (its foreign key).
      const current = await this.locked(m, officeId);
      if (current.active === active) return toDto(current);
      if (!active) {
        const openFiles = await this.openFiles().count(m, officeId);
        if (openFiles > 0) throw IdentityErrors.officeHasOpenFiles(openFiles);
      }
      const [[row]] = await m.query(`update offices set active = $2 where id = $1 returning ${COLUMNS}`, [officeId, active]);
      await this.record(m, admin, active ? 'admin.office_reactivated' : 'admin.office_deactivated', officeId, ['active'], { code: current.code });
      return toDto(row);
    });
  }

  private async locked(m: EntityManager, officeId: string): Promise<Record<string, unknown> & { code: string; name: string; region_code: string; active: boolean }> {
    const [row] = await m.query(`select ${COLUMNS} from offices where id = $1 for update`, [officeId]);
    if (!row) throw IdentityErrors.officeNotFound();
    return row;
  }

  /** Bound by the cases context; without it nobody can tell whether files are open, so nothing is deactivated. */
  private openFiles(): OfficeOpenFiles {
    try {
      return this.modules.get(OfficeOpenFiles, { strict: false });
    } catch {
      throw CommonErrors.unavailable('The count of open files is not available in this process.');
    }
  }

  private record(m: EntityManager, admin: Actor, action: string, officeId: string, fields: string[], details: Record<string, string>): Promise<unknown> {
    return this.audit.record(m, { action, actorId: admin.userId, actorRole: admin.role, subjectType: 'office', subjectId: officeId, fields, details });
  }
}
