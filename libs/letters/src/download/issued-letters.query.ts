import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '@masar/access';
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
  reference: string;
  application_id: string;
}

/**
 * Who may read a file's letters: the staff of the file's office, and the applicant whose account the file's person
 * is linked to. Anyone else gets 404, as if the file did not exist. (A regional supervisor's wider scope is the
 * cases context's to decide; until it exports its access check, letters follow the office.)
 */
function mayRead(actor: Actor, file: { office_id: string; user_id: string | null }): boolean {
  if (actor.role === 'caseworker' || actor.role === 'supervisor') return actor.officeId === file.office_id;
  if (actor.role === 'applicant') return file.user_id !== null && file.user_id === actor.userId;
  return false;
}

@Injectable()
export class IssuedLetters {
  constructor(private readonly dataSource: DataSource) {}

  async list(actor: Actor, applicationId: string): Promise<IssuedLetter[]> {
    const [file]: { office_id: string; user_id: string | null }[] = await this.dataSource.query(
      `select a.office_id, p.user_id from applications a join applicants p on p.id = a.applicant_id where a.id = $1`,
      [applicationId],
    );
    if (!file || !mayRead(actor, file)) throw CommonErrors.notFound('application');
    const rows: LetterRow[] = await this.dataSource.query(
      `select id, kind, decision_id, language, issued_at from issued_letters where application_id = $1 order by issued_at, id`,
      [applicationId],
    );
    return rows.map((r) => ({ id: r.id, kind: r.kind, decisionId: r.decision_id, language: r.language, issuedAt: r.issued_at.toISOString() }));
  }

  /** The letter's storage address and name, once the actor may read it. */
  async forDownload(actor: Actor, letterId: string): Promise<{ applicationId: string; sha256: string; sizeBytes: number; fileName: string; kind: string }> {
    const [row]: (LetterRow & { office_id: string; user_id: string | null })[] = await this.dataSource.query(
      `select l.id, l.kind, l.sha256, l.size_bytes, l.application_id, a.reference, a.office_id, p.user_id
         from issued_letters l join applications a on a.id = l.application_id join applicants p on p.id = a.applicant_id
        where l.id = $1`,
      [letterId],
    );
    if (!row || !mayRead(actor, row)) throw CommonErrors.notFound('letter');
    return { applicationId: row.application_id, sha256: row.sha256.trim(), sizeBytes: row.size_bytes, fileName: `${row.kind}-${row.reference}.pdf`, kind: row.kind };
  }
}
