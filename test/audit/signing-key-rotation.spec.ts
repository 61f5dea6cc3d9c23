import { Logger } from '@nestjs/common';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { loadConfig, ConfigError, type MasarConfig } from '@masar/config';
import { AuditTrail, PublishAuditCheckpoint, verifyAuditChain } from '@masar/audit';
import { createAuditDatabase, openDataSource, type TestDatabase } from './support/audit-database';
import { anAuditEvent } from './support/audit-events';
import { tamper } from './support/tamper';

const ROOT = join(__dirname, '..', '..');
const K1 = randomBytes(32);
const K2 = randomBytes(32);
const b64 = (k: Buffer) => k.toString('base64');

const signingWith = (keys: Record<string, Buffer>): MasarConfig =>
  ({ crypto: { auditSigningKeys: keys, auditSigningKeyId: Object.keys(keys)[0]! } }) as MasarConfig;

/** `npm run audit:verify` with the keyring given in the environment. */
function auditVerify(databaseUrl: string, env: Record<string, string>): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', '@swc-node/register', 'scripts/audit-verify.ts'],
      { cwd: ROOT, env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: databaseUrl, AUDIT_SIGNING_KEY: '', ...env }, timeout: 100_000 },
      (err, stdout) => resolve({ code: err ? ((err as { code?: number }).code ?? -1) : 0, stdout }),
    );
  });
}

describe('audit signing key rotation', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let trail: AuditTrail;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    db = await createAuditDatabase();
    ds = await openDataSource(db.url, 2);
    trail = new AuditTrail(ds);
    // Signed under k1, then the operator rotates: k2 first (it signs), k1 kept (it verifies the old checkpoints).
    for (let i = 0; i < 5; i++) await trail.recordNow(anAuditEvent());
    await new PublishAuditCheckpoint(ds, signingWith({ k1: K1 })).execute();
    for (let i = 0; i < 5; i++) await trail.recordNow(anAuditEvent());
    const published = await new PublishAuditCheckpoint(ds, signingWith({ k2: K2, k1: K1 })).execute();
    expect(published).toMatchObject({ seq: '10', keyId: 'k2', written: true });
    await trail.recordNow(anAuditEvent());
    await new PublishAuditCheckpoint(ds, signingWith({ k2: K2, k1: K1 })).execute();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('stores the signing key id with each checkpoint', async () => {
    expect(await ds.query(`select seq::text as seq, key_id from audit_checkpoints c order by c.seq`)).toEqual([
      { seq: '5', key_id: 'k1' },
      { seq: '10', key_id: 'k2' },
      { seq: '11', key_id: 'k2' },
    ]);
  });

  it('verifies the whole chain across the rotation and says which key signed what', async () => {
    const r = await verifyAuditChain(ds, { signingKeys: { k2: K2, k1: K1 } });
    expect(r).toMatchObject({ ok: true, eventsChecked: 11, checkpointsChecked: 3, signaturesChecked: true, lastCheckpoint: { seq: '11', keyId: 'k2' } });
    expect(r.signingKeys).toEqual([
      { keyId: 'k1', checkpoints: 1, firstSeq: '5', lastSeq: '5' },
      { keyId: 'k2', checkpoints: 2, firstSeq: '10', lastSeq: '11' },
    ]);
  });

  it('fails on a checkpoint whose key the keyring no longer holds', async () => {
    const r = await verifyAuditChain(ds, { signingKeys: { k2: K2 } });
    expect(r.ok).toBe(false);
    expect(r.firstBreak).toMatchObject({ kind: 'checkpoint_key_unknown', seq: '5', found: 'k1' });
    // A key of the same id but other bytes is not the key: the signature fails.
    expect((await verifyAuditChain(ds, { signingKeys: { k2: K2, k1: randomBytes(32) } })).firstBreak).toMatchObject({ kind: 'checkpoint_forged', seq: '5' });
  });

  it('fails on a tampered checkpoint, whichever key it names', async () => {
    const [cp] = await ds.query(`select id, key_id, signature from audit_checkpoints where seq = 10`);
    // Relabelled as signed by k1: the k2 signature does not verify under k1.
    await tamper(db.url, `update audit_checkpoints set key_id = 'k1' where id = '${cp.id}'`);
    expect((await verifyAuditChain(ds, { signingKeys: { k2: K2, k1: K1 } })).firstBreak).toMatchObject({ kind: 'checkpoint_forged', seq: '10' });
    // Named an id nobody configured.
    await tamper(db.url, `update audit_checkpoints set key_id = 'k9' where id = '${cp.id}'`);
    expect((await verifyAuditChain(ds, { signingKeys: { k2: K2, k1: K1 } })).firstBreak).toMatchObject({ kind: 'checkpoint_key_unknown', seq: '10', found: 'k9' });
    await tamper(db.url, `update audit_checkpoints set key_id = 'k2', head_hash = repeat('a', 64) where id = '${cp.id}'`);
    expect((await verifyAuditChain(ds, { signingKeys: { k2: K2, k1: K1 } })).firstBreak).toMatchObject({ kind: 'checkpoint_forged', seq: '10' });
    const [original] = await ds.query(`select hash from audit_events where seq = 10`);
    await tamper(db.url, `update audit_checkpoints set head_hash = '${original.hash}' where id = '${cp.id}'`);
    expect((await verifyAuditChain(ds, { signingKeys: { k2: K2, k1: K1 } })).ok).toBe(true);
  });

  it('npm run audit:verify reads the keyring from AUDIT_SIGNING_KEYS and names the keys', async () => {
    const ok = await auditVerify(db.url, { AUDIT_SIGNING_KEYS: `k2:${b64(K2)},k1:${b64(K1)}` });
    expect(ok.stdout).toMatch(/audit chain INTACT/);
    expect(ok.stdout).toMatch(/signing keys:\s+k1 \(1 checkpoint\(s\), seq 5 to 5\); k2 \(2 checkpoint\(s\), seq 10 to 11\)/);
    expect(ok.stdout).toMatch(/last checkpoint:\s+seq 11 at .*, key k2/);
    expect(ok.code).toBe(0);
    const retiredTooEarly = await auditVerify(db.url, { AUDIT_SIGNING_KEYS: `k2:${b64(K2)}` });
    expect(retiredTooEarly.stdout).toMatch(/BROKEN at seq 5.*checkpoint_key_unknown/);
    expect(retiredTooEarly.code).toBe(1);
  }, 240_000);
});

describe('audit signing keys in the configuration', () => {
  const base = { NODE_ENV: 'production', DATABASE_URL: 'postgres://x@db/masar', JWT_SECRET: 'j'.repeat(40), DATA_KEYS: `k1:${b64(K1)}`, BLIND_INDEX_KEY: b64(K1), ACCESS_CODE_KEY: b64(K1), PUBLIC_BASE_URL: 'https://masar.example', SMTP_URL: 'smtp://mail:587', SMS_GATEWAY_URL: 'https://sms/send', CORS_ORIGINS: 'https://masar.example' };
  const problems = (env: Record<string, string>): string[] => {
    try {
      loadConfig({ ...base, ...env });
      return [];
    } catch (e) {
      if (e instanceof ConfigError) return e.problems;
      throw e;
    }
  };
  const crypto = (env: Record<string, string>) => loadConfig({ ...base, ...env }).crypto;

  it('takes the single key as the key of id default, and a keyring whose first key signs', () => {
    expect(crypto({ AUDIT_SIGNING_KEY: b64(K1) })).toMatchObject({ auditSigningKeyId: 'default', auditSigningKeys: { default: K1 } });
    const ring = crypto({ AUDIT_SIGNING_KEYS: `k2:${b64(K2)},default:${b64(K1)}` });
    expect(ring.auditSigningKeyId).toBe('k2');
    expect(Object.keys(ring.auditSigningKeys)).toEqual(['k2', 'default']);
  });

  it('refuses a missing key, a malformed keyring and both forms at once, naming the variable', () => {
    expect(problems({}).join('\n')).toMatch(/AUDIT_SIGNING_KEY is required in production/);
    expect(problems({ AUDIT_SIGNING_KEYS: `k2:${b64(randomBytes(16))}` }).join('\n')).toMatch(/AUDIT_SIGNING_KEYS entries must be id:base64 of 32 bytes/);
    expect(problems({ AUDIT_SIGNING_KEYS: `k2:${b64(K2)}`, AUDIT_SIGNING_KEY: b64(K1) }).join('\n')).toMatch(/AUDIT_SIGNING_KEY and AUDIT_SIGNING_KEYS are both set/);
  });
});
