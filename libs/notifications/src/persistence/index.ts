import { DeadLetter } from './dead-letter.entity';
import { Delivery } from './delivery.entity';
import { InboxMessage } from './inbox-message.entity';
import { Notification } from './notification.entity';

export const NOTIFICATION_ENTITIES = [Notification, Delivery, DeadLetter, InboxMessage];
export { DeadLetter, Delivery, InboxMessage, Notification };
