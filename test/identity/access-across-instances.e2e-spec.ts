import { Controller, Get, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Allow, CurrentActor, type Actor } from '@masar/identity';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { createTestApp, testConfig, type TestApp } from '@masar/testing';

/**
 * Two API instances on one database, as behind a load balancer. Each keeps who its users are in memory; a change
 * made through one must be obeyed by the other on its very next request (the users trigger's NOTIFY, delivered on
 * commit), and while the other cannot hear notices it must read the database instead of trusting its memory.
 */
/** The actor a process holds for the caller (in memory once known): what access decisions are taken on. */
@Controller('test-actor')
class ActorController {
  @Get()
  @Allow('caseworker', 'supervisor', 'admin')
  actor(@CurrentActor() actor: Actor): Actor {
    return actor;
  }
}
@Module({ controllers: [ActorController] })
class ActorModule {}

describe('access changes reach every API instance at once', () => {
  let a: TestApp;
  let b: NestFastifyApplication;
  const ADMIN = 'admin@masar.example';
  const PASSWORD = 'a-long-enough-password';

  beforeAll(async () => {
    a = await createTestApp({ extraModules: [ActorModule] });
    b = await createApiApp(testConfig(a.db.url, 'postgres'), [ActorModule]);
    await b.init();
    await b.getHttpAdapter().getInstance().ready();
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const listeners = async (): Promise<number> =>
    Number(
      (await a.dataSource.query(`select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name like '%-listen' and state = 'idle'`))[0].n,
    );

  /** A staff user of Rabat signed in through instance A, known (and kept in memory) by instance B. */
  async function signedInOnBoth(email: string): Promise<{ id: string; authorization: string }> {
    const admin = await a.as(ADMIN);
    const created = await a.app.inject({
      method: 'POST',
      url: '/admin/users',
      headers: admin,
      payload: { email, displayName: 'Temp', role: 'caseworker', officeId: a.staff.offices.RAB, password: PASSWORD },
    });
    expect(created.statusCode).toBe(201);
    const login = await a.app.inject({ method: 'POST', url: '/auth/login', payload: { email, password: PASSWORD } });
    const authorization = `Bearer ${login.json().accessToken}`;
    // Both instances listen once they have served a signed-in request; then B keeps the user.
    expect((await a.app.inject({ method: 'GET', url: '/offices', headers: { authorization } })).statusCode).toBe(200);
    expect((await b.inject({ method: 'GET', url: '/offices', headers: { authorization } })).statusCode).toBe(200);
    for (let i = 0; i < 100 && (await listeners()) < 2; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await listeners()).toBe(2);
    expect((await b.inject({ method: 'GET', url: '/offices', headers: { authorization } })).statusCode).toBe(200);
    return { id: created.json().id, authorization };
  }

  /** Changes a user without the trigger's notice: what a process that missed the notice would not know. */
  async function silently(sql: string, id: string): Promise<void> {
    await a.dataSource.transaction(async (m) => {
      await m.query(`alter table users disable trigger users_access_changed`);
      await m.query(sql, [id]);
      await m.query(`alter table users enable trigger users_access_changed`);
    });
  }

  it('refuses on B the next request of a user deactivated through A', async () => {
    const u = await signedInOnBoth('deactivated.on.a@masar.example');
    const off = await a.app.inject({ method: 'POST', url: `/admin/users/${u.id}/deactivate`, headers: await a.as(ADMIN) });
    expect(off.statusCode).toBe(200);
    const next = await b.inject({ method: 'GET', url: '/offices', headers: { authorization: u.authorization } });
    expect(next.statusCode).toBe(401);
    expect(next.json().code).toBe('AUTH_USER_DEACTIVATED');
  });

  it('applies on B at once a role changed through A, and soon one changed by a plain UPDATE', async () => {
    const u = await signedInOnBoth('role.changed@masar.example');
    const changed = await a.app.inject({ method: 'PATCH', url: `/admin/users/${u.id}`, headers: await a.as(ADMIN), payload: { role: 'applicant' } });
    expect(changed.statusCode).toBe(200);
    const refused = await b.inject({ method: 'GET', url: '/offices', headers: { authorization: u.authorization } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('ACCESS_ROLE_REFUSED');

    // A plain UPDATE (a script, a console) has no one waiting for the acknowledgements: B learns it from the notice
    // a moment later, well before the expiry of what it kept.
    const v = await signedInOnBoth('updated.by.hand@masar.example');
    await a.dataSource.query(`update users set active = false where id = $1`, [v.id]);
    const started = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - started < 2000) {
      status = (await b.inject({ method: 'GET', url: '/offices', headers: { authorization: v.authorization } })).statusCode;
      if (status === 200) await new Promise((r) => setTimeout(r, 5));
    }
    expect(status).toBe(401);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('applies on B at once an office moved to another region through A; a rename changes no one\'s access', async () => {
    const u = await signedInOnBoth('region.moved@masar.example');
    const actorOn = async (app: NestFastifyApplication) => (await app.inject({ method: 'GET', url: '/test-actor', headers: { authorization: u.authorization } })).json();
    expect((await actorOn(b)).regionCode).toBe('RSK'); // now kept in B's memory
    const admin = await a.as(ADMIN);
    const rabat = a.staff.offices.RAB;
    const moved = await a.app.inject({ method: 'PATCH', url: `/admin/offices/${rabat}`, headers: admin, payload: { regionCode: 'ZZ' } });
    expect(moved.statusCode).toBe(200);
    expect((await actorOn(b)).regionCode).toBe('ZZ');
    const renamed = await a.app.inject({ method: 'PATCH', url: `/admin/offices/${rabat}`, headers: admin, payload: { name: 'Préfecture de Rabat (renommée)' } });
    expect(renamed.statusCode).toBe(200);
    const me = await b.inject({ method: 'GET', url: '/auth/me', headers: { authorization: u.authorization } });
    expect(me.json().officeName).toBe('Préfecture de Rabat (renommée)');
    const back = await a.app.inject({ method: 'PATCH', url: `/admin/offices/${rabat}`, headers: admin, payload: { regionCode: 'RSK', name: 'Préfecture de Rabat' } });
    expect(back.statusCode).toBe(200);
    expect((await actorOn(b)).regionCode).toBe('RSK');
  });

  it('reads the database while its LISTEN connection is down, and listens again after', async () => {
    const u = await signedInOnBoth('listener.lost@masar.example');
    // Cut every listening connection of this database: B can no longer hear notices.
    await a.dataSource.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and application_name like '%-listen'`);
    await silently(`update users set active = false where id = $1`, u.id);
    const refused = await b.inject({ method: 'GET', url: '/offices', headers: { authorization: u.authorization } });
    expect(refused.statusCode).toBe(401);
    // Both instances reconnect by themselves.
    await silently(`update users set active = true where id = $1`, u.id);
    for (let i = 0; i < 200 && (await listeners()) < 2; i++) {
      await b.inject({ method: 'GET', url: '/offices', headers: { authorization: u.authorization } });
      await a.app.inject({ method: 'GET', url: '/offices', headers: { authorization: u.authorization } });
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await listeners()).toBe(2);
    const off = await a.app.inject({ method: 'POST', url: `/admin/users/${u.id}/deactivate`, headers: await a.as(ADMIN) });
    expect(off.statusCode).toBe(200);
    expect((await b.inject({ method: 'GET', url: '/offices', headers: { authorization: u.authorization } })).statusCode).toBe(401);
  });
});
