import { DirectionProvider, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { i18n } from 'i18next';
import { useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { isProblem } from '../api/problem';
import { directionOf, type Language } from '../i18n/languages';
import { theme } from './theme';

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: true,
        // A refusal will not change by asking again.
        retry: (count, error) => !isProblem(error) || (error.status >= 500 && count < 2),
      },
      mutations: { retry: false },
    },
  });
}

export function AppProviders({ i18n, children, client }: { i18n: i18n; children: ReactNode; client?: QueryClient }) {
  const [queryClient] = useState(() => client ?? makeQueryClient());
  return (
    <I18nextProvider i18n={i18n}>
      <DirectionProvider initialDirection={directionOf(i18n.language as Language)} detectDirection={false}>
        <MantineProvider theme={theme}>
          <Notifications position="top-center" />
          <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
        </MantineProvider>
      </DirectionProvider>
    </I18nextProvider>
  );
}
