import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import type { Actor } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { DocumentStorage } from '@masar/documents';
import { IssuedLetters } from './issued-letters.query';

/** Streams an issued letter to the staff of its office or to its applicant; every download is an audit event. */
@Injectable()
export class DownloadLetter {
  constructor(
    private readonly letters: IssuedLetters,
    private readonly storage: DocumentStorage,
    private readonly audit: AuditTrail,
  ) {}

  async execute(actor: Actor, letterId: string): Promise<{ content: Readable; sizeBytes: number; fileName: string }> {
    const letter = await this.letters.forDownload(actor, letterId);
    const content = await this.storage.open(letter.sha256);
    await this.audit.recordNow({
      action: 'letter.download',
      actorId: actor.userId,
      actorRole: actor.role,
      subjectType: 'letter',
      subjectId: letterId,
      applicationId: letter.applicationId,
      details: { letter: letter.kind },
    });
    return { content, sizeBytes: letter.sizeBytes, fileName: letter.fileName };
  }
}
