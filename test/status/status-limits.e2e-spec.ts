import { generateReference } from '@masar/cases';
import { DEFAULT_STATUS_OPTIONS } from '@masar/status';
import { createTestApp, describeWithRedis, type QueueKind, type TestApp } from '@masar/testing';
import { aFile, anAccessCode, anAddress } from './support/status-files';

const PER_REFERENCE = DEFAULT_STATUS_OPTIONS.failuresPerReference;
const PER_ADDRESS = DEFAULT_STATUS_OPTIONS.failuresPerAddress;

/** The limits live in the shared rate-limit store: PostgreSQL without Redis, Redis when configured. */
const underAttack = (queue: QueueKind) => () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ queue });
  });
  afterAll(() => t.close());

  const ask = (payload: Record<string, unknown>, ip = anAddress()) => t.app.inject({ method: 'POST', url: '/status', payload, remoteAddress: ip });
  const lockEvents = async (reference: string) =>
    (await t.dataSource.query(`select application_id, details from audit_events where action = 'status.reference_locked' and details->>'reference' = $1`, [
      reference,
    ])) as { application_id: string | null; details: Record<string, unknown> }[];

  it(`locks a reference after ${PER_REFERENCE} wrong codes, even against the right code, and audits the lock once`, async () => {
    const file = await aFile(t);
    // Each guess from a different address: a distributed guesser is stopped by the reference's own counter.
    for (let i = 0; i < PER_REFERENCE; i++) expect((await ask({ reference: file.reference, accessCode: anAccessCode() })).statusCode).toBe(404);

    const locked = await ask({ reference: file.reference, accessCode: file.accessCode });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('STATUS_TOO_MANY_ATTEMPTS');
    const retryAfter = Number(locked.headers['retry-after']);
    // Locked for the lock duration, not just for what is left of the counting window.
    expect(retryAfter).toBeGreaterThan(DEFAULT_STATUS_OPTIONS.referenceWindowSeconds);
    expect(retryAfter).toBeLessThanOrEqual(DEFAULT_STATUS_OPTIONS.referenceLockSeconds);

    const events = await lockEvents(file.reference);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ application_id: file.applicationId, details: { reference: file.reference, known: true } });
  });

  it('lets the holder of the receipt in again once the lock has run out', async () => {
    const file = await aFile(t);
    for (let i = 0; i < PER_REFERENCE; i++) await ask({ reference: file.reference, accessCode: anAccessCode() });
    expect((await ask({ reference: file.reference, accessCode: file.accessCode })).statusCode).toBe(429);
    // An hour later, as far as the lock is concerned.
    await t.dataSource.query(`update status_blocks set blocked_until = now() - interval '1 second' where scope = 'reference' and key = $1`, [file.reference]);
    expect((await ask({ reference: file.reference, accessCode: file.accessCode })).statusCode).toBe(200);
  });

  it('locks an unknown reference the same way, so the lock tells nothing about whether a file exists', async () => {
    const known = await aFile(t);
    const unknownReference = generateReference();
    const answers = { known: [] as string[], unknown: [] as string[] };
    for (let i = 0; i <= PER_REFERENCE; i++) {
      const k = await ask({ reference: known.reference, accessCode: anAccessCode() });
      const u = await ask({ reference: unknownReference, accessCode: anAccessCode() });
      answers.known.push(`${k.statusCode} ${k.body.length}`);
      answers.unknown.push(`${u.statusCode} ${u.body.length}`);
    }
    expect(answers.unknown).toEqual(answers.known);
    expect(answers.known.at(-1)).toMatch(/^429 /);
    expect(await lockEvents(unknownReference)).toEqual([expect.objectContaining({ application_id: null, details: expect.objectContaining({ known: false }) })]);
  });

  it(`blocks an address after ${PER_ADDRESS} failures, whatever the references, and not another address`, async () => {
    const ip = anAddress();
    for (let i = 0; i < PER_ADDRESS; i++) {
      expect((await ask({ reference: generateReference(), accessCode: anAccessCode() }, ip)).statusCode).toBe(404);
    }
    const file = await aFile(t);
    const blocked = await ask({ reference: file.reference, accessCode: file.accessCode }, ip);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await ask({ reference: file.reference, accessCode: file.accessCode }, anAddress())).statusCode).toBe(200);
  });

  it('does not count successful checks: an applicant may check as often as they like', async () => {
    const file = await aFile(t);
    const ip = anAddress();
    for (let i = 0; i < PER_REFERENCE * 3; i++) expect((await ask({ reference: file.reference, accessCode: file.accessCode }, ip)).statusCode).toBe(200);
  });
};

describe('POST /status under attack, failures counted in PostgreSQL', underAttack('postgres'));
describeWithRedis('POST /status under attack, failures counted in Redis', underAttack('redis'));
