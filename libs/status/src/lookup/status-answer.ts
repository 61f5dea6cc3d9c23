import { stateOf, workflowFor, type Stage } from '@masar/cases';
import { APPLICATION_KIND_LABELS, formatLocalDate, writingDirection, type Language } from '@masar/letters';
import { BUILT_IN_PACKS } from '@masar/notifications';
import { STAGE_WORDS } from '../labels/stage.labels';
import { fill, STATUS_TEXTS } from '../labels/status.labels';
import type { StatusFacts } from './status-facts.query';

/** Something the applicant must do, with its date when there is one: the heart of the answer. */
export type ToDo =
  | { action: 'provide_documents'; text: string; documents: string[]; dueOn: string | null }
  | { action: 'attend_interview'; text: string; at: string; place: string }
  | { action: 'appeal'; text: string; dueOn: string }
  | { action: 'collect_card'; text: string; place: string };

/**
 * What the applicant is told. Only what they already hold (their reference, their office, what they were sent):
 * no name, no document number, no caseworker, no internal state.
 */
export interface StatusAnswer {
  reference: string;
  language: Language;
  direction: 'ltr' | 'rtl';
  application: string;
  office: string;
  stage: { code: Stage; title: string };
  toDo: ToDo[];
  nextStep: string;
}

/** Interviews take place at Moroccan offices, so their time is told in Morocco's time zone. */
const OFFICE_TIME_ZONE = 'Africa/Casablanca';
const TIME_LOCALE: Record<Language, string> = { ar: 'ar-MA-u-nu-latn', fr: 'fr-MA', en: 'en-GB', es: 'es-ES' };

/** The interview's day and time formatters, made once per language (building one costs more than the whole answer). */
const INTERVIEW_FORMATS = new Map<Language, { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

function interviewFormats(language: Language): { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat } {
  let formats = INTERVIEW_FORMATS.get(language);
  if (!formats) {
    formats = {
      day: new Intl.DateTimeFormat(TIME_LOCALE[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: OFFICE_TIME_ZONE }),
      time: new Intl.DateTimeFormat(TIME_LOCALE[language], { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: OFFICE_TIME_ZONE }),
    };
    INTERVIEW_FORMATS.set(language, formats);
  }
  return formats;
}

export function buildStatusAnswer(facts: StatusFacts, language: Language): StatusAnswer {
  const stage = stateOf(workflowFor(facts.kind), facts.state)?.stage ?? 'under_review';
  const words = STAGE_WORDS[language][stage];
  return {
    reference: facts.reference,
    language,
    direction: writingDirection(language),
    application: APPLICATION_KIND_LABELS[language][facts.kind],
    office: facts.officeName,
    stage: { code: stage, title: words.title },
    toDo: toDoFor(stage, facts, language),
    nextStep: words.next,
  };
}

function toDoFor(stage: Stage, facts: StatusFacts, language: Language): ToDo[] {
  const t = STATUS_TEXTS[language];
  const todo: ToDo[] = [];
  const requested = facts.events.documents_requested;
  if (stage === 'documents_needed' && requested?.documents?.length) {
    const labels = BUILT_IN_PACKS[language].documentLabels;
    const documents = requested.documents.map((code) => labels[code] ?? code.replace(/_/g, ' '));
    const dueOn = requested.dueDate ?? null;
    const template = dueOn ? t.provideDocumentsBy : t.provideDocuments;
    todo.push({
      action: 'provide_documents',
      text: fill(template, { documents: documents.join(language === 'ar' ? '، ' : ', '), date: dueOn ? formatLocalDate(dueOn, language) : '' }),
      documents,
      dueOn,
    });
  }
  if (facts.interview && !facts.interviewHeld && (stage === 'interview_planned' || stage === 'under_review')) {
    const at = new Date(facts.interview.at);
    const { day: dayFormat, time: timeFormat } = interviewFormats(language);
    const day = dayFormat.format(at);
    const time = timeFormat.format(at);
    let text = fill(t.attendInterview, { date: day, time, place: facts.interview.place });
    if (facts.interview.interpreterLanguage) text += ` ${t.interpreter}`;
    todo.push({ action: 'attend_interview', text, at: facts.interview.at, place: facts.interview.place });
  }
  const refusal = facts.events.decision_unfavourable;
  if (stage === 'refused_can_appeal' && refusal?.appealDeadline) {
    todo.push({ action: 'appeal', text: fill(t.appealBy, { date: formatLocalDate(refusal.appealDeadline, language) }), dueOn: refusal.appealDeadline });
  }
  if (stage === 'card_ready') {
    const place = facts.events.card_ready?.place ?? facts.officeName;
    todo.push({ action: 'collect_card', text: fill(t.collectCard, { place }), place });
  }
  return todo;
}
