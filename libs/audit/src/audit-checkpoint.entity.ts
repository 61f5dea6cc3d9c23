import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A signed statement "the chain's head was `headHash` at `seq`", written periodically by the worker. Someone who
 * rewrites the whole chain can make every link consistent again, but cannot sign a matching checkpoint without
 * the audit signing key.
 */
@Entity({ name: 'audit_checkpoints' })
export class AuditCheckpointRow {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'bigint', unique: true })
  seq: string;

  @Column({ name: 'head_hash', type: 'char', length: 64 })
  headHash: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** The id of the key that signed it (config.crypto.auditSigningKeys). */
  @Column({ name: 'key_id', type: 'text' })
  keyId: string;

  /** HMAC-SHA256 of the checkpoint statement with that key, hex. */
  @Column({ type: 'char', length: 64 })
  signature: string;
}
