import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';

export type IsolationLevel = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

const ISOLATION_LEVELS: readonly IsolationLevel[] = ['READ COMMITTED', 'REPEATABLE READ', 'SERIALIZABLE'];

/**
 * Explicit transactions: a use case passes the manager to everything that must commit with its change (history,
 * audit, outbox), so they commit or roll back together.
 *
 * The transaction opens with one statement, `START TRANSACTION ISOLATION LEVEL ...`: TypeORM's own
 * `dataSource.transaction(level, ...)` sends `START TRANSACTION` and then `SET TRANSACTION ISOLATION LEVEL`, one more
 * round trip on every write of the application.
 */
@Injectable()
export class Transactions {
  constructor(readonly dataSource: DataSource) {}

  async run<T>(work: (manager: EntityManager) => Promise<T>, isolation: IsolationLevel = 'READ COMMITTED'): Promise<T> {
    if (!ISOLATION_LEVELS.includes(isolation)) throw new Error(`unknown isolation level ${isolation}`);
    const runner = this.dataSource.createQueryRunner();
    try {
      await begin(runner, isolation);
      const result = await work(runner.manager);
      await runner.commitTransaction();
      return result;
    } catch (err) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw err;
    } finally {
      await runner.release();
    }
  }
}

/**
 * Opens the transaction in one statement and leaves the runner in the state its own `startTransaction` would
 * (active, depth 1), so that its commit, rollback and the ORM's nested savepoints work as usual.
 */
async function begin(runner: QueryRunner, isolation: IsolationLevel): Promise<void> {
  const state = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
  if (state.isTransactionActive || typeof state.transactionDepth !== 'number') {
    // Not the runner this helper knows (a TypeORM upgrade changed it): take the library's two statements.
    await runner.startTransaction(isolation);
    return;
  }
  await runner.query(`START TRANSACTION ISOLATION LEVEL ${isolation}`);
  state.isTransactionActive = true;
  state.transactionDepth = 1;
}
