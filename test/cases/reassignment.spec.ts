import { ADMIN, createCasesTestApp, CW_CASA, CW_RABAT, CW2_RABAT, expectStatus, SUP_RABAT, type CasesTestApp } from './support/cases-test-app';

/** A supervisor gives a file to another caseworker of its office: whom they may pick, the reason, the version. */
describe('reassignment by a supervisor', () => {
  let t: CasesTestApp;
  beforeAll(async () => {
    t = await createCasesTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const put = async (who: string, id: string, payload: unknown) => t.app.inject({ method: 'PUT', url: `/applications/${id}/assignment`, headers: await t.as(who), payload: payload as never });

  async function submittedFile(): Promise<string> {
    const applicantId = await t.person();
    const { id } = await t.open({ kind: 'regularisation', applicantId, category: 'serious_illness', criteriaVersion: 'MA-2014' });
    expectStatus(await t.act(CW_RABAT, id, 'submit'), 200);
    return id;
  }

  it('lists the active staff of an office the supervisor supervises, and only those offices', async () => {
    const staff = await t.get(SUP_RABAT, `/offices/${t.staff.offices.RAB}/staff`);
    expectStatus(staff, 200);
    const names = staff.json().map((s: { displayName: string; role: string }) => `${s.role}:${s.displayName}`);
    expect(names).toEqual(['caseworker:Salma Caseworker (Rabat)', 'caseworker:Youssef Caseworker (Rabat)', 'supervisor:Karim Supervisor (Rabat)']);
    expect(staff.body).not.toContain('@');
    // Salé is in the Rabat supervisor's region; Casablanca is not, and is answered like an unknown office.
    expectStatus(await t.get(SUP_RABAT, `/offices/${t.staff.offices.SAL}/staff`), 200);
    const casa = await t.get(SUP_RABAT, `/offices/${t.staff.offices.CAS}/staff`);
    expectStatus(casa, 404);
    expect(casa.json().code).toBe('IDENTITY_OFFICE_NOT_FOUND');
    expect((await t.get(SUP_RABAT, `/offices/00000000-0000-4000-8000-000000000000/staff`)).json().code).toBe('IDENTITY_OFFICE_NOT_FOUND');
    expectStatus(await t.get(CW_RABAT, `/offices/${t.staff.offices.RAB}/staff`), 403);
    expectStatus(await t.get(ADMIN, `/offices/${t.staff.offices.RAB}/staff`), 403);
  });

  it('reassigns with a reason as a step of the history; the new caseworker finds it in "mine"', async () => {
    const id = await submittedFile();
    const v = await t.version(id);
    expectStatus(await put(SUP_RABAT, id, { assigneeId: t.staff.users[CW_RABAT], expectedVersion: v }), 200);
    const moved = await put(SUP_RABAT, id, { assigneeId: t.staff.users[CW2_RABAT], reason: 'Youssef is on leave until Monday.', expectedVersion: v + 1 });
    expectStatus(moved, 200);
    expect(moved.json()).toEqual({ id, assigneeId: t.staff.users[CW2_RABAT], version: v + 2 });
    const file = (await t.get(SUP_RABAT, `/applications/${id}`)).json();
    expect(file.assigneeId).toBe(t.staff.users[CW2_RABAT]);
    expect(file.history.at(-1)).toMatchObject({ action: 'assign', from: 'submitted', to: 'submitted', reason: 'Youssef is on leave until Monday.', version: v + 2 });
    const mine = await t.get(CW2_RABAT, '/work-queue?view=mine');
    expect(mine.json().items.map((i: { id: string }) => i.id)).toContain(id);
    expect((await t.get(CW_RABAT, '/work-queue?view=mine')).json().items.map((i: { id: string }) => i.id)).not.toContain(id);
  });

  it('refuses a stale version (409), staff of another office and a deactivated caseworker (422), and changes nothing', async () => {
    const id = await submittedFile();
    const v = await t.version(id);
    const stale = await put(SUP_RABAT, id, { assigneeId: t.staff.users[CW2_RABAT], expectedVersion: v - 1 });
    expectStatus(stale, 409);
    expect(stale.json()).toMatchObject({ code: 'CASES_VERSION_CONFLICT', currentVersion: v });
    const other = await put(SUP_RABAT, id, { assigneeId: t.staff.users[CW_CASA], reason: 'Nadia knows this family.', expectedVersion: v });
    expectStatus(other, 422);
    expect(other.json().code).toBe('CASES_ASSIGNEE_INVALID');
    await t.dataSource.query(`update users set active = false where id = $1`, [t.staff.users[CW2_RABAT]]);
    try {
      const inactive = await put(SUP_RABAT, id, { assigneeId: t.staff.users[CW2_RABAT], expectedVersion: v });
      expectStatus(inactive, 422);
      expect(inactive.json().code).toBe('CASES_ASSIGNEE_INVALID');
      const staff = (await t.get(SUP_RABAT, `/offices/${t.staff.offices.RAB}/staff`)).json();
      expect(staff.map((s: { id: string }) => s.id)).not.toContain(t.staff.users[CW2_RABAT]);
    } finally {
      await t.dataSource.query(`update users set active = true where id = $1`, [t.staff.users[CW2_RABAT]]);
    }
    const [row] = await t.dataSource.query(`select assignee_id, version from applications where id = $1`, [id]);
    expect(row).toEqual({ assignee_id: null, version: v });
    expectStatus(await put(SUP_RABAT, id, { assigneeId: t.staff.users[CW2_RABAT], reason: 'x' }), 400);
  });

  it('lets exactly one of two supervisors reassigning the same version win', async () => {
    const id = await submittedFile();
    const v = await t.version(id);
    const [a, b] = await Promise.all([
      put(SUP_RABAT, id, { assigneeId: t.staff.users[CW_RABAT], reason: 'Counter duty this week.', expectedVersion: v }),
      put(SUP_RABAT, id, { assigneeId: t.staff.users[CW2_RABAT], reason: 'Speaks the applicant’s language.', expectedVersion: v }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
  });
});
