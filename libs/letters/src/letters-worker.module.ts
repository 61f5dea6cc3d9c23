import { Module } from '@nestjs/common';
import { DocumentStorage, LocalDiskDocumentStorage } from '@masar/documents';
import { IssueDecisionLetter } from './issue/issue-decision-letter.use-case';
import { IssueReceipt } from './issue/issue-receipt.use-case';
import { LetterArchive } from './issue/letter-archive';
import { LetterSources } from './issue/letter-sources.query';
import { LettersProcessor } from './issue/letters.processor';

/**
 * The worker side of letters: the 'letters' queue's processor. Needs the platform modules (config, database,
 * queue), AuditModule and CasesWorkerModule (`CaseFactsForLetters`). Letters are kept in the documents context's storage, under the same directory.
 */
@Module({
  providers: [{ provide: DocumentStorage, useClass: LocalDiskDocumentStorage }, LetterSources, LetterArchive, IssueReceipt, IssueDecisionLetter, LettersProcessor],
  exports: [IssueReceipt, IssueDecisionLetter],
})
export class LettersWorkerModule {}
