import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { MASAR_CONFIG, type MasarConfig } from '@masar/config';
import { signCheckpoint } from './checkpoint-signature';

export interface PublishedCheckpoint {
  seq: string;
  headHash: string;
  createdAt: string;
  signature: string;
  /** The id of the signing key (config.crypto.auditSigningKeys). */
  keyId: string;
  /** False when the head had not moved since the last checkpoint (the log line is still written). */
  written: boolean;
}

/**
 * Publishes the chain's head: a signed checkpoint row and a log line. The log line leaves the database, so even
 * someone who rewrites the chain and deletes checkpoints is contradicted by the logs kept elsewhere.
 * Running it twice for the same head writes one row (seq is unique).
 */
@Injectable()
export class PublishAuditCheckpoint {
  private readonly logger = new Logger('AuditCheckpoint');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(MASAR_CONFIG) private readonly config: MasarConfig,
  ) {}

  async execute(now = new Date()): Promise<PublishedCheckpoint | null> {
    const [head] = await this.dataSource.query<{ seq: string; hash: string }[]>(
      'select e.seq::text as seq, e.hash from audit_events e order by e.seq desc limit 1',
    );
    if (!head) {
      this.logger.log({ auditHead: null }, 'audit chain is empty; no checkpoint');
      return null;
    }
    const statement = { seq: head.seq, headHash: head.hash, createdAt: now.toISOString() };
    const keyId = this.config.crypto.auditSigningKeyId;
    const signature = signCheckpoint(this.config.crypto.auditSigningKeys[keyId]!, statement);
    const inserted = await this.dataSource.query<unknown[]>(
      `insert into audit_checkpoints (id, seq, head_hash, created_at, signature, key_id) values ($1, $2, $3, $4, $5, $6)
       on conflict (seq) do nothing returning id`,
      [randomUUID(), statement.seq, statement.headHash, statement.createdAt, signature, keyId],
    );
    // The head has not moved since the last run: publish the checkpoint already stored, so the log line and
    // the row say the same thing.
    const published: PublishedCheckpoint = inserted.length
      ? { ...statement, signature, keyId, written: true }
      : { ...(await this.stored(statement.seq)), written: false };
    this.logger.log({ auditCheckpoint: published }, `audit chain head at seq ${published.seq}: ${published.headHash}`);
    return published;
  }

  private async stored(seq: string): Promise<Omit<PublishedCheckpoint, 'written'>> {
    const [row] = await this.dataSource.query<{ seq: string; head_hash: string; created_at: Date; signature: string; key_id: string }[]>(
      'select seq::text as seq, head_hash, created_at, signature, key_id from audit_checkpoints where seq = $1',
      [seq],
    );
    if (!row) throw new Error(`audit checkpoint at seq ${seq} vanished`);
    return { seq: row.seq, headHash: row.head_hash, createdAt: row.created_at.toISOString(), signature: row.signature, keyId: row.key_id };
  }
}
