import { Injectable } from '@nestjs/common';
import type { Actor } from '@masar/access';
import { chooseLanguage } from '../language-choice';
import { buildStatusAnswer, type StatusAnswer } from '../lookup/status-answer';
import { StatusFactsQuery } from '../lookup/status-facts.query';

/** A signed-in applicant's files (those of the person linked to their account), each with its status answer. */
@Injectable()
export class ListMyFiles {
  constructor(private readonly facts: StatusFactsQuery) {}

  async execute(actor: Actor, language?: string, acceptLanguage?: string): Promise<{ files: StatusAnswer[] }> {
    const files = await this.facts.byApplicantUser(actor.userId);
    return { files: files.map((f) => buildStatusAnswer(f, chooseLanguage(language, acceptLanguage, f.preferredLanguage))) };
  }
}
