import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { session } from './session';

export type Me = components['schemas']['MeDto'];

export function useSessionPresent(): boolean {
  return useSyncExternalStore(session.subscribe, () => session.hasSession(), () => false);
}

/** The signed-in user (GET /auth/me), or null when nobody is signed in. */
export function useMe() {
  const present = useSessionPresent();
  return useQuery({
    queryKey: ['me', present],
    queryFn: async (): Promise<Me | null> => (present ? unwrap(api.GET('/auth/me')) : null),
    staleTime: 5 * 60_000,
  });
}

export async function signIn(email: string, password: string): Promise<void> {
  const pair = await unwrap(api.POST('/auth/login', { body: { email, password } }));
  session.store(pair);
}

export function useSignOut() {
  const client = useQueryClient();
  return useCallback(async () => {
    const refreshToken = session.snapshot().refreshToken;
    session.clear();
    client.clear();
    if (refreshToken) await api.POST('/auth/logout', { body: { refreshToken } }).catch(() => undefined);
  }, [client]);
}

/** Where each role starts. */
export function homeOf(role: Me['role']): string {
  switch (role) {
    case 'applicant':
      return '/my';
    case 'caseworker':
      return '/app/queue';
    case 'supervisor':
      return '/app/supervision';
    case 'admin':
      return '/app/admin/users';
  }
}
