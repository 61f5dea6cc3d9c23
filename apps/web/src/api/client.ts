import createClient, { type Middleware } from 'openapi-fetch';
import { session } from '../auth/session';
import { ApiProblem, problemOf, type ProblemBody } from './problem';
import type { paths } from './schema';

/** Every path the web calls, with its parameters, body and responses: the generated OpenAPI description. */
export type ApiPaths = paths;

let currentLanguage = 'fr';
export function setApiLanguage(lang: string): void {
  currentLanguage = lang;
}

/** Calls that carry no bearer token: they are how a session starts, turns or ends. */
const TOKENLESS = /\/auth\/(login|refresh|logout|register)$/;

const authorize: Middleware = {
  async onRequest({ request }) {
    request.headers.set('accept-language', currentLanguage);
    if (!TOKENLESS.test(new URL(request.url).pathname)) {
      const token = await session.accessToken();
      if (token) request.headers.set('authorization', `Bearer ${token}`);
    }
    return request;
  },
  onResponse({ response, request }) {
    // An access token refused although it was fresh: the account was deactivated or the session revoked.
    if (response.status === 401 && !TOKENLESS.test(new URL(request.url).pathname)) session.clear();
    return response;
  },
};

const origin = typeof window === 'undefined' ? 'http://localhost' : window.location.origin;
/**
 * Answers are read as JSON (openapi-fetch's default), so a route that also offers CSV or text is typed by its JSON
 * schema; a call that wants the text asks for it with `parseAs: 'text'`.
 */
export const api = createClient<ApiPaths, 'application/json'>({ baseUrl: origin, fetch: (request) => globalThis.fetch(request) });
api.use(authorize);

/** The data of a typed call, or an ApiProblem thrown with the problem+json the API answered. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiProblem(response.status, (error ?? {}) as ProblemBody, response.headers.get('retry-after'));
  return data as T;
}

/** For calls the typed client cannot describe: multipart uploads and file downloads. */
export async function authorizedFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const token = await session.accessToken();
  if (token) headers.set('authorization', `Bearer ${token}`);
  headers.set('accept-language', currentLanguage);
  const res = await fetch(path, { ...init, headers });
  if (!res.ok) throw await problemOf(res);
  return res;
}

/** Saves a response body (a PDF letter, a document) as a download. */
export async function downloadTo(path: string, fileName: string): Promise<void> {
  const res = await authorizedFetch(path);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
