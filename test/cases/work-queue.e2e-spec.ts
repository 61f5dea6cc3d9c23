import { createCasesTestApp, CW_RABAT, CW2_RABAT, expectStatus, REASON, SUP_RABAT, ADMIN, type CasesTestApp } from './support/cases-test-app';

const DAY = 86_400_000;

describe('work queues, workflows and criteria over HTTP', () => {
  let t: CasesTestApp;
  const files: string[] = [];
  beforeAll(async () => {
    t = await createCasesTestApp();
    const applicantId = await t.person();
    for (let i = 0; i < 23; i++) {
      const { id } = await t.open({ kind: 'regularisation', applicantId, category: i % 2 ? 'work_contract' : 'residence_five_years', criteriaVersion: 'MA-2014' });
      files.push(id);
    }
    // Deadlines spread from two and a half days overdue to nineteen and a half days ahead, as clocks would leave them.
    for (const [i, id] of files.entries()) {
      await t.dataSource.query(`update applications set due_at = $2 where id = $1`, [id, new Date(Date.now() + (i - 3) * DAY + DAY / 2)]);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const ids = (res: { json: () => any }) => res.json().items.map((i: { id: string }) => i.id);

  it('pages the office queue by deadline with a keyset cursor, each file once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await t.get(CW_RABAT, `/work-queue?view=office&limit=10${cursor ? `&cursor=${cursor}` : ''}`);
      expectStatus(res, 200);
      if (pages === 0) expect(res.json().counts).toEqual({ draft: 23 });
      else expect(res.json().counts).toBeUndefined();
      seen.push(...ids(res));
      cursor = res.json().nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(files);
    expectStatus(await t.get(CW_RABAT, '/work-queue?cursor=not-a-cursor'), 400);
  });

  it('shows overdue files, files due this week, and filters', async () => {
    const overdue = await t.get(CW_RABAT, '/work-queue?view=overdue');
    expect(ids(overdue)).toEqual(files.slice(0, 3));
    expect(overdue.json().items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
    const week = await t.get(CW_RABAT, '/work-queue?view=due_this_week');
    expect(ids(week)).toEqual(files.slice(3, 10));
    const work = await t.get(CW_RABAT, '/work-queue?view=office&category=work_contract&limit=100');
    expect(ids(work)).toEqual(files.filter((_, i) => i % 2));
    const none = await t.get(CW_RABAT, '/work-queue?view=office&nationality=ML');
    expect(ids(none)).toEqual([]);
    expectStatus(await t.get(CW_RABAT, '/work-queue?view=everything'), 400);
  });

  it('separates mine, unassigned, and what awaits my confirmation', async () => {
    const claimed = await t.post(CW_RABAT, '/work-queue/claim', {});
    expectStatus(claimed, 200);
    expect(claimed.json().id).toBe(files[0]);
    expect(ids(await t.get(CW_RABAT, '/work-queue?view=mine'))).toEqual([files[0]]);
    expect(ids(await t.get(CW2_RABAT, '/work-queue?view=mine'))).toEqual([]);
    expect(ids(await t.get(CW_RABAT, '/work-queue?view=unassigned&limit=100'))).not.toContain(files[0]);

    const id = files[0]!;
    await t.documentsVerified(id);
    for (const a of ['submit', 'start_completeness_check', 'accept_as_complete']) expectStatus(await t.act(CW_RABAT, id, a), 200);
    expectStatus(await t.act(CW_RABAT, id, 'propose_unfavourable', { reason: REASON }), 200);
    const awaiting = await t.get(SUP_RABAT, '/work-queue?view=awaiting_my_confirmation');
    expect(ids(awaiting)).toEqual([id]);
    // A caseworker has nothing to confirm.
    expect(ids(await t.get(CW_RABAT, '/work-queue?view=awaiting_my_confirmation'))).toEqual([]);
  });

  it('serves each workflow as JSON and as a Mermaid state diagram', async () => {
    const json = await t.get(CW_RABAT, '/workflows/asylum');
    expectStatus(json, 200);
    expect(json.json().transitions.find((x: { action: string }) => x.action === 'grant_on_appeal')).toMatchObject({ scope: 'appeal_body', guards: ['different_officer_than_first_decision', 'interview_held'] });
    const mermaid = await t.get(CW_RABAT, '/workflows/regularisation?format=mermaid');
    expect(mermaid.headers['content-type']).toMatch(/^text\/plain/);
    expect(mermaid.body).toMatch(/^stateDiagram-v2\n/);
    const byAccept = await t.get(ADMIN, '/workflows/renewal', { accept: 'text/plain' });
    expect(byAccept.body).toContain('expiry_upcoming --> lapsed : lapse (system)');
    expectStatus(await t.get(CW_RABAT, '/workflows/citizenship'), 404);
  });

  it('puts refused files that new criteria accept in a review worklist, once', async () => {
    const woman = await t.person({ latinName: 'Mariam Traoré', sex: 'female' });
    const { id } = await t.open({ kind: 'regularisation', applicantId: woman, category: 'work_contract', criteriaVersion: 'MA-2014', facts: { sex: 'female', contractMonths: 8 } });
    const man = await t.person({ latinName: 'Sekou Traoré', sex: 'male' });
    const { id: other } = await t.open({ kind: 'regularisation', applicantId: man, category: 'work_contract', criteriaVersion: 'MA-2014', facts: { sex: 'male', contractMonths: 8 } });
    for (const f of [id, other]) {
      await t.documentsVerified(f);
      for (const a of ['submit', 'start_completeness_check', 'accept_as_complete']) expectStatus(await t.act(CW_RABAT, f, a), 200);
      expectStatus(await t.act(CW_RABAT, f, 'propose_unfavourable', { reason: REASON }), 200);
      expectStatus(await t.act(SUP_RABAT, f, 'confirm_unfavourable', { reason: REASON }), 200);
    }
    expectStatus(await t.post(SUP_RABAT, '/criteria/publications', { criteriaVersion: 'MA-2014-R' }), 403);
    const published = await t.post(ADMIN, '/criteria/publications', { criteriaVersion: 'MA-2014-R' });
    expectStatus(published, 201);
    expect(published.json()).toMatchObject({ criteriaVersion: 'MA-2014-R', reviewed: 2, worklist: 1 });
    const list = await t.get(SUP_RABAT, '/criteria/review-worklist');
    expect(list.json()).toEqual([expect.objectContaining({ applicationId: id, previousVersion: 'MA-2014', newVersion: 'MA-2014-R', suggestedCategory: 'woman' })]);
    const versions = (await t.get(SUP_RABAT, '/criteria')).json();
    expect(versions.find((v: { id: string }) => v.id === 'MA-2014-R')).toMatchObject({ effectiveFrom: expect.any(String), publishedAt: expect.any(String), reviewItems: 1 });
    expect(versions.find((v: { id: string }) => v.id === 'MA-2014')).toMatchObject({ publishedAt: null, reviewItems: 0 });
    const again = await t.post(ADMIN, '/criteria/publications', { criteriaVersion: 'MA-2014-R' });
    expect(again.json()).toMatchObject({ reviewed: 0, worklist: 1 });
    // New files now apply the published version.
    const fresh = await t.open({ kind: 'regularisation', applicantId: woman, category: 'woman' });
    const [row] = await t.dataSource.query(`select criteria_version from applications where id = $1`, [fresh.id]);
    expect(row.criteria_version).toBe('MA-2014-R');
  });

  it('documents its routes and their bodies in OpenAPI', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/docs-json' });
    expectStatus(res, 200);
    const doc = res.json();
    for (const path of ['/applicants', '/applicants/duplicate-search', '/applications', '/applications/{id}', '/applications/{id}/transitions', '/work-queue', '/work-queue/claim', '/workflows/{kind}', '/criteria/publications']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    const transition = doc.paths['/applications/{id}/transitions'].post;
    expect(Object.keys(transition.responses).sort()).toEqual(expect.arrayContaining(['200', '403', '409', '422']));
    expect(doc.components.schemas.TransitionDto.required).toEqual(expect.arrayContaining(['action', 'expectedVersion']));
  });
});
