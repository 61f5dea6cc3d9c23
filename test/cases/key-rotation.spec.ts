import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { ApplicantRecipientDirectory, CasesModule, ReencryptPersonalData } from '@masar/cases';
import { DocumentsModule } from '@masar/documents';
import { testConfig } from '@masar/testing';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { createCasesTestApp, CW_RABAT, expectStatus, type CasesTestApp } from './support/cases-test-app';

const K1 = randomBytes(32).toString('base64');
const K2 = randomBytes(32).toString('base64');

/** The same database read by an API process configured with other keys (a deployment after a key change). */
async function apiWithKeys(dbUrl: string, dataKeys: string, current: string): Promise<NestFastifyApplication> {
  const app = await createApiApp(testConfig(dbUrl, 'postgres', { DATA_KEYS: dataKeys, DATA_KEY_CURRENT: current, DATABASE_POOL_SIZE: '3' }), [CasesModule, DocumentsModule]);
  await app.init();
  return app;
}

describe('rotating the data key', () => {
  let t: CasesTestApp;
  const others: NestFastifyApplication[] = [];
  beforeAll(async () => {
    t = await createCasesTestApp({ DATA_KEYS: `k1:${K1}`, DATA_KEY_CURRENT: 'k1' });
  });
  afterAll(async () => {
    for (const a of others) await a.close();
    await t?.close();
  });

  it('re-encrypts everything under the new key, once, after which the old key can go', async () => {
    const res = await t.post(CW_RABAT, '/applicants', {
      latinName: 'Awa Coulibaly',
      birthDate: { year: 1992, month: 7, day: 1 },
      nationality: 'ML',
      documents: [{ type: 'passport', number: 'ML998877' }],
      phone: '+212611223344',
      email: 'awa@example.org',
      address: '12 rue des Orangers, Rabat',
      confirmNew: true,
    });
    expectStatus(res, 201);
    const applicantId = res.json().applicantId;
    await t.open({ kind: 'regularisation', applicantId, category: 'work_contract', criteriaVersion: 'MA-2016', facts: { contractMonths: 30 } });
    const keyIds = async () =>
      (
        await t.dataSource.query(
          `select split_part(birth_date_enc, '.', 2) as k from applicants where id = $1
           union all select split_part(phone_enc, '.', 2) from applicants where id = $1
           union all select split_part(email_enc, '.', 2) from applicants where id = $1
           union all select split_part(address_enc, '.', 2) from applicants where id = $1
           union all select split_part(number_enc, '.', 2) from applicant_identity_documents where applicant_id = $1
           union all select split_part(eligibility_facts_enc, '.', 2) from applications where applicant_id = $1`,
          [applicantId],
        )
      ).map((r: { k: string }) => r.k);
    expect(await keyIds()).toEqual(['k1', 'k1', 'k1', 'k1', 'k1', 'k1']);

    const rotated = await apiWithKeys(t.db.url, `k2:${K2},k1:${K1}`, 'k2');
    others.push(rotated);
    const first = await rotated.get(ReencryptPersonalData).run(2);
    expect(first.rewritten).toBeGreaterThanOrEqual(3);
    expect(await keyIds()).toEqual(['k2', 'k2', 'k2', 'k2', 'k2', 'k2']);
    expect((await rotated.get(ReencryptPersonalData).run()).rewritten).toBe(0);

    // With the old key retired, everything still reads, and the document number is still found.
    const retired = await apiWithKeys(t.db.url, `k2:${K2}`, 'k2');
    others.push(retired);
    expect(await retired.get(ApplicantRecipientDirectory).contactOf(applicantId)).toMatchObject({ phone: '+212611223344', email: 'awa@example.org' });
    const found = await t.post(CW_RABAT, '/applicants/duplicate-search', { latinName: 'Nobody', documents: [{ type: 'passport', number: 'ML 998877' }] });
    expect(found.json().map((c: { id: string }) => c.id)).toEqual([applicantId]);
  });
});
