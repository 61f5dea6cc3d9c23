import { Transactions } from '@masar/database';
import { CheckDocument, ClamdMalwareScanner, DocumentChecklistPort, DocumentStorage, type MalwareScanner } from '@masar/documents';
import { CLAMD, clamdAnswers } from './clamd';
import type { DocumentsTestApp } from './documents-test-app';

/** The worker's use case over the test app's database and storage, scanning with the real clamd when it answers. */
export function checkerFor(t: DocumentsTestApp, scanner: MalwareScanner | null = clamdAnswers() ? new ClamdMalwareScanner(CLAMD) : null): CheckDocument {
  return new CheckDocument(t.app.get(Transactions), t.app.get(DocumentStorage), t.files, t.app.get(DocumentChecklistPort), scanner);
}
