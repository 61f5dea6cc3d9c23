import { afterEach, describe, expect, it, vi } from 'vitest';
import { lookupStatus, normaliseReference } from './lookup-status';

function answerWith(status: number, body: unknown, headers: Record<string, string> = {}) {
  return vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json', ...headers } }));
}

afterEach(() => vi.unstubAllGlobals());

describe('normaliseReference', () => {
  it('accepts what people type: lower case, spaces, missing dashes', () => {
    expect(normaliseReference('ma 7k3q 9xwd')).toBe('MA-7K3Q-9XWD');
    expect(normaliseReference('MA7K3Q9XWD')).toBe('MA-7K3Q-9XWD');
    expect(normaliseReference(' ma-7k3q-9xwd ')).toBe('MA-7K3Q-9XWD');
  });
  it('leaves anything else for the API to refuse', () => {
    expect(normaliseReference('xyz')).toBe('XYZ');
  });
});

describe('lookupStatus', () => {
  it('sends the reference and the code in the body, never in the address, with the language asked', async () => {
    const fetch = answerWith(200, { reference: 'MA-7K3Q-9XWD', stage: { code: 'received', title: 'Reçu' }, toDo: [], nextStep: 'x', language: 'fr', direction: 'ltr', application: 'a', office: 'o' });
    vi.stubGlobal('fetch', fetch);
    const r = await lookupStatus('ma7k3q9xwd', ' h4trp-x9m2k ', 'fr');
    expect(r.kind).toBe('found');
    const request = (fetch.mock.calls[0] as unknown as [Request])[0];
    expect(request.method).toBe('POST');
    expect(request.url).not.toContain('H4TRP');
    expect(request.headers.get('accept-language')).toBe('fr');
    expect(await request.json()).toEqual({ reference: 'MA-7K3Q-9XWD', accessCode: 'h4trp-x9m2k', language: 'fr' });
  });

  it('tells an unknown file and a wrong code apart from nothing (both "not found")', async () => {
    vi.stubGlobal('fetch', answerWith(404, { status: 404, code: 'STATUS_NO_MATCH' }));
    expect(await lookupStatus('MA-7K3Q-9XWD', 'AAAAA-AAAAA', 'ar')).toEqual({ kind: 'not_found' });
  });

  it('reads Retry-After on a 429', async () => {
    vi.stubGlobal('fetch', answerWith(429, { status: 429 }, { 'retry-after': '600' }));
    expect(await lookupStatus('MA-7K3Q-9XWD', 'AAAAA-AAAAA', 'ar')).toEqual({ kind: 'too_many', retryAfterSeconds: 600 });
  });

  it('says "no connection" when the request never arrives', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    expect(await lookupStatus('MA-7K3Q-9XWD', 'AAAAA-AAAAA', 'es')).toEqual({ kind: 'offline' });
  });

  it('says "something went wrong" on a server error', async () => {
    vi.stubGlobal('fetch', answerWith(500, { status: 500 }));
    expect(await lookupStatus('MA-7K3Q-9XWD', 'AAAAA-AAAAA', 'en')).toEqual({ kind: 'failed' });
  });
});
