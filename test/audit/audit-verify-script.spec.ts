import { Logger } from '@nestjs/common';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { MasarConfig } from '@masar/config';
import { AuditTrail, PublishAuditCheckpoint } from '@masar/audit';
import { createAuditDatabase, openDataSource, type TestDatabase } from './support/audit-database';
import { anAuditEvent } from './support/audit-events';
import { tamper } from './support/tamper';

const ROOT = join(__dirname, '..', '..');
const KEY = randomBytes(32);

/** `npm run audit:verify` as an operator runs it: exit code and what it prints. */
function auditVerify(databaseUrl: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', '@swc-node/register', 'scripts/audit-verify.ts', ...args],
      { cwd: ROOT, env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: databaseUrl, AUDIT_SIGNING_KEY: KEY.toString('base64') }, timeout: 100_000 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? -1) : 0, stdout, stderr }),
    );
  });
}

describe('scripts/audit-verify.ts', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    db = await createAuditDatabase();
    ds = await openDataSource(db.url, 2);
    const trail = new AuditTrail(ds);
    for (let i = 0; i < 12; i++) await trail.recordNow(anAuditEvent());
    await new PublishAuditCheckpoint(ds, { crypto: { auditSigningKeys: { default: KEY }, auditSigningKeyId: 'default' } } as unknown as MasarConfig).execute();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('exits 0 and says INTACT on an untouched chain', async () => {
    const r = await auditVerify(db.url);
    expect(r.stdout).toMatch(/audit chain INTACT/);
    expect(r.stdout).toMatch(/events checked:\s+12/);
    expect(r.stdout).toMatch(/checkpoints checked: 1 \(signatures verified\)/);
    expect(r.code).toBe(0);
  }, 120_000);

  it('compares the chain with the heads published in the worker log', async () => {
    const [cp] = await ds.query('select seq::text as seq, head_hash from audit_checkpoints');
    const log = join(tmpdir(), `audit-heads-${process.pid}.jsonl`);
    const line = (headHash: string) => JSON.stringify({ level: 30, auditCheckpoint: { seq: cp.seq, headHash }, msg: 'audit chain head' });
    writeFileSync(log, ['not json, auditCheckpoint', line(cp.head_hash), ''].join('\n'));
    const same = await auditVerify(db.url, '--published-heads', log);
    expect(same.stdout).toMatch(/published heads compared: 1\n[^]*audit chain INTACT/);
    expect(same.code).toBe(0);

    writeFileSync(log, line('ab'.repeat(32)));
    const other = await auditVerify(db.url, '--published-heads', log);
    expect(other.stdout).toContain(`audit chain BROKEN at seq ${cp.seq}`);
    expect(other.stdout).toMatch(/chain_rewritten/);
    expect(other.code).toBe(1);
    unlinkSync(log);
  }, 120_000);

  it('exits 1 and names the seq and the event of a changed row', async () => {
    const [{ id }] = await ds.query('select id from audit_events where seq = 7');
    await tamper(db.url, `update audit_events set actor_id = 'someone-else' where seq = 7`);
    const r = await auditVerify(db.url);
    expect(r.stdout).toContain(`audit chain BROKEN at seq 7 (event ${id}): row_changed`);
    expect(r.code).toBe(1);
    const json = JSON.parse((await auditVerify(db.url, '--json')).stdout);
    expect(json.firstBreak).toMatchObject({ kind: 'row_changed', seq: '7', id });
  }, 120_000);

  it('exits 2 when it cannot reach the database', async () => {
    const r = await auditVerify('postgres://postgres@127.0.0.1:1/nowhere');
    expect(r.stderr).toMatch(/audit verification could not run/);
    expect(r.code).toBe(2);
  }, 120_000);
});
