import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';

const CLOSE: Record<string, string> = { ar: 'إغلاق', fr: 'Fermer', en: 'Close', es: 'Cerrar' };

/** A toast whose close button has a name in the page's language (Mantine's has only an icon). */
export function notify(options: { color: 'green' | 'red' | 'yellow' | 'blue'; message: ReactNode }): void {
  const lang = document.documentElement.lang;
  notifications.show({ ...options, closeButtonProps: { 'aria-label': CLOSE[lang] ?? CLOSE.en } });
}
