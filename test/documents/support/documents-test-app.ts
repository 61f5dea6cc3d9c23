import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, type QueueKind, type TestApp } from '@masar/testing';
import { DocumentsModule } from '@masar/documents';
import { InMemoryCaseFiles, InMemoryCaseFilesModule } from './in-memory-case-files';
import { multipartBody } from './multipart';

export interface DocumentsTestApp extends TestApp {
  files: InMemoryCaseFiles;
  storageDir: string;
  /** Every file kept in storage (relative paths). */
  storedFiles(): Promise<string[]>;
  upload(
    who: string,
    applicationId: string,
    bytes: Buffer,
    query: Record<string, string>,
    fileName?: string,
  ): Promise<{ statusCode: number; json: () => any; body: string; headers: Record<string, string | string[] | number | undefined> }>;
}

/** The real API with the documents module, storage in a directory of its own, and the cases port over a map. */
export async function createDocumentsTestApp(env: Record<string, string> = {}, queue: QueueKind = 'postgres'): Promise<DocumentsTestApp> {
  const storageDir = await mkdtemp(join(tmpdir(), 'masar-docs-e2e-'));
  const t = await createTestApp({ queue, extraModules: [InMemoryCaseFilesModule, DocumentsModule], env: { STORAGE_DIR: storageDir, ...env } });
  const files = t.app.get(InMemoryCaseFiles);
  return {
    ...t,
    files,
    storageDir,
    async storedFiles() {
      const entries = await readdir(storageDir, { recursive: true, withFileTypes: true });
      return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(storageDir.length + 1));
    },
    async upload(who, applicationId, bytes, query, fileName = 'scan.pdf') {
      const { payload, headers } = await multipartBody(bytes, fileName, fileName.endsWith('.pdf') ? 'application/pdf' : 'image/jpeg');
      const qs = new URLSearchParams(query).toString();
      return t.app.inject({
        method: 'POST',
        url: `/applications/${applicationId}/documents?${qs}`,
        headers: { ...headers, ...(await t.as(who)) },
        payload,
      });
    },
    async close() {
      await t.close();
      await rm(storageDir, { recursive: true, force: true });
    },
  };
}

export const CASEWORKER_RABAT = 'caseworker.rabat@masar.example';
export const CASEWORKER_CASABLANCA = 'caseworker.casablanca@masar.example';
export const SUPERVISOR_RABAT = 'supervisor.rabat@masar.example';
export const APPLICANT = 'applicant@masar.example';
export const ADMIN = 'admin@masar.example';
