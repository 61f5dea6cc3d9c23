import { ADMIN, createCasesTestApp, CW_RABAT, SUP_RABAT, type CasesTestApp } from '../cases/support/cases-test-app';

/** Office administration over HTTP: admin only, validated, audited, and no deactivation while files are open. */
describe('office administration', () => {
  let t: CasesTestApp;
  beforeAll(async () => {
    t = await createCasesTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const send = async (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    t.app.inject({ method, url, payload: payload as never, headers: await t.as(who) });
  const audited = async (action: string, officeId: string): Promise<{ fields: string[]; details: Record<string, unknown> }[]> =>
    t.dataSource.query(`select fields, details from audit_events where action = $1 and subject_type = 'office' and subject_id = $2`, [action, officeId]);

  it('lets an administrator create, list, rename, move, deactivate and reactivate an office, each step audited', async () => {
    const created = await send(ADMIN, 'POST', '/admin/offices', { code: 'BEN', name: 'Province de Béni Mellal', regionCode: 'BMK', kind: 'province' });
    expect(created.statusCode).toBe(201);
    const office = created.json();
    expect(office).toMatchObject({ code: 'BEN', name: 'Province de Béni Mellal', regionCode: 'BMK', kind: 'province', active: true });
    expect(await audited('admin.office_created', office.id)).toEqual([expect.objectContaining({ details: expect.objectContaining({ code: 'BEN', kind: 'province' }) })]);

    const listed = await send(ADMIN, 'GET', '/admin/offices');
    expect(listed.statusCode).toBe(200);
    expect(listed.json().find((o: { id: string }) => o.id === office.id)).toEqual(office);

    const renamed = await send(ADMIN, 'PATCH', `/admin/offices/${office.id}`, { name: 'Préfecture de Béni Mellal', regionCode: 'BK' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ code: 'BEN', name: 'Préfecture de Béni Mellal', regionCode: 'BK', kind: 'province' });
    expect((await audited('admin.office_updated', office.id))[0].fields).toEqual(['name', 'regionCode']);
    // The audit trail holds field names and the code, never the name typed.
    expect(JSON.stringify(await audited('admin.office_updated', office.id))).not.toContain('Mellal');

    const off = await send(ADMIN, 'POST', `/admin/offices/${office.id}/deactivate`);
    expect(off.statusCode).toBe(200);
    expect(off.json().active).toBe(false);
    expect(await audited('admin.office_deactivated', office.id)).toHaveLength(1);
    // No staff is placed in a deactivated office.
    const placed = await send(ADMIN, 'POST', '/admin/users', {
      email: 'new.staff@masar.example',
      displayName: 'New Staff',
      role: 'caseworker',
      officeId: office.id,
      password: 'a-long-enough-password',
    });
    expect(placed.statusCode).toBe(422);
    expect(placed.json().code).toBe('IDENTITY_OFFICE_INACTIVE');

    const on = await send(ADMIN, 'POST', `/admin/offices/${office.id}/reactivate`);
    expect(on.statusCode).toBe(200);
    expect(on.json().active).toBe(true);
    expect(await audited('admin.office_reactivated', office.id)).toHaveLength(1);
  });

  it('refuses caseworkers and supervisors on every office route', async () => {
    const id = t.staff.offices.SAL;
    for (const who of [CW_RABAT, SUP_RABAT]) {
      const answers = [
        await send(who, 'GET', '/admin/offices'),
        await send(who, 'POST', '/admin/offices', { code: 'XYZ', name: 'X', regionCode: 'XY', kind: 'prefecture' }),
        await send(who, 'PATCH', `/admin/offices/${id}`, { name: 'Renamed' }),
        await send(who, 'POST', `/admin/offices/${id}/deactivate`),
        await send(who, 'POST', `/admin/offices/${id}/reactivate`),
      ];
      for (const res of answers) {
        expect(res.statusCode).toBe(403);
        expect(res.json().code).toBe('ACCESS_ROLE_REFUSED');
      }
    }
    const [row] = await t.dataSource.query(`select name, active from offices where id = $1`, [id]);
    expect(row).toEqual({ name: 'Préfecture de Salé', active: true });
    expect((await t.dataSource.query(`select 1 from offices where code = 'XYZ'`)).length).toBe(0);
  });

  it('answers bad input with a problem document naming the fields', async () => {
    const bad = await send(ADMIN, 'POST', '/admin/offices', { code: 'b e', name: '', regionCode: 'RSK', kind: 'consulate', extra: 1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const fields = bad.json().errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['code', 'kind', 'name']));
    const patch = await send(ADMIN, 'PATCH', `/admin/offices/${t.staff.offices.SAL}`, { regionCode: 'not a code', kind: 'province' });
    expect(patch.statusCode).toBe(400);
    expect(patch.headers['content-type']).toContain('application/problem+json');
    const unknown = await send(ADMIN, 'PATCH', '/admin/offices/00000000-0000-4000-8000-000000000000', { name: 'Nowhere' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('IDENTITY_OFFICE_NOT_FOUND');
  });

  it('refuses a second office with a code already in use', async () => {
    const dup = await send(ADMIN, 'POST', '/admin/offices', { code: 'RAB', name: 'Another Rabat', regionCode: 'RSK', kind: 'prefecture' });
    expect(dup.statusCode).toBe(409);
    expect(dup.headers['content-type']).toContain('application/problem+json');
    expect(dup.json().code).toBe('IDENTITY_OFFICE_CODE_TAKEN');
    expect((await t.dataSource.query(`select count(*)::int as n from offices where code = 'RAB'`))[0].n).toBe(1);
  });

  it('refuses to deactivate an office with open files, saying how many, and allows it once they are final', async () => {
    const applicantId = await t.person();
    const files = [];
    for (let i = 0; i < 2; i++) files.push(await t.open({ kind: 'regularisation', applicantId, category: 'residence_five_years', criteriaVersion: 'MA-2014' }));
    const rabat = t.staff.offices.RAB;
    const open = Number((await t.dataSource.query(`select count(*)::int as n from applications where not final and (office_id = $1 or appeal_office_id = $1)`, [rabat]))[0].n);
    expect(open).toBeGreaterThanOrEqual(2);

    const refused = await send(ADMIN, 'POST', `/admin/offices/${rabat}/deactivate`);
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'IDENTITY_OFFICE_HAS_OPEN_FILES', openFiles: open });
    expect((await t.dataSource.query(`select active from offices where id = $1`, [rabat]))[0].active).toBe(true);
    expect(await audited('admin.office_deactivated', rabat)).toHaveLength(0);

    // Closed (as the workflow's final states leave them): nothing open any more, the deactivation goes through.
    await t.dataSource.query(`update applications set final = true where office_id = $1 or appeal_office_id = $1`, [rabat]);
    const allowed = await send(ADMIN, 'POST', `/admin/offices/${rabat}/deactivate`);
    expect(allowed.statusCode).toBe(200);
    expect(allowed.json().active).toBe(false);
  });
});
