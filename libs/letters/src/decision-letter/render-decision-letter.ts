import { APPLICATION_KIND_LABELS } from '../labels/application-kind.labels';
import { DECISION_LETTER_LABELS, type DecisionLetterLabels } from '../labels/decision-letter.labels';
import { isLanguage, labelled, writingDirection, type Language } from '../language';
import { createLetterDocument } from '../layout/letter-document';
import { PageWriter } from '../layout/page-writer';
import { LettersErrors } from '../letters.errors';
import { assertLocalDate, formatLocalDate, withDate } from '../local-date';
import type { DecisionLetterInput } from './decision-letter.view-model';

const GREY = '#444444';

/** Renders the letter that notifies a decision, with its reasons and, for a rejection, the way to appeal it. */
export async function renderDecisionLetter(input: DecisionLetterInput): Promise<Buffer> {
  validate(input);
  const labels = DECISION_LETTER_LABELS[input.language];
  const { decision, language } = input;
  const title = decision.stage === 'appeal' ? labels.appealTitle : labels.title;
  const { doc, done } = createLetterDocument({ language, title: `${title} ${input.reference}`, date: new Date(`${input.issuedOn}T00:00:00Z`) });
  const page = new PageWriter(doc, writingDirection(language));

  page.paragraph(input.office.name, { size: 12, weight: 'bold' });
  if (input.office.address) page.paragraph(input.office.address, { size: 10, color: GREY });
  page.moveDown(6);
  page.rule(undefined, 12);
  if (input.addressee) page.paragraph(labelled(labels.addressee, input.addressee, language), { size: 11 }, { after: 8 });

  page.paragraph(title, { size: 19, weight: 'bold' }, { after: 8 });
  field(page, labels.reference, input.reference, language);
  field(page, labels.application, APPLICATION_KIND_LABELS[language][input.kind], language);
  field(page, labels.decidedOn, formatLocalDate(input.decidedOn, language), language);
  field(page, labels.issuedOn, formatLocalDate(input.issuedOn, language), language);
  page.moveDown(6);

  heading(page, labels.decisionHeading);
  page.paragraph(labels.outcome[input.kind][decision.outcome], { size: 13, weight: 'bold' }, { after: 10 });

  if (decision.reasons && decision.reasons.length > 0) {
    heading(page, labels.reasonsHeading);
    for (const reason of decision.reasons) page.bullet(reason, { size: 11 });
    page.moveDown(8);
  }

  if (decision.outcome === 'rejected' && decision.stage === 'first-instance') {
    appealSection(page, labels, input);
  } else if (decision.outcome === 'rejected') {
    page.paragraph(labels.finalDecision, { size: 11, weight: 'bold' }, { after: 10 });
  } else {
    const steps = decision.nextSteps?.length ? decision.nextSteps : [labels.grantedNextStep[input.kind]];
    heading(page, labels.nextStepsHeading);
    for (const step of steps) page.bullet(step, { size: 11 });
    page.moveDown(8);
  }

  page.ensureSpace(90);
  page.rule(undefined, 10);
  page.paragraph(labels.closing, { size: 10.5 }, { after: 14 });
  page.paragraph(labels.signedFor, { size: 11 });
  if (input.signatory) page.paragraph(input.signatory, { size: 11, weight: 'bold' });

  doc.end();
  return done;
}

function field(page: PageWriter, label: string, value: string, language: Language): void {
  page.paragraph(labelled(label, value, language), { size: 11 }, { after: 1 });
}

function heading(page: PageWriter, text: string): void {
  page.ensureSpace(60);
  page.paragraph(text, { size: 13, weight: 'bold' }, { after: 4 });
}

function appealSection(page: PageWriter, labels: DecisionLetterLabels, input: DecisionLetterInput): void {
  if (input.decision.outcome !== 'rejected' || input.decision.stage !== 'first-instance') return;
  const { appeal } = input.decision;
  // The appeal section is read as one instruction: it starts on a new page rather than being cut after its heading.
  page.ensureSpace(150);
  heading(page, labels.appealHeading);
  page.paragraph(withDate(labels.appealDeadline, appeal.deadline, input.language), { size: 11, weight: 'bold' }, { after: 6 });
  page.paragraph(labels.appealWhere, { size: 11 });
  page.paragraph(appeal.authority, { size: 11, weight: 'bold' }, { column: { offset: 16, width: page.contentWidth - 16 } });
  if (appeal.address) page.paragraph(appeal.address, { size: 11 }, { column: { offset: 16, width: page.contentWidth - 16 } });
  page.moveDown(6);
  if (appeal.instructions) page.paragraph(appeal.instructions, { size: 11 }, { after: 6 });
  page.paragraph(labels.appealReview, { size: 11 }, { after: 10 });
}

function validate(input: DecisionLetterInput): void {
  if (!isLanguage(input.language)) throw LettersErrors.unsupportedLanguage();
  if (!input.reference?.trim()) throw LettersErrors.missingField('reference');
  if (!input.office?.name?.trim()) throw LettersErrors.missingField('office.name');
  assertLocalDate(input.decidedOn, 'decidedOn');
  assertLocalDate(input.issuedOn, 'issuedOn');
  const { decision } = input;
  if (decision.outcome !== 'rejected') return;
  // The types already demand reasons and an appeal route; these checks hold for callers that build the input from
  // untyped data (a job payload re-loaded from the database), where an empty string would slip through.
  if (!decision.reasons?.some((reason) => reason.trim().length > 0)) throw LettersErrors.reasonsRequired();
  if (decision.stage === 'first-instance') {
    const { appeal } = decision;
    if (!appeal || !appeal.authority?.trim() || !appeal.deadline) throw LettersErrors.appealRouteRequired();
    assertLocalDate(appeal.deadline, 'decision.appeal.deadline');
    if (appeal.deadline <= input.decidedOn) throw LettersErrors.appealDeadlineTooEarly();
  }
}
