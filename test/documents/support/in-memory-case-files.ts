import { Global, Injectable, Module } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { CaseFiles, type FileForDocuments } from '@masar/documents';

export interface TestFile extends FileForDocuments {
  state: string;
}

/**
 * The `CaseFiles` port over a map, for testing the documents context on its own while the cases context is built in
 * parallel. It keeps the port's contract: only a file awaiting documents moves on, and only once.
 */
@Injectable()
export class InMemoryCaseFiles extends CaseFiles {
  files = new Map<string, TestFile>();
  moves: string[] = [];
  /** Set to make the cases side refuse to move files on (a guard failing), as a real workflow might. */
  refuseMoves = false;

  add(partial: Partial<TestFile> & Pick<TestFile, 'officeId'>): TestFile {
    const file: TestFile = {
      applicationId: randomUUID(),
      personId: randomUUID(),
      applicantUserId: null,
      kind: 'regularisation',
      category: 'residence_five_years',
      applicationDate: '2017-03-01',
      beforeAppealBody: false,
      state: 'awaiting_documents',
      ...partial,
    };
    this.files.set(file.applicationId, file);
    return file;
  }

  async find(applicationId: string): Promise<FileForDocuments | null> {
    const f = this.files.get(applicationId);
    return f ? { ...f } : null;
  }

  async documentsComplete(_manager: EntityManager, applicationId: string): Promise<{ moved: boolean; state?: string }> {
    if (this.refuseMoves) {
      // Fail with a database error, as a real transition can: it aborts the caller's transaction unless the caller
      // isolated the call (a savepoint), which is what the test checks.
      await _manager.query(`select 1 / 0`);
    }
    const f = this.files.get(applicationId);
    if (!f || f.state !== 'awaiting_documents') return { moved: false, state: f?.state };
    f.state = 'completeness_check';
    this.moves.push(applicationId);
    return { moved: true, state: f.state };
  }
}

@Global()
@Module({ providers: [InMemoryCaseFiles, { provide: CaseFiles, useExisting: InMemoryCaseFiles }], exports: [CaseFiles, InMemoryCaseFiles] })
export class InMemoryCaseFilesModule {}
