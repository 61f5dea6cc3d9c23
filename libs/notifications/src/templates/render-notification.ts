import type { NotificationEvent, ParamsOf } from '../events/notification-event';
import { fitSms, type FittedSms } from '../sms/fit-sms';
import { NotificationsError } from '../notifications.errors';
import { arabic } from './ar.templates';
import { english } from './en.templates';
import { spanish } from './es.templates';
import { formatterFor } from './formatter';
import { french } from './fr.templates';
import { renderHtml, renderText } from './html-layout';
import { FALLBACK_CHAIN, isLanguage, type Language } from './language';
import type { EventTemplate, LanguagePack } from './template';

export const BUILT_IN_PACKS: Readonly<Record<Language, LanguagePack>> = { ar: arabic, fr: french, en: english, es: spanish };

export interface RenderedNotification {
  event: NotificationEvent;
  /** The language the message is written in. */
  language: Language;
  /** Set when the applicant's language could not be used: which one was asked for, and why. */
  fallback: { requested: string; reason: 'unsupported-language' | 'missing-template' } | null;
  subject: string;
  text: string;
  html: string;
  sms: FittedSms;
}

/**
 * Chooses the language: the applicant's preferred language if it has a template for the event, otherwise French,
 * then English (FALLBACK_CHAIN). The result says which language was used and why, so that a caseworker can see
 * that an applicant got French instead of Wolof and a missing translation can be noticed.
 */
export function chooseLanguage(
  event: NotificationEvent,
  preferred: string | null | undefined,
  packs: Readonly<Partial<Record<Language, LanguagePack>>> = BUILT_IN_PACKS,
): { language: Language; fallback: RenderedNotification['fallback'] } {
  const has = (l: Language) => Boolean(packs[l]?.templates[event]);
  if (isLanguage(preferred) && has(preferred)) return { language: preferred, fallback: null };
  const language = FALLBACK_CHAIN.find(has);
  if (!language) throw NotificationsError.noTemplate(`no template for ${event} in ${[preferred, ...FALLBACK_CHAIN].join(', ')}`);
  return {
    language,
    fallback: { requested: String(preferred ?? ''), reason: isLanguage(preferred) ? 'missing-template' : 'unsupported-language' },
  };
}

export function renderNotification<E extends NotificationEvent>(
  event: E,
  params: ParamsOf<E>,
  preferredLanguage: string | null | undefined,
  packs: Readonly<Partial<Record<Language, LanguagePack>>> = BUILT_IN_PACKS,
): RenderedNotification {
  const { language, fallback } = chooseLanguage(event, preferredLanguage, packs);
  const pack = packs[language]!;
  const template = pack.templates[event] as EventTemplate<E>;
  const f = formatterFor(language);
  const subject = `${language === 'ar' ? 'مسار' : 'Masar'}: ${template.subject(params, f)}`;
  const blocks = template.body(params, f);
  const reference = (params as { reference?: string }).reference;
  return {
    event,
    language,
    fallback,
    subject,
    text: renderText({ greeting: pack.greeting, blocks, closing: pack.closing }),
    html: renderHtml({ language, subject, greeting: pack.greeting, blocks, closing: pack.closing, reference }),
    // Arabic cannot go in GSM-7; folding it would only strip nothing and waste time.
    sms: fitSms(template.sms(params, f), { fold: language !== 'ar' }),
  };
}
