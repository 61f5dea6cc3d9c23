/**
 * What Masar tells an applicant about. Each event names what its templates need to render; params are stored on
 * the notification row (never in a job payload) and hold codes, dates and the file reference, not names.
 */
export const NOTIFICATION_EVENTS = [
  'application.submitted',
  'information.requested',
  'interview.scheduled',
  'decision.notified',
  'card.ready',
  'renewal.reminder',
  'deadline.warning',
  'file.updated',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/** A calendar day, `YYYY-MM-DD`: a deadline is a day, not an instant, so it never shifts with the time zone. */
export type IsoDay = string;
/** An instant, ISO 8601 with offset or `Z` (an interview starts at an hour). */
export type IsoInstant = string;

export interface NotificationParams {
  'application.submitted': { reference: string };
  'information.requested': {
    reference: string;
    /** Document codes from the checklist (`proof_of_residence`...); each template names them in its language. */
    documents: string[];
    dueDate: IsoDay;
  };
  'interview.scheduled': {
    reference: string;
    at: IsoInstant;
    /** Office name and address, as the office publishes it. */
    place: string;
    /** ISO 639-1 code of the interpreter booked, if any. */
    interpreterLanguage?: string;
  };
  'decision.notified': {
    reference: string;
    outcome: 'favourable' | 'unfavourable';
    /** Written reasons of a rejection, as the decision records them (required when unfavourable). */
    reasons?: string[];
    /** Last day to appeal (required when unfavourable and not final). */
    appealDeadline?: IsoDay;
    /** A decision in last resort (the national commission, an appeal): no appeal is offered. */
    final?: boolean;
  };
  /** Without a place, the message says: at your foreigners' office (where the file was lodged). */
  'card.ready': { reference: string; place?: string; collectFrom?: IsoDay };
  'renewal.reminder': { reference: string; expiresOn: IsoDay; daysBefore: 60 | 30 };
  'deadline.warning': { reference: string; deadline: 'documents' | 'appeal'; dueDate: IsoDay };
  /** Other steps of a file the applicant should hear about, one plain sentence each. */
  'file.updated': { reference: string; change: FileChange; /** The new office, for a transfer. */ place?: string };
}

export const FILE_CHANGES = ['documents_complete', 'appeal_received', 'file_transferred', 'file_withdrawn', 'file_closed', 'file_reopened', 'card_lapsed'] as const;
export type FileChange = (typeof FILE_CHANGES)[number];

export type ParamsOf<E extends NotificationEvent> = NotificationParams[E];

export function isNotificationEvent(value: string): value is NotificationEvent {
  return (NOTIFICATION_EVENTS as readonly string[]).includes(value);
}
