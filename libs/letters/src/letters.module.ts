import { Module } from '@nestjs/common';
import { DocumentStorage, LocalDiskDocumentStorage } from '@masar/documents';
import { CounterReceiptController } from './counter/counter-receipt.controller';
import { PrintCounterReceipt } from './counter/print-counter-receipt.use-case';
import { DownloadLetter } from './download/download-letter.use-case';
import { IssuedLetters } from './download/issued-letters.query';
import { LettersController } from './download/letters.controller';
import { LetterSources } from './issue/letter-sources.query';

/**
 * The API side of letters: the counter copy of the receipt, and the issued letters of a file with their download.
 * Needs the platform modules, AuditModule and CasesModule (`CaseFactsForLetters`).
 */
@Module({
  controllers: [CounterReceiptController, LettersController],
  providers: [{ provide: DocumentStorage, useClass: LocalDiskDocumentStorage }, LetterSources, PrintCounterReceipt, IssuedLetters, DownloadLetter],
})
export class LettersModule {}
