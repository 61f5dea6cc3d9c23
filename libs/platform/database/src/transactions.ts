import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export type IsolationLevel = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

/**
 * Explicit transactions: a use case passes the manager to everything that must commit with its change (history,
 * audit, outbox), so they commit or roll back together.
 */
@Injectable()
export class Transactions {
  constructor(readonly dataSource: DataSource) {}

  run<T>(work: (manager: EntityManager) => Promise<T>, isolation: IsolationLevel = 'READ COMMITTED'): Promise<T> {
    return this.dataSource.transaction(isolation, work);
  }
}
