import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuditTrail } from '@masar/audit';
import { DocumentStorage } from '@masar/documents';
import type { Language } from '../language';

export interface LetterToKeep {
  applicationId: string;
  kind: 'receipt' | 'decision';
  decisionId: string | null;
  language: Language;
  pdf: Buffer;
}

/** A letter is at most a few hundred kilobytes; anything bigger is a bug, not a letter. */
const MAX_LETTER_BYTES = 5 * 1024 * 1024;

/**
 * Keeps an issued letter: its bytes in the documents context's content-addressed storage (the same bytes always
 * land at the same address), and one row per letter. Rendering is deterministic, so a job that runs again after a
 * crash stores the same bytes and finds its row already there: nothing changes the second time.
 */
@Injectable()
export class LetterArchive {
  constructor(
    private readonly storage: DocumentStorage,
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  /** Returns the letter's id, and whether this call issued it (false when it already had been). */
  async keep(letter: LetterToKeep): Promise<{ id: string; issued: boolean }> {
    const stored = await this.storage.put(Readable.from([letter.pdf]), { maxBytes: MAX_LETTER_BYTES });
    return this.dataSource.transaction(async (manager) => {
      const inserted: { id: string }[] = await manager.query(
        `insert into issued_letters (application_id, kind, decision_id, language, sha256, size_bytes)
         values ($1, $2, $3, $4, $5, $6)
         on conflict do nothing returning id`,
        [letter.applicationId, letter.kind, letter.decisionId, letter.language, stored.sha256, stored.sizeBytes],
      );
      if (inserted.length === 0) {
        const [existing]: { id: string }[] =
          letter.kind === 'receipt'
            ? await manager.query(`select id from issued_letters where application_id = $1 and kind = 'receipt'`, [letter.applicationId])
            : await manager.query(`select id from issued_letters where decision_id = $1 and kind = 'decision'`, [letter.decisionId]);
        return { id: existing!.id, issued: false };
      }
      await this.audit.record(manager, {
        action: 'letter.issued',
        actorId: null,
        actorRole: 'system',
        subjectType: 'letter',
        subjectId: inserted[0]!.id,
        applicationId: letter.applicationId,
        details: { letter: letter.kind, language: letter.language, sha256: stored.sha256, ...(letter.decisionId ? { decisionId: letter.decisionId } : {}) },
      });
      return { id: inserted[0]!.id, issued: true };
    });
  }
}
