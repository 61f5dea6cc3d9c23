import { DomainError } from '@masar/errors';

export enum NotificationsErrorCode {
  InvalidRequest = 'NOTIFICATIONS_INVALID_REQUEST',
  NoTemplate = 'NOTIFICATIONS_NO_TEMPLATE',
  DeadLetterNotFound = 'NOTIFICATIONS_DEAD_LETTER_NOT_FOUND',
}

/** The errors of the notifications context, each with a stable code. */
export const NotificationsError = {
  invalidRequest: (detail: string) => new DomainError(NotificationsErrorCode.InvalidRequest, 422, 'Invalid notification request', detail),
  noTemplate: (detail: string) => new DomainError(NotificationsErrorCode.NoTemplate, 500, 'No template for this notification', detail),
  deadLetterNotFound: () => new DomainError(NotificationsErrorCode.DeadLetterNotFound, 404, 'Not found', 'This dead letter does not exist or was already retried.'),
};
