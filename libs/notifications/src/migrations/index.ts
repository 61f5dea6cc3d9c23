import { CreateNotifications1796000310000 } from './1796000310000-create-notifications';

export const NotificationsMigrations = [CreateNotifications1796000310000];
