import { QUEUES } from '@masar/queue';
import { createTestApp, describeWithRedis, type QueueKind, type TestApp } from '@masar/testing';
import { ADMIN, APPLICANT, CASEWORKER } from './support/notifications-harness';

/** A supervisor runs an office's decisions, not the platform's queues. */
const SUPERVISOR = 'supervisor.rabat@masar.example';

function suite(queue: QueueKind) {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ queue });
  });
  afterAll(async () => t?.close());

  it('refuses anyone who is not signed in', async () => {
    for (const url of ['/admin/queues', '/admin/queues/api/queues']) {
      const r = await t.app.inject({ method: 'GET', url });
      expect(r.statusCode).toBe(401);
      expect(r.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('refuses caseworkers, supervisors and applicants, even with a dashboard cookie holding their token', async () => {
    for (const who of [CASEWORKER, SUPERVISOR, APPLICANT]) {
      const headers = await t.as(who);
      expect((await t.app.inject({ method: 'GET', url: '/admin/queues/api/queues', headers })).statusCode).toBe(403);
      const cookie = `masar_queues=${headers.authorization.slice('Bearer '.length)}`;
      expect((await t.app.inject({ method: 'GET', url: '/admin/queues/api/queues', headers: { cookie } })).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'POST', url: '/admin/queues-session', headers })).statusCode).toBe(403);
    }
  });

  it('shows an admin the page and every queue, by bearer token or by the session cookie', async () => {
    const headers = await t.as(ADMIN);
    const page = await t.app.inject({ method: 'GET', url: '/admin/queues', headers });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Masar queues');

    const session = await t.app.inject({ method: 'POST', url: '/admin/queues-session', headers });
    expect(session.statusCode).toBe(204);
    const setCookie = String(session.headers['set-cookie']);
    expect(setCookie).toMatch(/^masar_queues=[^;]+; Path=\/admin\/queues; HttpOnly; SameSite=Strict; Max-Age=\d+/);

    const api = await t.app.inject({ method: 'GET', url: '/admin/queues/api/queues', headers: { cookie: setCookie.split(';')[0]! } });
    expect(api.statusCode).toBe(200);
    const names = api.json().queues.map((q: { name: string }) => q.name).sort();
    expect(names).toEqual([...QUEUES].sort());
    expect(names).toContain('notifications');
  });

  it('refuses a forged or stale cookie', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/admin/queues/api/queues', headers: { cookie: 'masar_queues=eyJhbGciOiJIUzI1NiJ9.e30.forged' } });
    expect(r.statusCode).toBe(401);
  });
}

describe('queue dashboard at /admin/queues (PostgreSQL queue backend)', () => suite('postgres'));
describeWithRedis('queue dashboard at /admin/queues (Redis queue backend)', () => suite('redis'));
