import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OfficeOpenFiles } from '@masar/identity';

/** Identity's `OfficeOpenFiles`: the files not final whose office or appeal office is the one asked about. */
@Injectable()
export class CaseOfficeOpenFiles extends OfficeOpenFiles {
  async count(manager: EntityManager, officeId: string): Promise<number> {
    const [row]: { n: number }[] = await manager.query(
      `select count(*)::int as n from applications where not final and (office_id = $1 or appeal_office_id = $1)`,
      [officeId],
    );
    return row.n;
  }
}
