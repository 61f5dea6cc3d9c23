import { Controller, Get, Module } from '@nestjs/common';
import { createTestApp, QUEUE_BACKENDS, redisUrlForTests, type TestApp } from '@masar/testing';
import { DEMO_PASSWORD } from '@masar/identity';

const CASEWORKER = 'caseworker.rabat@masar.example';
const APPLICANT = 'applicant@masar.example';
const ADMIN = 'admin@masar.example';

describe('identity over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: '3', LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '1000' } });
  });
  afterAll(() => t.close());

  const login = (email: string, password = DEMO_PASSWORD, ip = '10.0.0.1') =>
    t.app.inject({ method: 'POST', url: '/auth/login', payload: { email, password }, remoteAddress: ip });

  it('signs in with e-mail and password and returns a short-lived access token and a refresh token', async () => {
    const res = await login(CASEWORKER);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.tokenType).toBe('Bearer');
    expect(body.expiresIn).toBe(900);
    const me = await t.app.inject({ method: 'GET', url: '/auth/me', headers: { authorization: `Bearer ${body.accessToken}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email: CASEWORKER, role: 'caseworker', officeCode: 'RAB' });
  });

  it('answers an unknown e-mail and a wrong password alike', async () => {
    const unknown = await login('nobody@masar.example', 'whatever-it-is', '10.0.0.2');
    const wrong = await login('supervisor.casablanca@masar.example', 'not-the-password', '10.0.0.2');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    const strip = (b: Record<string, unknown>) => ({ ...b, instance: undefined });
    expect(strip(unknown.json())).toEqual(strip(wrong.json()));
    expect(unknown.json().code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('rotates refresh tokens and detects the reuse of a rotated one, revoking the whole sign-in', async () => {
    const first = (await login(CASEWORKER)).json();
    const second = await t.app.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken: first.refreshToken } });
    expect(second.statusCode).toBe(200);
    const rotated = second.json();
    expect(rotated.refreshToken).not.toBe(first.refreshToken);

    // The old token again: a thief or a replay. The family is revoked, the newest token too.
    const replay = await t.app.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken: first.refreshToken } });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('AUTH_REFRESH_REUSED');
    const afterReuse = await t.app.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken: rotated.refreshToken } });
    expect(afterReuse.statusCode).toBe(401);
    const audited = await t.dataSource.query(`select count(*)::int as n from audit_events where action = 'auth.refresh_reused'`);
    expect(audited[0].n).toBe(1);
  });

  it('logs out by revoking the refresh token', async () => {
    const pair = (await login(CASEWORKER)).json();
    const out = await t.app.inject({ method: 'POST', url: '/auth/logout', payload: { refreshToken: pair.refreshToken } });
    expect(out.statusCode).toBe(204);
    const refresh = await t.app.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken: pair.refreshToken } });
    expect(refresh.statusCode).toBe(401);
  });

  it('refuses a deactivated user at once, even with a valid access token', async () => {
    const admin = await t.as(ADMIN);
    const created = await t.app.inject({
      method: 'POST',
      url: '/admin/users',
      headers: admin,
      payload: { email: 'temp.caseworker@masar.example', displayName: 'Temp', role: 'caseworker', officeId: t.staff.offices.RAB, password: 'a-long-enough-password' },
    });
    expect(created.statusCode).toBe(201);
    const pair = (await login('temp.caseworker@masar.example', 'a-long-enough-password')).json();
    const before = await t.app.inject({ method: 'GET', url: '/auth/me', headers: { authorization: `Bearer ${pair.accessToken}` } });
    expect(before.statusCode).toBe(200);
    const off = await t.app.inject({ method: 'POST', url: `/admin/users/${created.json().id}/deactivate`, headers: admin });
    expect(off.statusCode).toBe(200);
    const after = await t.app.inject({ method: 'GET', url: '/auth/me', headers: { authorization: `Bearer ${pair.accessToken}` } });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('AUTH_USER_DEACTIVATED');
    const refresh = await t.app.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken: pair.refreshToken } });
    expect(refresh.statusCode).toBe(401);
    const audit = await t.dataSource.query(`select action, fields from audit_events where subject_id = $1 order by seq`, [created.json().id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['admin.user_created', 'admin.user_deactivated']));
  });

  it('lets an applicant open an account and refuses an e-mail already in use', async () => {
    const payload = { email: 'Fatou.Diallo@example.org', password: 'three words together', displayName: 'Fatou' };
    const res = await t.app.inject({ method: 'POST', url: '/auth/register', payload, remoteAddress: '10.2.0.1' });
    expect(res.statusCode).toBe(201);
    const me = await t.app.inject({ method: 'GET', url: '/auth/me', headers: { authorization: `Bearer ${res.json().accessToken}` } });
    expect(me.json()).toMatchObject({ email: 'fatou.diallo@example.org', role: 'applicant', officeId: null });
    const again = await t.app.inject({ method: 'POST', url: '/auth/register', payload, remoteAddress: '10.2.0.1' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('IDENTITY_EMAIL_TAKEN');
  });

  it('refuses a role the route does not allow: an applicant on an admin route', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/admin/users', headers: await t.as(APPLICANT) });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('ACCESS_ROLE_REFUSED');
    const anonymous = await t.app.inject({ method: 'GET', url: '/admin/users' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('lets the demo caseworker reach a caseworker route and refuses the demo applicant', async () => {
    const cw = await t.app.inject({ method: 'GET', url: '/offices', headers: await t.as(CASEWORKER) });
    expect(cw.statusCode).toBe(200);
    expect(cw.json().map((o: { code: string }) => o.code)).toContain('CNR');
    const ap = await t.app.inject({ method: 'GET', url: '/offices', headers: await t.as(APPLICANT) });
    expect(ap.statusCode).toBe(403);
  });

  it('answers validation errors as problem+json listing the fields at fault', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/admin/users', headers: await t.as(ADMIN), payload: { email: 'not-an-email', role: 'king', password: 'short', extra: 1 } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body).toMatchObject({ code: 'VALIDATION_FAILED', status: 400, type: expect.stringContaining('validation-failed'), title: expect.any(String) });
    const fields = body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['displayName', 'email', 'extra', 'password', 'role']));
    const login = await t.app.inject({ method: 'POST', url: '/auth/login', payload: { email: 'x' } });
    expect(login.statusCode).toBe(400);
    expect(login.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'password']);
  });

  it('limits login attempts per account with 429 and Retry-After', async () => {
    const email = 'caseworker.casablanca@masar.example';
    for (let i = 0; i < 3; i++) expect((await login(email, 'wrong-password-' + i, `10.1.0.${i}`)).statusCode).toBe(401);
    const limited = await login(email, DEMO_PASSWORD, '10.1.0.9');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json().code).toBe('RATE_LIMITED');
  });

  it('answers 500 for an unexpected error with an error id and no stack trace', async () => {
    const pair = (await login(CASEWORKER)).json();
    await t.dataSource.query(`alter table refresh_tokens rename to refresh_tokens_gone`);
    try {
      const res = await t.app.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken: pair.refreshToken } });
      expect(res.statusCode).toBe(500);
      const body = res.json();
      expect(body.code).toBe('INTERNAL');
      expect(body.errorId).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.body).not.toMatch(/at .*\.ts|QueryFailedError|refresh_tokens/);
    } finally {
      await t.dataSource.query(`alter table refresh_tokens_gone rename to refresh_tokens`);
    }
  });
});

describe('login limits per address', () => {
  it('limits login attempts per address across accounts', async () => {
    const limited = await createTestApp({ env: { LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '2', LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: '100' } });
    try {
      const attempt = (email: string) => limited.app.inject({ method: 'POST', url: '/auth/login', payload: { email, password: 'wrong-password' }, remoteAddress: '10.3.0.1' });
      expect((await attempt('a@masar.example')).statusCode).toBe(401);
      expect((await attempt('b@masar.example')).statusCode).toBe(401);
      const third = await attempt('c@masar.example');
      expect(third.statusCode).toBe(429);
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
      // Another address is not affected.
      const other = await limited.app.inject({ method: 'POST', url: '/auth/login', payload: { email: CASEWORKER, password: DEMO_PASSWORD }, remoteAddress: '10.3.0.2' });
      expect(other.statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('a route with no declared policy', () => {
  @Controller('no-policy')
  class NoPolicyController {
    @Get()
    get() {
      return { leaked: true };
    }
  }
  @Module({ controllers: [NoPolicyController] })
  class NoPolicyModule {}

  it('is refused by default, even for a signed-in admin', async () => {
    const t = await createTestApp({ extraModules: [NoPolicyModule] });
    try {
      const res = await t.app.inject({ method: 'GET', url: '/no-policy', headers: await t.as(ADMIN) });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('ACCESS_NO_POLICY');
    } finally {
      await t.close();
    }
  });
});

describe.each(QUEUE_BACKENDS)('readiness on the %s queue backend', (queue) => {
  const run = queue === 'redis' && !redisUrlForTests() ? it.skip : it;
  run('answers 200 with the database and the queue up', async () => {
    const t = await createTestApp({ queue });
    try {
      const res = await t.app.inject({ method: 'GET', url: '/health/ready' });
      expect(res.statusCode).toBe(200);
      expect(res.json().info).toMatchObject({ database: { status: 'up' }, queue: { status: 'up' } });
      const live = await t.app.inject({ method: 'GET', url: '/health/live' });
      expect(live.statusCode).toBe(200);
      const docs = await t.app.inject({ method: 'GET', url: '/docs-json' });
      expect(docs.statusCode).toBe(200);
      expect(Object.keys(docs.json().paths)).toEqual(expect.arrayContaining(['/auth/login', '/admin/users']));
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    } finally {
      await t.close();
    }
  });
});
