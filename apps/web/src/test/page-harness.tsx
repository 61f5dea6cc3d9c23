import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import { AppProviders, makeQueryClient } from '../app/AppProviders';
import { session } from '../auth/session';
import { createAppI18n } from '../i18n/app-i18n';
import type { Language } from '../i18n/languages';

/** A JSON answer (problem+json from 400 on), as the API sends it. */
export const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' } });

export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Headers;
}

/**
 * Stubs fetch for a page test: every request is recorded (method, path, query, JSON body) and answered by `answer`
 * (404 problem when it returns undefined). Signs a user in so the client sends a token.
 */
export function mockApi(answer: (r: SeenRequest) => Response | undefined | Promise<Response | undefined>): SeenRequest[] {
  const seen: SeenRequest[] = [];
  session.store({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: Request | string, init?: RequestInit) => {
      const request = typeof input === 'string' ? new Request(new URL(input, 'http://localhost'), init) : input;
      const url = new URL(request.url, 'http://localhost');
      const text = request.method === 'GET' ? '' : await request.clone().text();
      const r: SeenRequest = { method: request.method, path: url.pathname, query: url.searchParams, body: text ? JSON.parse(text) : undefined, headers: request.headers };
      seen.push(r);
      return (await answer(r)) ?? json({ status: 404, code: 'NOT_FOUND' }, 404);
    }),
  );
  return seen;
}

export function resetApi(): void {
  vi.unstubAllGlobals();
  session.clear();
}

/** Renders `element` at `path` (matched by `route`) with the application's providers; other routes show their path. */
export function renderAt(element: ReactElement, { route = '/', path = route, lang = 'en' }: { route?: string; path?: string; lang?: Language } = {}) {
  const router = createMemoryRouter(
    [
      { path: route, element },
      { path: '*', element: <p data-testid="elsewhere">{'elsewhere'}</p> },
    ],
    { initialEntries: [path] },
  );
  const view = render(
    <AppProviders i18n={createAppI18n(lang)} client={makeQueryClient()}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, router };
}
