import { isoUs, rows, type AuditQueryable } from './chain-queries';

export interface CheckpointRow {
  seq: string;
  head_hash: string;
  /** ISO 8601 to the microsecond, without the Z (see isoUs). */
  created_at: string;
  signature: string;
  key_id: string;
}

/** Reads checkpoints in seq order, a batch at a time, alongside the walk of the chain. */
export class CheckpointCursor {
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
      `select seq::text as seq, head_hash, ${isoUs('created_at')} as created_at, signature, key_id
         from audit_checkpoints c where c.seq > $1 order by c.seq limit $2`,
      [this.after, this.batchSize],
    );
    if (this.buffer.length < this.batchSize) this.exhausted = true;
    if (this.buffer.length) this.after = this.buffer[this.buffer.length - 1]!.seq;
  }
}
