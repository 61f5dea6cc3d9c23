import type { DataSource } from 'typeorm';
import type { ReferencedFile } from '@masar/audit';
import { parseReference } from '../domain/reference/case-reference';

/**
 * What the audit trail's search knows of files by their reference (`AuditScope.fileByReference` and
 * `referencesOf`): a supervisor searches by the reference printed on the receipt, read as the status page reads it
 * (case, spaces, dashes, O for 0), and reads each event's file by its reference. Neither is scoped: the audit scope's
 * condition hides another office's file's events, as it does for a search by id.
 */
export class AuditFileReferences {
  constructor(private readonly dataSource: DataSource) {}

  async fileByReference(input: string): Promise<ReferencedFile | null> {
    const reference = parseReference(input);
    if (!reference) return null;
    const [row] = await this.dataSource.query<{ id: string }[]>(`select id from applications where reference = $1`, [reference]);
    return { reference, fileId: row?.id ?? null };
  }

  async referencesOf(fileIds: string[]): Promise<Map<string, string>> {
    // The trail stores ids as text; anything that is not a uuid names no file.
    const ids = fileIds.filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.query<{ id: string; reference: string }[]>(
      `select id, reference from applications where id = any($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.reference]));
  }
}
