import { Injectable, Logger, Optional } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FILE_CHANGES, NotificationRequests, type FileChange, type NotificationEvent, type NotificationParams } from '@masar/notifications';
import type { CaseEventType } from '../domain/workflow/workflow-definition';

export interface CaseEventToTell {
  applicationId: string;
  applicantId: string;
  historyId: string | null;
  type: CaseEventType;
  /** Unique per occurrence of this event on this file: a history id, or `60d:2026-09-30` for a reminder. */
  occurrenceKey: string;
  /** What the message needs: codes, dates, the reference, written reasons; never names or identifiers. */
  params: CaseEventParams;
}

export interface CaseEventParams {
  reference: string;
  documents?: string[];
  dueDate?: string;
  interview?: { at: string; place: string; interpreterLanguage: string | null };
  reasons?: string[];
  appealDeadline?: string;
  place?: string;
  expiresOn?: string;
  daysBefore?: number;
}

/**
 * The contract with the notifications context. Every event the applicant is told about is a `case_events` row (the
 * status page and the history read them); for the events that have a message, the notifications context's public
 * use case writes its `notifications` row and the 'notifications.dispatch' outbox message in this same
 * transaction, keyed by (event, occurrence, applicant) so that a replay sends nothing twice.
 */
@Injectable()
export class ApplicantNotifier {
  private readonly logger = new Logger(ApplicantNotifier.name);

  constructor(@Optional() private readonly requests?: NotificationRequests) {
    if (!requests) this.logger.warn('NotificationsModule is not loaded: case events are recorded but no message is sent');
  }

  async tell(manager: EntityManager, e: CaseEventToTell): Promise<{ eventId: string | null; notificationId: string | null }> {
    // The message first: asking for it is idempotent per (event, occurrence, applicant), so a replay gets the same
    // id back, and the event row is then written once with it (one statement fewer than writing and patching).
    const message = messageFor(e.type, e.params);
    const notificationId =
      message && this.requests
        ? (
            await this.requests.request(manager, {
              event: message.event,
              applicationId: e.applicationId,
              recipientId: e.applicantId,
              occurrenceKey: e.occurrenceKey,
              params: message.params,
            })
          ).notificationId
        : null;
    const inserted: { id: string }[] = await manager.query(
      `insert into case_events (application_id, history_id, type, params, occurrence_key, notification_id)
       values ($1, $2, $3, $4::jsonb, $5, $6)
       on conflict (application_id, type, occurrence_key) do nothing returning id`,
      [e.applicationId, e.historyId, e.type, JSON.stringify(e.params), e.occurrenceKey, notificationId],
    );
    return { eventId: inserted[0]?.id ?? null, notificationId };
  }
}

/** Which case events become a message, and with what. The others are recorded for the status page only. */
export function messageFor(type: CaseEventType, p: CaseEventParams): { event: NotificationEvent; params: NotificationParams[NotificationEvent] } | null {
  const reference = p.reference;
  switch (type) {
    case 'application_received':
    case 'renewal_received':
      return { event: 'application.submitted', params: { reference } };
    case 'documents_requested':
      return { event: 'information.requested', params: { reference, documents: p.documents ?? [], dueDate: p.dueDate ?? '' } };
    case 'interview_scheduled':
      if (!p.interview) return null;
      return {
        event: 'interview.scheduled',
        params: { reference, at: p.interview.at, place: p.interview.place, ...(p.interview.interpreterLanguage ? { interpreterLanguage: p.interview.interpreterLanguage } : {}) },
      };
    case 'decision_favourable':
      return { event: 'decision.notified', params: { reference, outcome: 'favourable' } };
    case 'decision_unfavourable':
      return { event: 'decision.notified', params: { reference, outcome: 'unfavourable', reasons: p.reasons ?? [], appealDeadline: p.appealDeadline } };
    case 'appeal_granted':
      return { event: 'decision.notified', params: { reference, outcome: 'favourable', final: true } };
    case 'appeal_rejected':
      return { event: 'decision.notified', params: { reference, outcome: 'unfavourable', reasons: p.reasons ?? [], final: true } };
    case 'card_ready':
      return { event: 'card.ready', params: { reference, place: p.place ?? '' } };
    case 'renewal_reminder':
      return { event: 'renewal.reminder', params: { reference, expiresOn: p.expiresOn ?? '', daysBefore: p.daysBefore === 60 ? 60 : 30 } };
    default:
      // The other steps the applicant should hear of (documents complete, appeal received, transfer, withdrawal,
      // closure, reopening, lapse) share one message naming the change.
      if ((FILE_CHANGES as readonly string[]).includes(type)) {
        return { event: 'file.updated', params: { reference, change: type as FileChange, ...(p.place ? { place: p.place } : {}) } };
      }
      return null;
  }
}
