import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const ROOT = join(__dirname, '..', '..');
const KEY = randomBytes(32).toString('base64');

function run(script: string, databaseUrl: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', '@swc-node/register', script, ...args],
      { cwd: ROOT, env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: databaseUrl, AUDIT_SIGNING_KEY: KEY }, timeout: 280_000, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? -1) : 0, stdout, stderr }),
    );
  });
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows as T[];
  } finally {
    await c.end();
  }
}

/** Every index, constraint and trigger of the public schema as text, as the catalog holds them after the migrations. */
const SCHEMA = `
  select 'index ' || x.relname || ': ' || pg_get_indexdef(i.indexrelid) || case when i.indisvalid then '' else ' INVALID' end as d
    from pg_index i join pg_class x on x.oid = i.indexrelid join pg_namespace n on n.oid = x.relnamespace where n.nspname = 'public'
  union all
  select 'constraint ' || c.conrelid::regclass::text || '.' || c.conname || ': ' || pg_get_constraintdef(c.oid)
         || case when c.convalidated then '' else ' NOT VALID' end || case when c.condeferrable then ' DEFERRABLE' else '' end
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace where n.nspname = 'public'
  union all
  select 'trigger ' || t.tgname || ': ' || pg_get_triggerdef(t.oid) || ' ' || t.tgenabled::text
    from pg_trigger t join pg_class r on r.oid = t.tgrelid join pg_namespace n on n.oid = r.relnamespace where n.nspname = 'public' and not t.tgisinternal
  order by 1`;

describe('npm run seed:synthetic (bulk load)', () => {
  let seeded: TestDatabase;
  let fresh: TestDatabase;
  let output: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    [seeded, fresh] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    output = await run('scripts/seed-synthetic.ts', seeded.url, ['--files', '2000', '--seed', '42', '--chunk', '500']);
  }, 300_000);
  afterAll(async () => {
    await seeded?.drop();
    await fresh?.drop();
  });

  it('loads the files with their histories, deadlines, documents and audit events', async () => {
    if (output.code !== 0) throw new Error(`seed-synthetic exited with ${output.code}:\n${output.stderr}`);
    expect(output.stdout).toMatch(/bulk load: \d+ keys, \d+ indexes and \d+ foreign keys off/);
    const [counts] = await query<Record<string, number>>(
      seeded.url,
      `select (select count(*)::int from applications) as applications, (select count(*)::int from applicants) as applicants,
              (select count(*)::int from case_history) as history, (select count(distinct application_id)::int from case_history) as with_history,
              (select count(*)::int from case_deadlines) as deadlines, (select count(*)::int from documents) as documents,
              (select count(*)::int from audit_events) as audit, (select count(distinct kind)::int from applications) as kinds,
              (select count(distinct nationality)::int from applicants) as nationalities,
              (select count(*)::int from applicants where arabic_name is not null and latin_name is not null) as both_scripts`,
    );
    expect(counts).toMatchObject({ applications: 2000, applicants: 2000, with_history: 2000, kinds: 3 });
    expect(counts!.history).toBeGreaterThan(4000);
    expect(counts!.deadlines).toBeGreaterThan(100);
    expect(counts!.documents).toBeGreaterThan(2000);
    expect(counts!.audit).toBe(counts!.history + counts!.applicants);
    expect(counts!.nationalities).toBeGreaterThan(40);
    expect(counts!.both_scripts).toBeGreaterThan(500);
  });

  it('spreads the files like a campaign: kinds and categories in proportion, every stage of each workflow present', async () => {
    const kinds = await query<{ kind: string; n: number }>(seeded.url, 'select kind, count(*)::int as n from applications group by kind');
    const share = Object.fromEntries(kinds.map((k) => [k.kind, k.n / 2000]));
    // Campaign proportions of the generator: regularisation 72 %, renewal 15 %, asylum 13 % (binomial spread at 2,000 files < 1 %).
    expect(share.regularisation).toBeGreaterThan(0.66);
    expect(share.regularisation).toBeLessThan(0.78);
    expect(share.renewal).toBeGreaterThan(0.1);
    expect(share.asylum).toBeGreaterThan(0.08);

    const categories = await query<{ category: string; n: number }>(
      seeded.url,
      `select category, count(*)::int as n from applications where kind = 'regularisation' group by category order by n desc`,
    );
    expect(categories.length).toBeGreaterThanOrEqual(8);
    expect(categories[0]!.n / categories.reduce((a, c) => a + c.n, 0)).toBeLessThan(0.6);

    // Files stand at every kind of stage: open work, decisions awaiting four eyes, appeals, cards, and closed files.
    const states = await query<{ kind: string; state: string; n: number }>(
      seeded.url,
      'select kind, state, count(*)::int as n from applications group by kind, state',
    );
    const of = (kind: string) => new Set(states.filter((s) => s.kind === kind).map((s) => s.state));
    const regularisation = of('regularisation');
    for (const state of ['submitted', 'completeness_check', 'awaiting_documents', 'provincial_review', 'favourable_proposed', 'card_production', 'card_issued', 'appeal_window', 'withdrawn']) {
      expect([state, regularisation.has(state)]).toEqual([state, true]);
    }
    expect(regularisation.size).toBeGreaterThanOrEqual(12);
    const asylum = of('asylum');
    for (const state of ['registered', 'interview_scheduled', 'interviewed', 'protected']) expect([state, asylum.has(state)]).toEqual([state, true]);
    expect(of('renewal').size).toBeGreaterThanOrEqual(4);
    // No state holds most of the files (a generator stuck on one path would).
    expect(Math.max(...states.map((s) => s.n)) / 2000).toBeLessThan(0.5);
  });

  it('ends with the schema of the migrations: every key, index, foreign key and trigger back, valid', async () => {
    const [after, migrated] = await Promise.all([query<{ d: string }>(seeded.url, SCHEMA), query<{ d: string }>(fresh.url, SCHEMA)]);
    expect(after.length).toBeGreaterThan(100);
    expect(after.map((r) => r.d)).toEqual(migrated.map((r) => r.d));
  });

  it('writes an audit chain that npm run audit:verify finds intact', async () => {
    const [{ n }] = await query<{ n: string }>(seeded.url, 'select count(*)::text as n from audit_events');
    const verify = await run('scripts/audit-verify.ts', seeded.url, []);
    expect(verify.stdout).toMatch(/audit chain INTACT/);
    expect(verify.stdout).toMatch(new RegExp(`events checked:\\s+${n}\\b`));
    expect(verify.code).toBe(0);
  }, 120_000);
});
