import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from './session';

const pair = (n: number) => ({ accessToken: `access-${n}`, refreshToken: `refresh-${n}`, tokenType: 'Bearer', expiresIn: 900 });

beforeEach(() => {
  session.clear();
  sessionStorage.clear();
});
afterEach(() => vi.unstubAllGlobals());

describe('session', () => {
  it('keeps the refresh token in this tab only, the access token in memory', () => {
    session.store(pair(1));
    expect(sessionStorage.getItem('masar.refresh')).toBe('refresh-1');
    expect(localStorage.getItem('masar.refresh')).toBeNull();
    expect(JSON.stringify(sessionStorage)).not.toContain('access-1');
  });

  it('refreshes once for many callers at once: a second refresh with the same token would look like theft', async () => {
    session.store({ ...pair(1), expiresIn: 5 }); // about to expire
    const fetch = vi.fn(async () => new Response(JSON.stringify(pair(2)), { status: 200, headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetch);
    const tokens = await Promise.all([session.accessToken(), session.accessToken(), session.accessToken()]);
    expect(tokens).toEqual(['access-2', 'access-2', 'access-2']);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(session.snapshot().refreshToken).toBe('refresh-2');
  });

  it('ends the session when the refresh token is refused (reused or revoked)', async () => {
    session.store({ ...pair(1), expiresIn: 0 });
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"status":401,"code":"AUTH_REFRESH_REUSED"}', { status: 401 })));
    expect(await session.accessToken()).toBeNull();
    expect(session.hasSession()).toBe(false);
    expect(sessionStorage.getItem('masar.refresh')).toBeNull();
  });

  it('keeps the session when the network is down (the next call tries again)', async () => {
    session.store({ ...pair(1), expiresIn: 0 });
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('offline'))));
    expect(await session.accessToken()).toBeNull();
    expect(session.snapshot().refreshToken).toBe('refresh-1');
  });
});
