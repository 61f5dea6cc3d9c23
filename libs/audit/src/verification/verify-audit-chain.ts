import { canonicalBody, chainHash, GENESIS_HASH, type AuditDetailValue } from '../chain/audit-hash';
import { checkpointSignatureValid } from '../checkpoint/checkpoint-signature';
import type { AuditChainBreak, AuditVerification } from './audit-verification';
import { CheckpointCursor } from './checkpoint-cursor';
import { isoFromUs, isoUs, rows, type AuditQueryable } from './chain-queries';

export type { AuditQueryable };

export interface VerifyOptions {
  /**
   * Checks checkpoint signatures too, each with the key its row names (config.crypto.auditSigningKeys); a key id
   * not in the keyring is a break. Without keys only the checkpoints' hashes are compared.
   */
  signingKeys?: Record<string, Buffer>;
  /** The single-key form: the key of id 'default'. */
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
  const keys = options.signingKeys ?? (options.signingKey ? { default: options.signingKey } : undefined);
  const result: AuditVerification = {
    ok: true,
    eventsChecked: 0,
    checkpointsChecked: 0,
    signaturesChecked: Boolean(keys),
    signingKeys: [],
    head: null,
    lastCheckpoint: null,
    uncoveredSince: null,
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
        const key = keys && Object.hasOwn(keys, cp.key_id) ? keys[cp.key_id] : undefined;
        if (keys && !key) {
          return fail({
            kind: 'checkpoint_key_unknown',
            seq: cp.seq,
            id: row.id,
            detail: `the checkpoint at seq ${cp.seq} (${statement.createdAt}) names signing key "${cp.key_id}", which the keyring does not hold (${Object.keys(keys).join(', ')}): keep retired keys in AUDIT_SIGNING_KEYS, or the checkpoint was forged`,
            found: cp.key_id,
          });
        }
        if (key && !checkpointSignatureValid(key, statement, cp.signature)) {
          return fail({
            kind: 'checkpoint_forged',
            seq: cp.seq,
            id: row.id,
            detail: `the checkpoint at seq ${cp.seq} (${statement.createdAt}, key "${cp.key_id}") has an invalid signature: it was forged or changed`,
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
        result.lastCheckpoint = { seq: cp.seq, createdAt: statement.createdAt, keyId: cp.key_id };
        countKey(result, cp.key_id, cp.seq);
        result.uncoveredSince = null;
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
      if (!result.uncoveredSince && result.lastCheckpoint?.seq !== row.seq) result.uncoveredSince = { seq: row.seq, occurredAt: isoFromUs(row.occurred_at) };
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

function countKey(result: AuditVerification, keyId: string, seq: string): void {
  const seen = result.signingKeys.find((k) => k.keyId === keyId);
  if (seen) {
    seen.checkpoints++;
    seen.lastSeq = seq;
  } else result.signingKeys.push({ keyId, checkpoints: 1, firstSeq: seq, lastSeq: seq });
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
