import { generateReference } from '@masar/cases';
import { LANGUAGES } from '@masar/letters';
import { createTestApp, type TestApp } from '@masar/testing';
import { STAGE_WORDS_FOR_TESTS } from './support/stage-words';
import { aFile, anAccessCode, anAddress } from './support/status-files';

describe('POST /status', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const ask = (payload: Record<string, unknown>, opts: { ip?: string; headers?: Record<string, string> } = {}) =>
    t.app.inject({ method: 'POST', url: '/status', payload, remoteAddress: opts.ip ?? anAddress(), headers: opts.headers });

  it('answers the holder of the receipt with the stage, what to do and by when, in their language', async () => {
    const file = await aFile(t, {
      language: 'fr',
      state: 'awaiting_documents',
      events: [{ type: 'documents_requested', params: { documents: ['proof_of_residence'], dueDate: '2027-01-29' } }],
    });
    const res = await ask({ reference: file.reference, accessCode: file.accessCode });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body).toMatchObject({
      reference: file.reference,
      language: 'fr',
      direction: 'ltr',
      application: 'Régularisation',
      office: 'Préfecture de Rabat',
      stage: { code: 'documents_needed', title: 'Il manque des documents dans votre dossier.' },
      toDo: [{ action: 'provide_documents', dueOn: '2027-01-29' }],
    });
    expect(body.toDo[0].text).toContain('au plus tard le 29 janvier 2027');
    // Nothing the applicant does not already hold.
    expect(res.body).not.toContain('Aminata');
    expect(res.body).not.toContain(file.applicationId);
    expect(res.body).not.toContain(file.accessCode);
    expect(res.body).not.toContain('awaiting_documents');
  });

  it('tells an asylum seeker where and when the interview is, in Morocco’s time', async () => {
    const file = await aFile(t, {
      language: 'en',
      kind: 'asylum',
      state: 'interview_scheduled',
      interview: { at: '2027-04-20T09:30:00.000Z', place: 'Office 4, Prefecture of Rabat', interpreterLanguage: 'ar' },
    });
    const body = (await ask({ reference: file.reference, accessCode: file.accessCode })).json();
    expect(body.stage.code).toBe('interview_planned');
    expect(body.toDo).toEqual([
      {
        action: 'attend_interview',
        text: 'Come to your interview on 20 April 2027 at 10:30, Office 4, Prefecture of Rabat. An interpreter will be there.',
        at: '2027-04-20T09:30:00.000Z',
        place: 'Office 4, Prefecture of Rabat',
      },
    ]);
  });

  it('tells a refused applicant until when they may appeal, and a granted one where to collect the card', async () => {
    const refused = await aFile(t, {
      language: 'es',
      state: 'appeal_window',
      events: [{ type: 'decision_unfavourable', params: { reasons: ['no'], appealDeadline: '2027-03-12' } }],
    });
    expect((await ask({ reference: refused.reference, accessCode: refused.accessCode })).json().toDo).toEqual([
      { action: 'appeal', text: 'Puede recurrir hasta el 12 de marzo de 2027 inclusive.', dueOn: '2027-03-12' },
    ]);
    const granted = await aFile(t, { language: 'fr', state: 'card_ready', events: [{ type: 'card_ready', params: { place: 'Préfecture de Rabat, guichet 2' } }] });
    expect((await ask({ reference: granted.reference, accessCode: granted.accessCode })).json().toDo).toEqual([
      { action: 'collect_card', text: 'Retirez votre carte à : Préfecture de Rabat, guichet 2.', place: 'Préfecture de Rabat, guichet 2' },
    ]);
  });

  it('accepts the reference and code as a person types them: lower case, spaces, O for 0', async () => {
    const file = await aFile(t);
    const typed = (s: string) => s.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o');
    const res = await ask({ reference: typed(file.reference), accessCode: typed(file.accessCode) });
    expect(res.statusCode).toBe(200);
    expect(res.json().reference).toBe(file.reference);
  });

  describe.each(LANGUAGES)('in %s', (language) => {
    it("answers in the applicant's own language by default", async () => {
      const file = await aFile(t, { language, state: 'provincial_review' });
      const res = await ask({ reference: file.reference, accessCode: file.accessCode });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        language,
        direction: language === 'ar' ? 'rtl' : 'ltr',
        stage: { code: 'under_review', title: STAGE_WORDS_FOR_TESTS[language].under_review.title },
        nextStep: STAGE_WORDS_FOR_TESTS[language].under_review.next,
      });
    });

    it('answers in the language asked by Accept-Language, and fails in it too', async () => {
      const file = await aFile(t, { language: language === 'fr' ? 'ar' : 'fr', state: 'provincial_review' });
      const ok = await ask({ reference: file.reference, accessCode: file.accessCode }, { headers: { 'accept-language': `${language}-MA,${language};q=0.9` } });
      expect(ok.json().language).toBe(language);
      const failed = await ask({ reference: file.reference, accessCode: anAccessCode() }, { headers: { 'accept-language': language } });
      expect(failed.json()).toMatchObject({ code: 'STATUS_NO_MATCH', language });
    });
  });

  it('lets the page choose the language over Accept-Language', async () => {
    const file = await aFile(t, { language: 'fr' });
    const res = await ask({ reference: file.reference, accessCode: file.accessCode, language: 'es' }, { headers: { 'accept-language': 'ar' } });
    expect(res.json().language).toBe('es');
  });

  it('answers an unknown reference and a wrong code alike: same status, same body, same size', async () => {
    const file = await aFile(t);
    const wrong = await ask({ reference: file.reference, accessCode: anAccessCode() });
    const unknown = await ask({ reference: (await aFileNotStored()).reference, accessCode: anAccessCode() });
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toBe(wrong.body);
    expect(unknown.headers['content-length']).toBe(wrong.headers['content-length']);
    expect(unknown.headers['content-type']).toBe(wrong.headers['content-type']);
    expect(wrong.json().code).toBe('STATUS_NO_MATCH');
  });

  it('takes about the same time to refuse an unknown reference as a wrong code', async () => {
    const files = await Promise.all(Array.from({ length: 8 }, () => aFile(t)));
    const time = async (payload: Record<string, unknown>) => {
      const start = process.hrtime.bigint();
      await ask(payload);
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const wrong: number[] = [];
    const unknown: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const f of files) {
        // Alternating the two kinds, so that a slow moment of the machine falls on both.
        wrong.push(await time({ reference: f.reference, accessCode: anAccessCode() }));
        unknown.push(await time({ reference: (await aFileNotStored()).reference, accessCode: anAccessCode() }));
      }
    }
    const ratio = median(unknown) / median(wrong);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it('tells a mistyped reference apart, since its check symbol is public knowledge', async () => {
    const file = await aFile(t);
    const last = file.reference.slice(-1);
    const mistyped = file.reference.slice(0, -1) + (last === 'A' ? 'B' : 'A');
    const res = await ask({ reference: mistyped, accessCode: file.accessCode, language: 'en' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'STATUS_REFERENCE_MISTYPED', detail: 'This reference cannot exist: check each character against your receipt.' });
  });

  it('never takes the secrets from the URL', async () => {
    const file = await aFile(t);
    const res = await t.app.inject({ method: 'GET', url: `/status?reference=${file.reference}&accessCode=${file.accessCode}` });
    expect(res.statusCode).not.toBe(200);
  });

  it('refuses a body with other fields or oversized values', async () => {
    const res = await ask({ reference: 'MA-7K3Q-9XWD', accessCode: 'x'.repeat(200), extra: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', instance: '/status' });
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['extra', 'accessCode']);
  });

  it('goes through the application-wide hooks: request id, security headers, and a problem for malformed JSON', async () => {
    const file = await aFile(t);
    const res = await ask({ reference: file.reference, accessCode: file.accessCode }, { headers: { 'x-request-id': 'status-check-0001' } });
    expect(res.headers['x-request-id']).toBe('status-check-0001');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    const malformed = await t.app.inject({ method: 'POST', url: '/status', headers: { 'content-type': 'application/json' }, payload: '{"reference":' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
  });

  it('is documented in the OpenAPI document, with its answer and its problems', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs-json' })).json();
    const op = doc.paths['/status'].post;
    expect(op.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/StatusRequestDto');
    expect(op.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/StatusAnswer');
    expect(Object.keys(op.responses)).toEqual(['200', '400', '404', '422', '429']);
    expect(doc.components.schemas.StatusRequestDto.required).toEqual(['reference', 'accessCode']);
  });
});

/** A well-formed reference that no stored file holds (35 random bits: a collision with a seeded file is negligible). */
async function aFileNotStored(): Promise<{ reference: string }> {
  return { reference: generateReference() };
}
