import { Injectable } from '@nestjs/common';
import type { Actor } from '@masar/access';
import { chooseLanguage } from '../language-choice';
import { buildStatusAnswer, type StatusAnswer } from '../lookup/status-answer';
import { StatusFactsQuery } from '../lookup/status-facts.query';

/**
 * One of a signed-in applicant's own files: the status answer, plus the file's id, which the applicant's pages
 * need for the checklist and uploads. The id is never in the public answer: there, nobody is signed in.
 */
export type MyFile = StatusAnswer & { applicationId: string };

/** A signed-in applicant's files (those of the person linked to their account), each with its status answer. */
@Injectable()
export class ListMyFiles {
  constructor(private readonly facts: StatusFactsQuery) {}

  async execute(actor: Actor, language?: string, acceptLanguage?: string): Promise<{ files: MyFile[] }> {
    const files = await this.facts.byApplicantUser(actor.userId);
    return {
      files: files.map((f) => ({ applicationId: f.applicationId, ...buildStatusAnswer(f, chooseLanguage(language, acceptLanguage, f.preferredLanguage)) })),
    };
  }
}
