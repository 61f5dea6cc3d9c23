import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A document as the applicant's export describes it: what it is and what became of it, not its bytes. */
export interface ExportedDocument {
  id: string;
  kind: string;
  contentType: string;
  sizeBytes: number;
  status: string;
  rejectionReason: string | null;
  /** Dates read off the document ('YYYY-MM-DD'), null once erased under retention. */
  issuedOn: string | null;
  expiresOn: string | null;
  uploadedAt: string;
}

/**
 * The right of access: what this context holds about the given files, for the applicant's export of their data
 * (assembled by the supervision context, which has checked that the files are the applicant's own). The documents
 * are described, oldest first; their bytes are downloaded one by one through the documents' routes.
 */
@Injectable()
export class ExportDocumentData {
  async forApplications(manager: EntityManager, applicationIds: string[]): Promise<Map<string, ExportedDocument[]>> {
    const out = new Map<string, ExportedDocument[]>();
    if (applicationIds.length === 0) return out;
    const rows: Record<string, any>[] = await manager.query(
      `select application_id, id, kind, content_type, size_bytes, status, rejection_reason, issued_on::text, expires_on::text, uploaded_at
         from documents where application_id = any($1::uuid[]) order by uploaded_at`,
      [applicationIds],
    );
    for (const d of rows) {
      const list = out.get(d.application_id) ?? [];
      list.push({
        id: d.id,
        kind: d.kind,
        contentType: d.content_type,
        sizeBytes: Number(d.size_bytes),
        status: d.status,
        rejectionReason: d.rejection_reason,
        issuedOn: d.issued_on,
        expiresOn: d.expires_on,
        uploadedAt: new Date(d.uploaded_at).toISOString(),
      });
      out.set(d.application_id, list);
    }
    return out;
  }
}
