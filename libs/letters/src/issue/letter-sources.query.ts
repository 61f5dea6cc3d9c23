import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseFactsForLetters, type DecisionFacts, type ReceiptFacts } from '@masar/cases';

export interface ReceiptSource extends ReceiptFacts {
  /** Kinds of the documents on the file that were not rejected. */
  documentKinds: string[];
}

export type DecisionSource = DecisionFacts;

/**
 * What a letter needs, re-read when the job runs (a job carries ids only): the file's facts from the cases
 * context's port (`CaseFactsForLetters`), and the kinds of documents received.
 */
@Injectable()
export class LetterSources {
  constructor(
    private readonly cases: CaseFactsForLetters,
    private readonly dataSource: DataSource,
  ) {}

  async receipt(applicationId: string): Promise<ReceiptSource | null> {
    const facts = await this.cases.receipt(applicationId);
    if (!facts) return null;
    // The documents context exports no listing of a file's documents yet: this one statement reads its table.
    const [{ kinds }]: { kinds: string[] }[] = await this.dataSource.query(
      `select array(select distinct d.kind from documents d where d.application_id = $1 and d.status <> 'rejected' order by 1) as kinds`,
      [applicationId],
    );
    return { ...facts, documentKinds: kinds };
  }

  decision(applicationId: string, decisionId: string): Promise<DecisionSource | null> {
    return this.cases.decision(applicationId, decisionId);
  }
}
