import { CreateNotifications1796000310000 } from './1796000310000-create-notifications';
import { DeliveryPointOfNoReturn1796000950000 } from './1796000950000-delivery-point-of-no-return';

export const NotificationsMigrations = [CreateNotifications1796000310000, DeliveryPointOfNoReturn1796000950000];
