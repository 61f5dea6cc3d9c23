import createClient from 'openapi-fetch';
import type { ApiPaths } from '../api/client';
import type { StatusAnswer } from '../api/contract';

export type LookupResult =
  | { kind: 'found'; answer: StatusAnswer }
  | { kind: 'not_found' }
  | { kind: 'too_many'; retryAfterSeconds: number | null }
  | { kind: 'offline' }
  | { kind: 'failed' };

// fetch looked up at call time (not captured at load), so that tests and service workers can stand in for it.
const client = createClient<ApiPaths>({ baseUrl: typeof window === 'undefined' ? 'http://localhost' : window.location.origin, fetch: (request) => globalThis.fetch(request) });

/** References are read over the phone and typed on phones: ignore case, spaces and the dashes people add or forget. */
export function normaliseReference(input: string): string {
  const compact = input.toUpperCase().replace(/[^0-9A-Z]/g, '');
  if (compact.length === 10 && compact.startsWith('MA')) return `MA-${compact.slice(2, 6)}-${compact.slice(6)}`;
  return input.trim().toUpperCase();
}

/**
 * POST /status with the reference and the access code in the body (never in the address). The API gives the same
 * answer for an unknown reference and a wrong code; so does this page.
 */
export async function lookupStatus(reference: string, accessCode: string, language: string): Promise<LookupResult> {
  try {
    const { data, response } = await client.POST('/status', {
      body: { reference: normaliseReference(reference), accessCode: accessCode.trim(), language: language as 'ar' | 'fr' | 'en' | 'es' },
      headers: { 'accept-language': language },
    });
    if (response.ok && data) return { kind: 'found', answer: data };
    if (response.status === 429) {
      const after = Number(response.headers.get('retry-after'));
      return { kind: 'too_many', retryAfterSeconds: Number.isFinite(after) && after > 0 ? after : null };
    }
    if (response.status === 404 || response.status === 400 || response.status === 401 || response.status === 422) return { kind: 'not_found' };
    return { kind: 'failed' };
  } catch {
    return { kind: 'offline' };
  }
}
