import { Injectable } from '@nestjs/common';
import type { Pool, QueryResultRow } from 'pg';
import { DataSource } from 'typeorm';

/**
 * One statement straight on the connection pool TypeORM holds, outside any transaction: for the hot read paths
 * (a work-queue page), where `dataSource.query` would add a query runner, its events and its result wrapping to a
 * statement that takes a tenth of a millisecond. Same pool, same connections, same settings (statement timeout).
 */
@Injectable()
export class PooledQueries {
  private pool: Pool | null = null;

  constructor(private readonly dataSource: DataSource) {}

  async rows<T extends QueryResultRow>(text: string, params: unknown[]): Promise<T[]> {
    this.pool ??= (this.dataSource.driver as unknown as { master: Pool }).master;
    return (await this.pool.query<T>(text, params)).rows;
  }
}
