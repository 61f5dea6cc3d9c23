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
