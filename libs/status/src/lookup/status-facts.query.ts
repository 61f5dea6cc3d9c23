import { Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { ApplicationStatusReader, type AlongsideValue, type ApplicationStatusFacts } from '@masar/cases';

/** What the status page needs to know about one file: the cases context's read port answers it. */
export type StatusFacts = ApplicationStatusFacts;

/** One look-up: the file if there is one, and whether the reference or the asking address is blocked. */
export interface StatusLookup {
  facts: StatusFacts | null;
  /** Seconds until the reference's lock or the address's block ends; 0 when neither is blocked. */
  blockedForSeconds: number;
}

/**
 * The status context's own question, asked in the cases context's look-up statement (one round trip): seconds
 * until the lock of the reference (`q.reference`) or the block of the address ($2) ends, through status_blocks'
 * primary key. Exported for the bare baseline of the status benchmark, which runs the very same statement.
 */
export const BLOCKED_FOR_SQL = `ceil(extract(epoch from greatest(
           (select blocked_until from status_blocks where scope = 'reference' and key = q.reference),
           (select blocked_until from status_blocks where scope = 'address' and key = $2::text),
           now()) - now()))::int`;

@Injectable()
export class StatusFactsQuery {
  /** The pg pool under TypeORM (DataSource.query's query-runner checkout costs more than the look-up itself). */
  private readonly pool: Pool;

  constructor(
    private readonly reader: ApplicationStatusReader,
    dataSource: DataSource,
  ) {
    this.pool = (dataSource.driver as unknown as { master: Pool }).master;
  }

  /** The file with this reference, if any, and the lock of the reference or the block of the address. */
  async byReference(reference: string, address: string): Promise<StatusLookup> {
    const blocked: AlongsideValue = { name: 'status-blocked-for', sql: BLOCKED_FOR_SQL, params: [address] };
    const { facts, alongside } = await this.reader.byReference<number | null>(reference, blocked);
    return { facts, blockedForSeconds: alongside ?? 0 };
  }

  /** Seconds until the address's block ends (for requests that never reach a look-up by reference). */
  async addressBlockedFor(address: string): Promise<number> {
    const { rows } = await this.pool.query<{ blocked_for: number }>(
      `select coalesce(ceil(extract(epoch from max(blocked_until) - now())), 0)::int as blocked_for
         from status_blocks where scope = 'address' and key = $1 and blocked_until > now()`,
      [address],
    );
    return rows[0]?.blocked_for ?? 0;
  }

  /** The files of a signed-in applicant's own person record (linked with a reference and access code). */
  byApplicantUser(userId: string): Promise<StatusFacts[]> {
    return this.reader.byApplicantUser(userId);
  }
}
