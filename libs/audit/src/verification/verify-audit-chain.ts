import { canonicalBody, chainHash, GENESIS_HASH, type AuditDetailValue } from '../chain/audit-hash';
import { checkpointSignatureValid } from '../checkpoint/checkpoint-signature';
import type { AuditChainBreak, AuditVerification } from './audit-verification';

/** A TypeORM DataSource or EntityManager (rows) or a pg Client or Pool ({ rows }). */
export interface AuditQueryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

export interface VerifyOptions {
  /** Checks checkpoint signatures too (config.crypto.auditSigningKey). Without it only their hashes are compared. */
  signingKey?: Buffer;
  /** Rows read per query: memory stays constant whatever the length of the chain. */
  batchSize?: number;
  /**
   * Heads published in the log (the `auditCheckpoint` lines), kept outside the database: they still catch a
   * rewrite by someone who also deleted the checkpoint rows.
   */
  publishedHeads?: { seq: string; headHash: string }[];
}

interface ChainRow {
  seq: string;
  id: string;
  occurred_at: string;
  action: string;
  actor_id: string | null;
  actor_role: string | null;
  subject_type: string;
  subject_id: string | null;
  application_id: string | null;
  fields: string[];
  details: Record<string, AuditDetailValue>;
  request_id: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

interface CheckpointRow {
  seq: string;
  head_hash: string;
  created_at: string;
  signature: string;
}

/*
 * Beware: queries select `seq::text as seq`, so ORDER BY must name the table's column (e.seq), or PostgreSQL
 * sorts by the text alias ('10' before '9').
 */

/**
 * Timestamps as text to the microsecond: a Date would hide a change below the millisecond. The trail writes
 * milliseconds, so a sub-millisecond part can only come from tampering and makes the hash differ.
 */
const isoUs = (col: string) => `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;

function isoFromUs(text: string): string {
  return text.endsWith('000') ? `${text.slice(0, -3)}Z` : `${text}Z`;
}

async function rows<T>(db: AuditQueryable, sql: string, params: unknown[]): Promise<T[]> {
  const result = await db.query(sql, params);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * Walks the whole chain in seq order, in batches (keyset on seq, constant memory), and stops at the FIRST broken
 * link. At each row, in this order: is it the next seq (else rows were deleted), does it point at the previous
 * row's hash (else rows were reordered or inserted), is its hash the hash of what it holds (else it was changed),
 * and does every checkpoint at this seq carry a valid signature and this row's hash, and so does any head published
 * in the log (else the chain was rewritten). Finally, a checkpoint or published head beyond the last row means the
 * newest rows were deleted.
 *
 * Appends during the walk are harmless: rows commit in seq order, so every query sees a prefix of the chain.
 */
export async function verifyAuditChain(db: AuditQueryable, options: VerifyOptions = {}): Promise<AuditVerification> {
  const started = Date.now();
  const batchSize = options.batchSize ?? 2000;
  const key = options.signingKey;
  const result: AuditVerification = {
    ok: true,
    eventsChecked: 0,
    checkpointsChecked: 0,
    signaturesChecked: Boolean(key),
    head: null,
    lastCheckpoint: null,
    firstBreak: null,
    durationMs: 0,
  };
  const fail = (b: AuditChainBreak): AuditVerification => {
    result.ok = false;
    result.firstBreak = b;
    result.durationMs = Date.now() - started;
    return result;
  };

  const checkpoints = new CheckpointCursor(db, batchSize);
  const published = new Map((options.publishedHeads ?? []).map((h) => [BigInt(h.seq).toString(), h.headHash]));
  let expectedSeq = 1n;
  let prevHash = GENESIS_HASH;
  let after = '0';
  for (;;) {
    const batch = await rows<ChainRow>(
      db,
      `select seq::text as seq, id, ${isoUs('occurred_at')} as occurred_at, action, actor_id, actor_role, subject_type,
              subject_id, application_id, fields, details, request_id, ip, prev_hash, hash
         from audit_events e where e.seq > $1 order by e.seq limit $2`,
      [after, batchSize],
    );
    for (const row of batch) {
      const seq = BigInt(row.seq);
      if (seq !== expectedSeq) {
        const missing = seq - expectedSeq;
        return fail({
          kind: 'rows_deleted',
          seq: expectedSeq.toString(),
          id: row.id,
          detail: `seq ${expectedSeq}${missing > 1n ? ` to ${seq - 1n}` : ''} missing: ${missing} row(s) deleted before row ${row.id} (seq ${row.seq})`,
          expected: expectedSeq.toString(),
          found: row.seq,
        });
      }
      if (row.prev_hash !== prevHash) {
        return fail({
          kind: 'link_broken',
          seq: row.seq,
          id: row.id,
          detail: `row ${row.id} at seq ${row.seq} does not follow the row before it: rows reordered or a row inserted`,
          expected: prevHash,
          found: row.prev_hash,
        });
      }
      const recomputed = chainHash(row.seq, row.prev_hash, canonicalBody(bodyOf(row)));
      if (recomputed !== row.hash) {
        return fail({
          kind: 'row_changed',
          seq: row.seq,
          id: row.id,
          detail: `row ${row.id} at seq ${row.seq} was changed: its hash is not the hash of its content`,
          expected: recomputed,
          found: row.hash,
        });
      }
      for (const cp of await checkpoints.at(row.seq)) {
        result.checkpointsChecked++;
        const statement = { seq: cp.seq, headHash: cp.head_hash, createdAt: isoFromUs(cp.created_at) };
        if (key && !checkpointSignatureValid(key, statement, cp.signature)) {
          return fail({
            kind: 'checkpoint_forged',
            seq: cp.seq,
            id: row.id,
            detail: `the checkpoint at seq ${cp.seq} (${statement.createdAt}) has an invalid signature: it was forged or changed`,
          });
        }
        if (cp.head_hash !== row.hash) {
          const since = result.lastCheckpoint ? `after the checkpoint at seq ${result.lastCheckpoint.seq}` : 'from the start';
          return fail({
            kind: 'chain_rewritten',
            seq: row.seq,
            id: row.id,
            detail: `the checkpoint of ${statement.createdAt} signed another hash at seq ${cp.seq}: the chain was rewritten ${since} up to seq ${cp.seq}`,
            expected: cp.head_hash,
            found: row.hash,
          });
        }
        result.lastCheckpoint = { seq: cp.seq, createdAt: statement.createdAt };
      }
      const publishedHash = published.get(row.seq);
      if (publishedHash !== undefined && publishedHash !== row.hash) {
        return fail({
          kind: 'chain_rewritten',
          seq: row.seq,
          id: row.id,
          detail: `the head published in the log at seq ${row.seq} was another hash: the chain was rewritten up to seq ${row.seq}`,
          expected: publishedHash,
          found: row.hash,
        });
      }
      result.eventsChecked++;
      result.head = { seq: row.seq, hash: row.hash };
      prevHash = row.hash;
      expectedSeq = seq + 1n;
      after = row.seq;
    }
    if (batch.length < batchSize) break;
  }

  // A checkpoint or a published head past the last row: the newest rows were deleted (no gap shows it).
  const [beyond] = await rows<{ seq: string }>(db, 'select c.seq::text as seq from audit_checkpoints c where c.seq > $1 order by c.seq limit 1', [after]);
  const publishedBeyond = [...published.keys()].map(BigInt).filter((seq) => seq > BigInt(after));
  const furthest = [beyond ? BigInt(beyond.seq) : 0n, ...publishedBeyond].reduce((a, b) => (b > a ? b : a), 0n);
  if (furthest > 0n) {
    const [stillGrowing] = await rows<{ seq: string }>(db, 'select seq::text as seq from audit_events where seq = $1', [furthest.toString()]);
    // An append that committed after the walk ended can carry a fresh checkpoint; only a missing row is a break.
    if (!stillGrowing) {
      return fail({
        kind: 'tail_deleted',
        seq: (BigInt(after) + 1n).toString(),
        id: null,
        detail: `a ${beyond && BigInt(beyond.seq) === furthest ? 'checkpoint' : 'published head'} names seq ${furthest} but the chain ends at seq ${after}: the newest rows were deleted`,
        expected: furthest.toString(),
        found: after,
      });
    }
  }
  result.durationMs = Date.now() - started;
  return result;
}

function bodyOf(row: ChainRow) {
  return {
    id: row.id,
    occurredAt: isoFromUs(row.occurred_at),
    action: row.action,
    actorId: row.actor_id,
    actorRole: row.actor_role,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    applicationId: row.application_id,
    fields: row.fields,
    details: row.details,
    requestId: row.request_id,
    ip: row.ip,
  };
}

/** Reads checkpoints in seq order, a batch at a time, alongside the walk of the chain. */
class CheckpointCursor {
  private buffer: CheckpointRow[] = [];
  private after = '0';
  private exhausted = false;

  constructor(
    private readonly db: AuditQueryable,
    private readonly batchSize: number,
  ) {}

  /** The checkpoints at exactly this seq (the walk calls it for every seq in increasing order). */
  async at(seq: string): Promise<CheckpointRow[]> {
    const target = BigInt(seq);
    const found: CheckpointRow[] = [];
    for (;;) {
      if (this.buffer.length === 0) {
        if (this.exhausted) return found;
        await this.fill();
        if (this.buffer.length === 0) return found;
      }
      const next = BigInt(this.buffer[0]!.seq);
      if (next > target) return found;
      const cp = this.buffer.shift()!;
      // Checkpoints below the walk's position cannot exist: the walk visits every seq from 1 without gaps.
      if (next === target) found.push(cp);
    }
  }

  private async fill(): Promise<void> {
    this.buffer = await rows<CheckpointRow>(
      this.db,
      `select seq::text as seq, head_hash, ${isoUs('created_at')} as created_at, signature
         from audit_checkpoints c where c.seq > $1 order by c.seq limit $2`,
      [this.after, this.batchSize],
    );
    if (this.buffer.length < this.batchSize) this.exhausted = true;
    if (this.buffer.length) this.after = this.buffer[this.buffer.length - 1]!.seq;
  }
}
