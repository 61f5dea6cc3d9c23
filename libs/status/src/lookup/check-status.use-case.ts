import { Inject, Injectable } from '@nestjs/common';
import { accessCodeMatches, hashAccessCode, parseReference } from '@masar/cases';
import { MASAR_CONFIG, type MasarConfig } from '@masar/config';
import { chooseLanguage } from '../language-choice';
import { StatusErrors } from '../status.errors';
import { buildStatusAnswer, type StatusAnswer } from './status-answer';
import { StatusAttempts } from './status-attempts';
import { StatusFactsQuery, type StatusFacts } from './status-facts.query';

export interface StatusQuestion {
  reference: string;
  accessCode: string;
  /** The language the page asked for, if any. */
  language?: string;
  acceptLanguage?: string;
  ip: string;
}

/**
 * An applicant asks where their file stands, with the reference and the access code from the receipt. An unknown
 * reference and a wrong code are answered alike, after the same work (the query runs and an HMAC is computed
 * either way), so neither the answer nor its timing tells whether a file exists.
 */
@Injectable()
export class CheckStatus {
  /** Compared against when the reference is unknown, so that an unknown reference costs the same HMAC. */
  private readonly noFileHash: string;

  constructor(
    private readonly facts: StatusFactsQuery,
    private readonly attempts: StatusAttempts,
    @Inject(MASAR_CONFIG) private readonly config: MasarConfig,
  ) {
    this.noFileHash = hashAccessCode('no-file-has-this-code', config.crypto.accessCodeKey);
  }

  async execute(q: StatusQuestion): Promise<StatusAnswer> {
    const facts = await this.verified(q);
    return buildStatusAnswer(facts, chooseLanguage(q.language, q.acceptLanguage, facts.preferredLanguage));
  }

  /** The file, once the reference and access code match it; otherwise the failure is counted and thrown. */
  async verified(q: StatusQuestion): Promise<StatusFacts> {
    const failureLanguage = chooseLanguage(q.language, q.acceptLanguage);
    const reference = parseReference(q.reference);
    if (!reference) {
      const blocked = await this.facts.addressBlockedFor(q.ip);
      if (blocked > 0) throw StatusErrors.tooManyAttempts(failureLanguage, blocked);
      const wait = await this.attempts.recordFailure(null, q.ip, null);
      if (wait > 0) throw StatusErrors.tooManyAttempts(failureLanguage, wait);
      throw StatusErrors.referenceMistyped(failureLanguage);
    }

    // One statement answers both questions: is there such a file, and is the reference or the address blocked.
    const { facts, blockedForSeconds } = await this.facts.byReference(reference, q.ip);
    // A locked reference is refused even with the right code: otherwise a guess that happens to be right would still
    // stand out from the wrong ones during the lock.
    if (blockedForSeconds > 0) throw StatusErrors.tooManyAttempts(failureLanguage, blockedForSeconds);

    const matches = accessCodeMatches(q.accessCode, facts?.accessCodeHash ?? this.noFileHash, this.config.crypto.accessCodeKey);
    if (!facts || !matches) {
      const wait = await this.attempts.recordFailure(reference, q.ip, facts?.applicationId ?? null);
      if (wait > 0) throw StatusErrors.tooManyAttempts(failureLanguage, wait);
      throw StatusErrors.noMatch(failureLanguage);
    }
    return facts;
  }
}
