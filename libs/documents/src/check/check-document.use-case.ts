import { Inject, Injectable, Logger } from '@nestjs/common';
import { Transactions } from '@masar/database';
import type { EntityManager } from 'typeorm';
import { CaseFiles, type FileForDocuments } from '../cases-port/case-files.port';
import { DocumentChecklistPort } from '../checklist/document-checklist.port';
import { ruleFor } from '../checklist/checklist-rules';
import { DOCUMENT_KIND_SPECS, type DocumentKind } from '../checklist/document-kinds';
import { checkDates } from '../checks/dates.check';
import { flagged, passed, rejected, verdictOf, type Finding } from '../checks/finding';
import { checkHash } from '../checks/hash.check';
import { checkImage } from '../checks/image.check';
import { checkMalware } from '../checks/malware.check';
import { checkPdf } from '../checks/pdf.check';
import type { ContentType } from '../content/content-type';
import { MalwareScanner } from '../malware/malware-scanner';
import { DocumentStorage } from '../storage/document-storage';

interface DocumentRow {
  id: string;
  application_id: string;
  person_id: string;
  kind: DocumentKind;
  content_type: ContentType;
  sha256: string;
  issued_on: string | null;
  expires_on: string | null;
  status: string;
}

export type CheckOutcome =
  | { result: 'document_gone' }
  | { result: 'already_checked'; status: string }
  | { result: 'recorded'; verdict: 'verified' | 'in_review' | 'rejected'; findings: Finding[]; fileMovedOn: boolean };

/**
 * The 'documents.check' job: run every check on one document and record the result once. The slow part (reading
 * the bytes, the malware scan) runs outside any transaction; the result, the fraud flags and, when the checklist
 * becomes complete, the file moving on commit together under a lock on the document. A second run (a retried or
 * duplicated job, a worker killed after commit) finds the document no longer pending and changes nothing.
 */
@Injectable()
export class CheckDocument {
  private readonly logger = new Logger(CheckDocument.name);

  constructor(
    private readonly tx: Transactions,
    private readonly storage: DocumentStorage,
    private readonly files: CaseFiles,
    private readonly checklists: DocumentChecklistPort,
    /** Null when no scanner is configured (the malware check is then recorded as skipped). */
    @Inject(MalwareScanner) private readonly scanner: MalwareScanner | null,
  ) {}

  async execute(documentId: string, today = new Date().toISOString().slice(0, 10)): Promise<CheckOutcome> {
    const doc = await this.load(this.tx.dataSource.manager, documentId);
    if (!doc) {
      this.logger.warn({ documentId }, 'document to check is gone; skipping');
      return { result: 'document_gone' };
    }
    if (doc.status !== 'pending_check') return { result: 'already_checked', status: doc.status };
    const file = await this.files.find(doc.application_id);
    if (!file) {
      this.logger.warn({ documentId, applicationId: doc.application_id }, 'file of the document is gone; skipping');
      return { result: 'document_gone' };
    }

    const findings = await this.runChecks(doc, file, today);
    return this.tx.run(async (manager) => {
      // One file's documents are recorded one at a time, so that the last one to complete the checklist sees
      // the others' results (two checks finishing at once would otherwise each see the other still pending).
      await manager.query(`select pg_advisory_xact_lock(hashtextextended($1, 7202))`, [doc.application_id]);
      const current = await this.load(manager, documentId, true);
      if (!current || current.status !== 'pending_check') return { result: 'already_checked' as const, status: current?.status ?? 'gone' };

      const duplicate = await this.duplicateFinding(manager, doc);
      const all = [...findings, duplicate.finding];
      const verdict = verdictOf(all);
      const firstRejection = all.find((f) => f.outcome === 'rejected') as { reason: string; detail: string } | undefined;
      await manager.query(`insert into document_check_results (document_id, verdict, findings) values ($1, $2, $3::jsonb)`, [
        documentId,
        verdict,
        JSON.stringify(all),
      ]);
      await manager.query(
        `update documents set status = $2, rejection_reason = $3, rejection_detail = $4, checked_at = now() where id = $1`,
        [documentId, verdict, firstRejection?.reason ?? null, firstRejection?.detail ?? null],
      );
      if (duplicate.otherDocumentId) {
        await manager.query(
          `insert into document_fraud_flags (document_id, application_id, reason, other_document_id)
           values ($1, $2, 'same_file_other_person', $3) on conflict do nothing`,
          [documentId, doc.application_id, duplicate.otherDocumentId],
        );
      }
      let fileMovedOn = false;
      if (verdict === 'verified') {
        const checklist = await this.checklists.checklistOf({ applicationId: file.applicationId, kind: file.kind, category: file.category }, manager);
        if (checklist.complete) fileMovedOn = await this.moveOn(manager, file.applicationId, documentId);
      }
      return { result: 'recorded' as const, verdict, findings: all, fileMovedOn };
    });
  }

  /**
   * Asks the cases context to move the file on, behind a savepoint: if it refuses (a guard, a workflow that changed),
   * the check result still commits and the file waits for a caseworker, instead of the whole job failing forever.
   */
  private async moveOn(manager: EntityManager, applicationId: string, documentId: string): Promise<boolean> {
    await manager.query('savepoint documents_move_on');
    try {
      const { moved } = await this.files.documentsComplete(manager, applicationId);
      await manager.query('release savepoint documents_move_on');
      return moved;
    } catch (err) {
      await manager.query('rollback to savepoint documents_move_on');
      this.logger.warn({ applicationId, documentId, err: (err as Error).message }, 'checklist complete but the file could not move on; a caseworker will');
      return false;
    }
  }

  private async runChecks(doc: DocumentRow, file: FileForDocuments, today: string): Promise<Finding[]> {
    if (!(await this.storage.exists(doc.sha256))) {
      return [rejected('hash', 'content_missing', 'The stored bytes of the document are missing.')];
    }
    const hash = await checkHash(await this.storage.open(doc.sha256), doc.sha256);
    if (hash.outcome !== 'passed') return [hash];
    // Size was capped at upload, so holding one document in memory for the parsers is bounded.
    const bytes = await readAll(await this.storage.open(doc.sha256));
    const content =
      doc.content_type === 'application/pdf' ? await checkPdf(bytes) : await checkImage(bytes, DOCUMENT_KIND_SPECS[doc.kind].minImage);
    const malware = await checkMalware(this.scanner, () => this.storage.open(doc.sha256));
    const dates = checkDates(
      ruleFor(file.kind, file.category, doc.kind, file.criteriaDates)?.dateRule,
      { issuedOn: doc.issued_on, expiresOn: doc.expires_on },
      { today, applicationDate: file.applicationDate },
    );
    return [hash, content, malware, dates];
  }

  /**
   * The same bytes already submitted for another person: flagged for fraud review, never silently accepted. Only an
   * earlier upload counts ("already"): the later copy carries the flag, pointing at the first, so the reviewer sees
   * both without the first applicant's file being held up by someone else's upload.
   */
  private async duplicateFinding(manager: EntityManager, doc: DocumentRow): Promise<{ finding: Finding; otherDocumentId: string | null }> {
    const [other] = (await manager.query(
      `select o.id from documents o, documents d
        where d.id = $3 and o.sha256 = $1 and o.person_id <> $2 and o.id <> d.id
          and (o.uploaded_at, o.id) < (d.uploaded_at, d.id)
        order by o.uploaded_at, o.id limit 1`,
      [doc.sha256, doc.person_id, doc.id],
    )) as { id: string }[];
    if (!other) return { finding: passed('duplicate'), otherDocumentId: null };
    return {
      finding: flagged('duplicate', 'same_file_other_person', 'The same file was already submitted for another person.'),
      otherDocumentId: other.id,
    };
  }

  private async load(manager: EntityManager, id: string, lock = false): Promise<DocumentRow | undefined> {
    const rows = (await manager.query(
      `select id, application_id, person_id, kind, content_type, sha256, issued_on::text, expires_on::text, status
         from documents where id = $1 ${lock ? 'for update' : ''}`,
      [id],
    )) as DocumentRow[];
    return rows[0];
  }
}

async function readAll(source: AsyncIterable<Buffer | Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of source) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}
