import { createTestApp, type TestApp } from '@masar/testing';

describe('the HTTP platform', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { CORS_ORIGINS: 'https://portal.masar.example', BODY_LIMIT_BYTES: '4096' } });
  });
  afterAll(() => t.close());

  it('refuses a body over the limit with 413 as problem+json, and keeps the server answering', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/auth/login', payload: { email: 'a@b.c', password: 'x'.repeat(10_000) } });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
    expect((await t.app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
  });

  it('answers malformed JSON with 400 problem+json', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email":' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('allows only the configured origins', async () => {
    const allowed = await t.app.inject({ method: 'OPTIONS', url: '/auth/login', headers: { origin: 'https://portal.masar.example', 'access-control-request-method': 'POST' } });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://portal.masar.example');
    const other = await t.app.inject({ method: 'OPTIONS', url: '/auth/login', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('gives every request an id, keeping a well-formed one the caller sent', async () => {
    const given = await t.app.inject({ method: 'GET', url: '/health/live', headers: { 'x-request-id': 'req-1234567890' } });
    expect(given.headers['x-request-id']).toBe('req-1234567890');
    const fresh = await t.app.inject({ method: 'GET', url: '/health/live', headers: { 'x-request-id': 'bad id with spaces' } });
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health/live' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBeDefined();
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/nowhere' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
  });
});
