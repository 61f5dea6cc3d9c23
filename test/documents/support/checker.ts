import { Transactions } from '@masar/database';
import { CheckDocument, ClamdMalwareScanner, DocumentChecklistPort, DocumentStorage, type MalwareScanner } from '@masar/documents';
import type { DocumentsTestApp } from './documents-test-app';

export const CLAMD = { host: process.env.CLAMD_HOST ?? '127.0.0.1', port: Number(process.env.CLAMD_PORT ?? 3310), timeoutMs: 10000 };

/** The worker's use case over the test app's database and storage, with the real clamd (or none). */
export function checkerFor(t: DocumentsTestApp, scanner: MalwareScanner | null = new ClamdMalwareScanner(CLAMD)): CheckDocument {
  return new CheckDocument(t.app.get(Transactions), t.app.get(DocumentStorage), t.files, t.app.get(DocumentChecklistPort), scanner);
}

export async function requireClamd(): Promise<void> {
  if (!(await new ClamdMalwareScanner(CLAMD).ping())) {
    throw new Error(`clamd does not answer on ${CLAMD.host}:${CLAMD.port}; run scripts/ci/clamd.sh first`);
  }
}
