import { Module } from '@nestjs/common';
import { CounterReceiptController } from './counter/counter-receipt.controller';
import { PrintCounterReceipt } from './counter/print-counter-receipt.use-case';
import { LetterSources } from './issue/letter-sources.query';

/** The API side of letters: the counter copy of the receipt. Needs the platform modules and AuditModule. */
@Module({
  controllers: [CounterReceiptController],
  providers: [LetterSources, PrintCounterReceipt],
})
export class LettersModule {}
