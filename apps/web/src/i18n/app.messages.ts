import { ar } from './messages/ar';
import { en } from './messages/en';
import { es } from './messages/es';
import { fr } from './messages/fr';

export const APP_MESSAGES = { ar, fr, en, es } as const;
