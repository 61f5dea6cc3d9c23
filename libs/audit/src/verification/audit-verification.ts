/** What a walk of the chain found. */
export interface AuditVerification {
  ok: boolean;
  /** Links walked (rows read) before the walk stopped at the first break, or all of them. */
  eventsChecked: number;
  checkpointsChecked: number;
  /** Whether checkpoint signatures were checked (they need the audit signing keys). */
  signaturesChecked: boolean;
  /** Which key signed the checkpoints walked: per key id, how many and the seq range, in the order first met. */
  signingKeys: { keyId: string; checkpoints: number; firstSeq: string; lastSeq: string }[];
  /** The last row walked: the head of the chain when the chain is intact. */
  head: { seq: string; hash: string } | null;
  /** The newest checkpoint that matched the chain. */
  lastCheckpoint: { seq: string; createdAt: string; keyId: string } | null;
  /**
   * The first event no checkpoint covers yet, and when it happened. With checkpoints every few minutes this is
   * recent; events uncovered for long mean the worker is not publishing, or checkpoints were deleted.
   */
  uncoveredSince: { seq: string; occurredAt: string } | null;
  firstBreak: AuditChainBreak | null;
  durationMs: number;
}

export type AuditChainBreakKind =
  /** The row's content (or its hash) was changed: its hash is not the hash of what it holds. */
  | 'row_changed'
  /** One or more seq numbers are missing: rows were deleted. */
  | 'rows_deleted'
  /** The row does not follow the row before it: rows were reordered or a row was inserted. */
  | 'link_broken'
  /** A signed checkpoint names another hash at this seq: the chain was rewritten (recomputed) up to here. */
  | 'chain_rewritten'
  /** A checkpoint's signature is wrong: the checkpoint itself was forged or changed. */
  | 'checkpoint_forged'
  /** A checkpoint names a signing key the keyring does not hold: a key was dropped too early, or the row was forged. */
  | 'checkpoint_key_unknown'
  /** A checkpoint names a seq beyond the end of the chain: the newest rows were deleted. */
  | 'tail_deleted';

export interface AuditChainBreak {
  kind: AuditChainBreakKind;
  /** Where the chain breaks: the row's seq (for deleted rows, the first missing seq). */
  seq: string;
  /** The row found at that place, if any (for deleted rows, the first row after the gap). */
  id: string | null;
  /** What was expected and what was found, in a sentence a supervisor can act on. */
  detail: string;
  expected?: string;
  found?: string;
}
