import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '@masar/access';
import { CaseFactsForLetters } from '@masar/cases';
import { CommonErrors } from '@masar/errors';

export interface IssuedLetter {
  id: string;
  kind: 'receipt' | 'decision';
  decisionId: string | null;
  language: string;
  issuedAt: string;
}

interface LetterRow {
  id: string;
  kind: 'receipt' | 'decision';
  decision_id: string | null;
  language: string;
  issued_at: Date;
  sha256: string;
  size_bytes: number;
  application_id: string;
}

/**
 * A file's letters, for whoever may read the file: the cases context decides who (`CaseFactsForLetters.readableFile`:
 * the office's staff, a region's supervisors, the national commission for what was appealed to it, the applicant
 * through their account). Anyone else gets 404, as if the file did not exist.
 */
@Injectable()
export class IssuedLetters {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseFactsForLetters,
  ) {}

  async list(actor: Actor, applicationId: string): Promise<IssuedLetter[]> {
    if (!(await this.cases.readableFile(actor, applicationId))) throw CommonErrors.notFound('application');
    const rows: LetterRow[] = await this.dataSource.query(
      `select id, kind, decision_id, language, issued_at from issued_letters where application_id = $1 order by issued_at, id`,
      [applicationId],
    );
    return rows.map((r) => ({ id: r.id, kind: r.kind, decisionId: r.decision_id, language: r.language, issuedAt: r.issued_at.toISOString() }));
  }

  /** The letter's storage address and name, once the actor may read it. */
  async forDownload(actor: Actor, letterId: string): Promise<{ applicationId: string; sha256: string; sizeBytes: number; fileName: string; kind: string }> {
    const [row]: LetterRow[] = await this.dataSource.query(`select id, kind, sha256, size_bytes, application_id from issued_letters where id = $1`, [letterId]);
    const file = row && (await this.cases.readableFile(actor, row.application_id));
    if (!row || !file) throw CommonErrors.notFound('letter');
    return { applicationId: row.application_id, sha256: row.sha256.trim(), sizeBytes: row.size_bytes, fileName: `${row.kind}-${file.reference}.pdf`, kind: row.kind };
  }
}
