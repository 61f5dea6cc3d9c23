import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/dates/styles.css';
import './app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initialLanguage } from '../i18n/languages';
import { createAppI18n } from '../i18n/app-i18n';
import { AppProviders } from './AppProviders';
import { AppRouter } from './router';

export function mountApp(root: HTMLElement): void {
  const i18n = createAppI18n(initialLanguage());
  createRoot(root).render(
    <StrictMode>
      <AppProviders i18n={i18n}>
        <AppRouter />
      </AppProviders>
    </StrictMode>,
  );
}
