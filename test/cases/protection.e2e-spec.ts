import { createCasesTestApp, CW_CASA, CW_RABAT, CW2_RABAT, expectStatus, SUP_RABAT, type CasesTestApp } from './support/cases-test-app';

describe('flags and referrals over HTTP', () => {
  let t: CasesTestApp;
  let id: string;
  const today = new Date().toISOString().slice(0, 10);
  beforeAll(async () => {
    t = await createCasesTestApp();
    const applicantId = await t.person({ sex: 'female', latinName: 'Blessing Okafor', nationality: 'NG' });
    id = (await t.open({ kind: 'regularisation', applicantId, category: 'residence_five_years', criteriaVersion: 'MA-2016' })).id;
    expectStatus(await t.act(CW_RABAT, id, 'submit'), 200);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('flags indicators of trafficking, lists the flagged files, and refers to protection with consent', async () => {
    const flag = await t.post(CW_RABAT, `/applications/${id}/flags`, { kind: 'trafficking_indicators', note: 'Passport held by an "employer"; debt for the journey.' });
    expectStatus(flag, 201);
    expectStatus(await t.post(CW2_RABAT, `/applications/${id}/flags`, { kind: 'trafficking_indicators' }), 422);
    expectStatus(await t.post(CW_CASA, `/applications/${id}/flags`, { kind: 'trafficking_indicators' }), 404);
    const flagged = await t.get(SUP_RABAT, '/work-queue?view=office&flag=trafficking_indicators');
    expect(flagged.json().items.map((i: { id: string }) => i.id)).toEqual([id]);

    const noConsent = await t.post(CW_RABAT, `/applications/${id}/referrals`, { service: 'protection', consent: false, consentGivenOn: today });
    expectStatus(noConsent, 422);
    expect(noConsent.json().code).toBe('CASES_CONSENT_REQUIRED');
    expectStatus(await t.post(CW_RABAT, `/applications/${id}/referrals`, { service: 'protection', consent: true, consentGivenOn: today }), 201);
    // The integration services follow a favourable decision.
    const early = await t.post(CW_RABAT, `/applications/${id}/referrals`, { service: 'employment', consent: true, consentGivenOn: today });
    expectStatus(early, 422);

    const view = (await t.get(SUP_RABAT, `/applications/${id}`)).json();
    expect(view.flags).toEqual([expect.objectContaining({ kind: 'trafficking_indicators', clearedAt: null })]);
    expect(view.referrals).toEqual([expect.objectContaining({ service: 'protection', consentGivenOn: today })]);
    const audit = await t.dataSource.query(`select string_agg(to_jsonb(e)::text, '|') as rows from audit_events e where application_id = $1`, [id]);
    expect(audit[0].rows).toContain('case.flag_raised');
    expect(audit[0].rows).not.toContain('employer');

    expectStatus(await t.post(CW_RABAT, `/applications/${id}/flags/${flag.json().id}/clear`, { reason: 'Checked with the NGO: no exploitation found.' }), 403);
    expectStatus(await t.post(SUP_RABAT, `/applications/${id}/flags/${flag.json().id}/clear`, { reason: 'Checked with the NGO: no exploitation found.' }), 200);
    const after = await t.get(SUP_RABAT, '/work-queue?view=office&flag=trafficking_indicators');
    expect(after.json().items).toEqual([]);
  });
});
