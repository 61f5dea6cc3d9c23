import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import type { Actor } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { CommonErrors } from '@masar/errors';
import { CaseScopeResolver } from '@masar/identity';
import { Transactions } from '@masar/database';
import { mayRead } from '../access/document-access';
import { CaseFiles } from '../cases-port/case-files.port';
import { EXTENSION_OF, type ContentType } from '../content/content-type';
import { DocumentErrors } from '../documents.errors';
import { DocumentStorage } from '../storage/document-storage';

export interface DocumentDownload {
  contentType: ContentType;
  sizeBytes: number;
  /** A name made from the kind and the id: the uploader's file name was never kept. */
  fileName: string;
  content: Readable;
}

/**
 * Hand a document to someone allowed to see its file, and record the access. The audit event commits before the
 * first byte leaves: a download that could not be recorded does not happen. Only checked documents are handed
 * out: a caseworker's machine must not open a file before the malware scan ran, nor one the scan caught.
 */
@Injectable()
export class DownloadDocument {
  constructor(
    private readonly files: CaseFiles,
    private readonly scopes: CaseScopeResolver,
    private readonly storage: DocumentStorage,
    private readonly tx: Transactions,
    private readonly audit: AuditTrail,
  ) {}

  async execute(actor: Actor, documentId: string): Promise<DocumentDownload> {
    const [doc] = (await this.tx.dataSource.query(
      `select d.id, d.application_id, d.kind, d.content_type, d.sha256, d.size_bytes, d.status,
              coalesce(r.findings @> '[{"check": "malware", "outcome": "rejected"}]', false) as infected,
              coalesce(r.findings @> '[{"check": "hash", "outcome": "rejected"}]', false) as corrupt
         from documents d left join document_check_results r on r.document_id = d.id where d.id = $1`,
      [documentId],
    )) as { id: string; application_id: string; kind: string; content_type: ContentType; sha256: string; size_bytes: string; status: string; infected: boolean; corrupt: boolean }[];
    if (!doc) throw CommonErrors.notFound('document');
    const file = await this.files.find(doc.application_id);
    if (!file || !mayRead(actor, await this.scopes.scopeFor(actor), file)) throw CommonErrors.notFound('document');
    if (doc.status === 'pending_check') throw DocumentErrors.notCheckedYet();
    if (doc.infected) throw DocumentErrors.quarantined();
    if (doc.corrupt) throw DocumentErrors.unreadable();

    const content = await this.storage.open(doc.sha256);
    try {
      await this.tx.run((manager) =>
        this.audit.record(manager, {
          action: 'document.download',
          actorId: actor.userId,
          actorRole: actor.role,
          subjectType: 'document',
          subjectId: doc.id,
          applicationId: doc.application_id,
        }),
      );
    } catch (err) {
      content.destroy();
      throw err;
    }
    return {
      contentType: doc.content_type,
      sizeBytes: Number(doc.size_bytes),
      fileName: `${doc.kind}-${doc.id}.${EXTENSION_OF[doc.content_type]}`,
      content,
    };
  }
}
