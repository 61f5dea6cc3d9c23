import { createCasesTestApp, CW_CASA, CW_RABAT, CW2_RABAT, expectStatus, SUP_RABAT, ADMIN, type CasesTestApp } from './support/cases-test-app';

describe('file integrity on PostgreSQL', () => {
  let t: CasesTestApp;
  beforeAll(async () => {
    t = await createCasesTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  async function submittedFile(): Promise<string> {
    const applicantId = await t.person();
    const { id } = await t.open({ kind: 'regularisation', applicantId, category: 'serious_illness', criteriaVersion: 'MA-2014' });
    expectStatus(await t.act(CW_RABAT, id, 'submit'), 200);
    return id;
  }

  it('lets exactly one of two transitions on the same version win', async () => {
    for (let round = 0; round < 5; round++) {
      const id = await submittedFile();
      const version = await t.version(id);
      const [a, b] = await Promise.all([
        t.act(CW_RABAT, id, 'start_completeness_check', { expectedVersion: version }),
        t.act(CW2_RABAT, id, 'withdraw', { expectedVersion: version, reason: 'The applicant wrote to withdraw the request.' }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const loser = a.statusCode === 409 ? a : b;
      expect(loser.json()).toMatchObject({ code: 'CASES_VERSION_CONFLICT', currentVersion: version + 1 });
      const history = await t.dataSource.query(`select count(*)::int as n from case_history where application_id = $1`, [id]);
      expect(history[0].n).toBe(3);
    }
  });

  it('gives two caseworkers claiming at once two different files, and nothing twice', async () => {
    // Files left by earlier tests are taken out of the pool, so that exactly these six are claimable.
    await t.dataSource.query(`update applications set assignee_id = $1 where assignee_id is null`, [t.staff.users[SUP_RABAT]]);
    const ids = new Set<string>();
    for (let i = 0; i < 6; i++) ids.add(await submittedFile());
    const claims = await Promise.all([CW_RABAT, CW2_RABAT, CW_RABAT, CW2_RABAT, CW_RABAT, CW2_RABAT, CW_RABAT].map((who) => t.post(who, '/work-queue/claim', {})));
    const won = claims.filter((c) => c.statusCode === 200).map((c) => c.json().id);
    expect(won).toHaveLength(6);
    expect(new Set(won)).toEqual(ids);
    const assigned = await t.dataSource.query(`select id, assignee_id from applications where id = any($1::uuid[])`, [[...ids]]);
    expect(assigned.every((a: { assignee_id: string | null }) => a.assignee_id !== null)).toBe(true);
    const left = claims.filter((c) => c.statusCode !== 200);
    for (const l of left) expect(l.json().code).toBe('CASES_NOTHING_TO_CLAIM');
  });

  it('answers 404, not the file, to a caseworker of another office, and lists nothing of it', async () => {
    const id = await submittedFile();
    const seen = await t.get(CW_CASA, `/applications/${id}`);
    expectStatus(seen, 404);
    const unknown = await t.get(CW_CASA, `/applications/00000000-0000-4000-8000-000000000000`);
    expect(seen.body).toBe(unknown.body.replace(/"instance":"[^"]*"/, seen.body.match(/"instance":"[^"]*"/)?.[0] ?? ''));
    expectStatus(await t.act(CW_CASA, id, 'start_completeness_check'), 404);
    expectStatus(await t.post(CW_CASA, `/applications/${id}/notes`, { body: 'Looking around.' }), 404);
    const queue = await t.get(CW_CASA, '/work-queue?view=office&limit=100');
    expect(queue.json().items.map((i: { id: string }) => i.id)).not.toContain(id);
    // An administrator manages users but reads no case file.
    expectStatus(await t.get(ADMIN, `/applications/${id}`), 403);
  });

  it('writes the outbox messages of a transition in its transaction, and none for a refused one', async () => {
    const id = await submittedFile();
    const before = await t.dataSource.query(`select count(*)::int as n from outbox_messages`);
    const refused = await t.act(CW_RABAT, id, 'propose_favourable');
    expectStatus(refused, 422);
    const after = await t.dataSource.query(`select count(*)::int as n from outbox_messages`);
    expect(after[0].n).toBe(before[0].n);

    expectStatus(await t.act(CW_RABAT, id, 'start_completeness_check'), 200);
    const dueDate = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const rfi = await t.act(CW_RABAT, id, 'request_documents', { data: { requested: ['proof_of_residence', 'photo'], dueDate } });
    expectStatus(rfi, 200);
    const messages = await t.dataSource.query(
      `select o.job_name, o.payload, o.available_at from outbox_messages o
        where o.payload->>'applicationId' = $1::text or o.payload->>'notificationId' in (select id::text from notifications where application_id = $1::uuid)
        order by o.created_at, o.job_name`,
      [id],
    );
    const jobs = messages.map((m: { job_name: string }) => m.job_name);
    expect(jobs).toEqual(['letters.receipt', 'notifications.dispatch', 'cases.clock.changed', 'notifications.dispatch']);
    const clock = messages.find((m: { job_name: string }) => m.job_name === 'cases.clock.changed');
    expect(clock.available_at.toISOString()).toBe(`${dueDate}T23:59:59.000Z`);
    const [notification] = await t.dataSource.query(`select event, params from notifications where application_id = $1 and event = 'information.requested'`, [id]);
    expect(notification.params).toEqual({ reference: expect.stringMatching(/^MA-/), documents: ['proof_of_residence', 'photo'], dueDate });
    const [row] = await t.dataSource.query(`select due_at from applications where id = $1`, [id]);
    expect(row.due_at.toISOString()).toBe(`${dueDate}T23:59:59.000Z`);
  });

  it('lets a supervisor assign, reassign and transfer; the old office then sees nothing', async () => {
    const id = await submittedFile();
    expectStatus(await t.post(CW_RABAT, `/applications/${id}/transfer`, { officeId: t.staff.offices.CAS, reason: 'The applicant moved to Casablanca in May.', expectedVersion: 2 }), 403);
    const assign = await t.app.inject({ method: 'PUT', url: `/applications/${id}/assignment`, headers: await t.as(SUP_RABAT), payload: { assigneeId: t.staff.users[CW2_RABAT] } });
    expectStatus(assign, 200);
    const mine = await t.get(CW2_RABAT, '/work-queue?view=mine');
    expect(mine.json().items.map((i: { id: string }) => i.id)).toContain(id);
    const wrong = await t.app.inject({ method: 'PUT', url: `/applications/${id}/assignment`, headers: await t.as(SUP_RABAT), payload: { assigneeId: t.staff.users[CW_CASA] } });
    expectStatus(wrong, 422);
    // The assignment was a step of the history: version 3 now.
    const moved = await t.post(SUP_RABAT, `/applications/${id}/transfer`, { officeId: t.staff.offices.CAS, reason: 'The applicant moved to Casablanca in May.', expectedVersion: 3 });
    expectStatus(moved, 200);
    expectStatus(await t.get(CW2_RABAT, `/applications/${id}`), 404);
    const casa = await t.get(CW_CASA, `/work-queue?view=unassigned`);
    expect(casa.json().items.map((i: { id: string }) => i.id)).toContain(id);
  });
});
