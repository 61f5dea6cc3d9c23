import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { MASAR_CONFIG, type MasarConfig } from '@masar/config';
import { CommonErrors } from '@masar/errors';
import { CaseScopeResolver } from '@masar/identity';
import { Outbox } from '@masar/outbox';
import { Transactions } from '@masar/database';
import type { EntityManager } from 'typeorm';
import { mayRead, mayUpload } from '../access/document-access';
import { CaseFiles, type FileForDocuments } from '../cases-port/case-files.port';
import { requiredDocuments } from '../checklist/checklist-rules';
import { DOCUMENT_KIND_SPECS, isDocumentKind, type DocumentKind } from '../checklist/document-kinds';
import { isCalendarDay } from '../checks/dates.check';
import { ContentTypeGate } from '../content/content-type-gate';
import type { ContentType } from '../content/content-type';
import { DocumentErrors } from '../documents.errors';
import { DocumentStorage } from '../storage/document-storage';

export interface UploadDocumentInput {
  actor: Actor;
  applicationId: string;
  kind: string;
  issuedOn?: string | null;
  expiresOn?: string | null;
  /** The bytes as they arrive; never collected in memory. */
  content: AsyncIterable<Buffer | Uint8Array>;
}

export interface UploadedDocument {
  id: string;
  kind: DocumentKind;
  contentType: ContentType;
  sizeBytes: number;
  status: 'pending_check';
}

/**
 * Upload one document to a file. Every limit that can be known before the bytes is checked first (who, which kind,
 * how many documents already); the type is decided from the first bytes and the size while they stream, so a
 * refused upload stores nothing. The document row, its check job (outbox) and its audit event commit together.
 */
@Injectable()
export class UploadDocument {
  constructor(
    private readonly files: CaseFiles,
    private readonly scopes: CaseScopeResolver,
    private readonly storage: DocumentStorage,
    private readonly tx: Transactions,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
    @Inject(MASAR_CONFIG) private readonly config: MasarConfig,
  ) {}

  async execute(input: UploadDocumentInput): Promise<UploadedDocument> {
    const { actor } = input;
    const file = await this.files.find(input.applicationId);
    const scope = await this.scopes.scopeFor(actor);
    // A file one may not see does not exist for them (404, not 403): no probing for references.
    if (!file || !mayRead(actor, scope, file)) throw CommonErrors.notFound('application');
    if (!mayUpload(actor, scope, file)) throw CommonErrors.forbidden('Only the caseworker of the office or the applicant may add documents.');

    const kind = this.checkKind(file, input.kind);
    const dates = this.checkDates(kind, input);
    const max = this.config.storage.maxDocumentsPerFile;
    if ((await this.countDocuments(this.tx.dataSource.manager, file.applicationId)) >= max) throw DocumentErrors.limitReached(max);

    const gate = new ContentTypeGate(DOCUMENT_KIND_SPECS[kind].accepts);
    const stored = await this.storage.put(gate.pass(input.content), { maxBytes: this.config.storage.maxDocumentBytes });

    return this.tx.run(async (manager) => {
      // Serialise uploads to one file so that two at once cannot both pass the count limit.
      await manager.query(`select pg_advisory_xact_lock(hashtextextended($1, 7201))`, [file.applicationId]);
      if ((await this.countDocuments(manager, file.applicationId)) >= max) throw DocumentErrors.limitReached(max);
      const [row] = (await manager.query(
        `insert into documents (application_id, person_id, kind, content_type, sha256, size_bytes, issued_on, expires_on, uploaded_by, uploaded_by_role)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
        [file.applicationId, file.personId, kind, gate.contentType, stored.sha256, stored.sizeBytes, dates.issuedOn, dates.expiresOn, actor.userId, actor.role],
      )) as { id: string }[];
      const id = row!.id;
      // The document id as the job id: a job for a document exists once.
      await this.outbox.add(manager, 'documents.check', { documentId: id }, { id });
      await this.audit.record(manager, {
        action: 'document.upload',
        actorId: actor.userId,
        actorRole: actor.role,
        subjectType: 'document',
        subjectId: id,
        applicationId: file.applicationId,
        details: { kind, contentType: gate.contentType, sizeBytes: stored.sizeBytes },
      });
      return { id, kind, contentType: gate.contentType, sizeBytes: stored.sizeBytes, status: 'pending_check' as const };
    });
  }

  private checkKind(file: FileForDocuments, kind: string): DocumentKind {
    const listed = requiredDocuments(file.kind, file.category).map((r) => r.kind);
    if (!isDocumentKind(kind) || !listed.includes(kind)) throw DocumentErrors.unknownKind(kind, listed);
    return kind;
  }

  private checkDates(kind: DocumentKind, input: UploadDocumentInput): { issuedOn: string | null; expiresOn: string | null } {
    const spec = DOCUMENT_KIND_SPECS[kind].dates;
    const read = (field: 'issuedOn' | 'expiresOn'): string | null => {
      const v = input[field];
      if (v === undefined || v === null || v === '') return null;
      if (!spec[field]) throw DocumentErrors.invalidField(field, `A ${kind.replace(/_/g, ' ')} has no ${field === 'issuedOn' ? 'issue' : 'expiry'} date.`);
      if (!isCalendarDay(v)) throw DocumentErrors.invalidField(field, `${field} must be a calendar day, YYYY-MM-DD.`);
      return v;
    };
    return { issuedOn: read('issuedOn'), expiresOn: read('expiresOn') };
  }

  private async countDocuments(manager: EntityManager, applicationId: string): Promise<number> {
    const [r] = (await manager.query(`select count(*)::int as n from documents where application_id = $1`, [applicationId])) as { n: number }[];
    return r!.n;
  }
}
