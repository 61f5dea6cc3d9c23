import { createTestApp, type TestApp } from '@masar/testing';
import { STAGE_WORDS_FOR_TESTS } from '../status/support/stage-words';

const CASEWORKER = 'caseworker.rabat@masar.example';

/** The state lines of a diagram: `  name : description`. */
function stateLines(diagram: string): Map<string, string> {
  return new Map([...diagram.matchAll(/^ {2}(\w+) : (.*)$/gm)].filter((m) => !m[2]!.includes('(')).map((m) => [m[1]!, m[2]!]));
}

describe('the workflow diagram in the language of the reader', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { DATABASE_POOL_SIZE: '4' } });
  });
  afterAll(() => t.close());

  const diagram = async (query: string) =>
    t.app.inject({ method: 'GET', url: `/workflows/regularisation?format=mermaid${query}`, headers: await t.as(CASEWORKER) });

  it.each(['ar', 'fr', 'en', 'es'] as const)('labels each state with the status page’s words for its stage in %s', async (lang) => {
    const res = await diagram(`&lang=${lang}`);
    expect(res.statusCode).toBe(200);
    const states = stateLines(res.body);
    // A state with a running clock carries the clock sign, not the English word.
    expect(states.get('provincial_review')).toBe(`${STAGE_WORDS_FOR_TESTS[lang].under_review.title} ⏱`);
    expect(res.body).not.toMatch(/clock:|at its end:/);
    // The transitions still join the states by their names, which the case page highlights.
    expect(res.body).toContain('  awaiting_documents --> ');
  });

  it('uses English words when no language is asked for', async () => {
    const res = await diagram('');
    expect(stateLines(res.body).get('provincial_review')).toBe(`${STAGE_WORDS_FOR_TESTS.en.under_review.title} ⏱`);
  });

  it('writes the semicolon of a French sentence as an entity, since Mermaid would end the statement there', async () => {
    const res = await diagram('&lang=fr');
    const final = stateLines(res.body).get('rejected_final');
    expect(final).toBe('Votre demande a été rejetée #59; cette décision est définitive.');
    for (const description of stateLines(res.body).values()) expect(description.replace(/#\d+;/g, '')).not.toContain(';');
  });

  it('refuses a language it does not have, with a problem naming the field', async () => {
    const res = await diagram('&lang=de');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'lang' }] });
  });
});
