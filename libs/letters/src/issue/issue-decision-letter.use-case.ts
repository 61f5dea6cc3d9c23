import { Injectable, Logger } from '@nestjs/common';
import { workflowFor, type Effect } from '@masar/cases';
import { renderDecisionLetter } from '../decision-letter/render-decision-letter';
import type { Decision } from '../decision-letter/decision-letter.view-model';
import { isLanguage, type Language } from '../language';
import { LetterArchive } from './letter-archive';
import { LetterSources, type DecisionSource } from './letter-sources.query';
import type { IssueOutcome } from './issue-receipt.use-case';

/**
 * The 'letters.decision' job: the letter notifying a decision (the history row the transition wrote), with its
 * reasons and, for a first-instance refusal, the appeal deadline and the appeal body. The outcome and the instance
 * come from the workflow's own definition of the action that decided, not from the state's name.
 */
@Injectable()
export class IssueDecisionLetter {
  private readonly logger = new Logger(IssueDecisionLetter.name);

  constructor(
    private readonly sources: LetterSources,
    private readonly archive: LetterArchive,
  ) {}

  async execute(applicationId: string, decisionId: string): Promise<IssueOutcome> {
    const source = await this.sources.decision(applicationId, decisionId);
    if (!source) {
      this.logger.warn({ applicationId, decisionId }, 'decision letter not issued: the decision is gone');
      return { result: 'skipped', why: 'decision_gone' };
    }
    const decide = workflowFor(source.kind)
      .transitions.find((t) => t.action === source.action)
      ?.effects.find((e): e is Extract<Effect, { kind: 'decide' }> => e.kind === 'decide');
    if (!decide) {
      this.logger.warn({ applicationId, decisionId, action: source.action }, 'decision letter not issued: that step decided nothing');
      return { result: 'skipped', why: 'not_a_decision' };
    }
    const language: Language = isLanguage(source.language) ? source.language : 'fr';
    const pdf = await renderDecisionLetter({
      language,
      reference: source.reference,
      kind: source.kind,
      office: { name: source.officeName },
      decidedOn: source.decidedOn,
      issuedOn: source.decidedOn,
      decision: decisionOf(decide, source),
    });
    const kept = await this.archive.keep({ applicationId, kind: 'decision', decisionId, language, pdf });
    return { result: kept.issued ? 'issued' : 'already_issued', letterId: kept.id };
  }
}

function decisionOf(decide: Extract<Effect, { kind: 'decide' }>, source: DecisionSource): Decision {
  const stage = decide.instance === 'first' ? 'first-instance' : 'appeal';
  if (decide.outcome === 'favourable') return { outcome: 'granted', stage };
  if (stage === 'appeal') return { outcome: 'rejected', stage, reasons: source.reasons };
  // A missing deadline or appeal body leaves these empty, and the renderer refuses the letter: a refusal that does
  // not say how to appeal it must not be sent.
  return {
    outcome: 'rejected',
    stage,
    reasons: source.reasons,
    appeal: { deadline: source.appealDeadline ?? '', authority: source.appealBodyName ?? '' },
  };
}
