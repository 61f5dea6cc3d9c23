import { NotificationsError } from '../notifications.errors';
import { FILE_CHANGES, isNotificationEvent, type NotificationEvent, type NotificationParams } from './notification-event';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const REFERENCE = /^[A-Z0-9][A-Z0-9-]{3,31}$/;

/**
 * Checks params when a context asks for a notification, inside its transaction: a malformed request fails the
 * caller's change at once instead of dead-lettering in the worker hours later.
 */
export function validateParams<E extends NotificationEvent>(event: E, params: unknown): NotificationParams[E] {
  if (!isNotificationEvent(event)) throw NotificationsError.invalidRequest(`unknown event "${String(event)}"`);
  if (typeof params !== 'object' || params === null) throw NotificationsError.invalidRequest('params must be an object');
  const p = params as Record<string, unknown>;
  const problems: string[] = [];
  const need = (field: string, ok: boolean, what: string) => {
    if (!ok) problems.push(`${field} ${what}`);
  };
  const isDay = (v: unknown) => typeof v === 'string' && DAY.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));
  const isText = (v: unknown) => typeof v === 'string' && v.trim().length > 0 && v.length <= 500;

  need('reference', typeof p.reference === 'string' && REFERENCE.test(p.reference), 'must be a file reference');
  switch (event) {
    case 'application.submitted':
      break;
    case 'information.requested':
      need('documents', Array.isArray(p.documents) && p.documents.length > 0 && p.documents.every((d) => typeof d === 'string' && /^[a-z_]{2,64}$/.test(d)), 'must list document codes');
      need('dueDate', isDay(p.dueDate), 'must be a day (YYYY-MM-DD)');
      break;
    case 'interview.scheduled':
      need('at', typeof p.at === 'string' && /[zZ]|[+-]\d{2}:?\d{2}$/.test(p.at) && !Number.isNaN(Date.parse(p.at)), 'must be an instant with a time zone');
      need('place', isText(p.place), 'must name the place');
      need('interpreterLanguage', p.interpreterLanguage === undefined || (typeof p.interpreterLanguage === 'string' && /^[a-z]{2,3}$/.test(p.interpreterLanguage)), 'must be a language code');
      break;
    case 'decision.notified': {
      need('outcome', p.outcome === 'favourable' || p.outcome === 'unfavourable', 'must be favourable or unfavourable');
      const reasons = p.reasons;
      need('reasons', reasons === undefined || (Array.isArray(reasons) && reasons.every(isText)), 'must be a list of sentences');
      if (p.outcome === 'unfavourable') {
        need('reasons', Array.isArray(reasons) && reasons.length > 0, 'are required for a rejection');
        if (!p.final) need('appealDeadline', isDay(p.appealDeadline), 'is required for a rejection that can be appealed');
      }
      need('final', p.final === undefined || typeof p.final === 'boolean', 'must be true or false');
      break;
    }
    case 'card.ready':
      need('place', p.place === undefined || p.place === '' || isText(p.place), 'must name the place');
      need('collectFrom', p.collectFrom === undefined || isDay(p.collectFrom), 'must be a day (YYYY-MM-DD)');
      break;
    case 'renewal.reminder':
      need('expiresOn', isDay(p.expiresOn), 'must be a day (YYYY-MM-DD)');
      need('daysBefore', p.daysBefore === 60 || p.daysBefore === 30, 'must be 60 or 30');
      break;
    case 'deadline.warning':
      need('deadline', p.deadline === 'documents' || p.deadline === 'appeal', 'must be documents or appeal');
      need('dueDate', isDay(p.dueDate), 'must be a day (YYYY-MM-DD)');
      break;
    case 'file.updated':
      need('change', (FILE_CHANGES as readonly unknown[]).includes(p.change), `must be one of ${FILE_CHANGES.join(', ')}`);
      need('place', p.place === undefined || p.place === '' || isText(p.place), 'must name the place');
      break;
  }
  if (problems.length) throw NotificationsError.invalidRequest(`${event}: ${problems.join('; ')}`);
  return p as NotificationParams[E];
}
