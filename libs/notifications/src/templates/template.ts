import type { NotificationEvent, ParamsOf } from '../events/notification-event';
import type { Formatter } from './formatter';
import type { Language } from './language';

/** A paragraph, or a bulleted list (documents to bring, reasons of a rejection). */
export type Block = string | { list: string[] };

/**
 * A piece of an SMS and what may happen to it when the message is too long: the reference and the deadline are
 * `never` cut; a list of documents or a place may be `shorten`ed; a courtesy sentence may be `drop`ped.
 */
export interface SmsPart {
  text: string;
  cut: 'never' | 'shorten' | 'drop';
}

/** One event in one language. Sentences are short and plain: many readers have little schooling. */
export interface EventTemplate<E extends NotificationEvent> {
  subject(p: ParamsOf<E>, f: Formatter): string;
  body(p: ParamsOf<E>, f: Formatter): Block[];
  sms(p: ParamsOf<E>, f: Formatter): SmsPart[];
}

export type TemplateSet = { [E in NotificationEvent]?: EventTemplate<E> };

/** Everything written in one language. */
export interface LanguagePack {
  language: Language;
  greeting: string;
  /** Closing lines of an e-mail: who writes, and that replies are not read. */
  closing: string[];
  /** Document codes of the checklists, named as an applicant would recognise them. */
  documentLabels: Record<string, string>;
  templates: TemplateSet;
}

/** A document code this pack does not name is shown as the code in words rather than dropped. */
export function documentLabel(pack: LanguagePack, code: string): string {
  return pack.documentLabels[code] ?? code.replace(/_/g, ' ');
}

export const never = (text: string): SmsPart => ({ text, cut: 'never' });
export const shorten = (text: string): SmsPart => ({ text, cut: 'shorten' });
export const drop = (text: string): SmsPart => ({ text, cut: 'drop' });
