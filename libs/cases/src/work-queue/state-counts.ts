import type { EntityManager } from 'typeorm';

/**
 * The work queue's per-state counts (`application_state_counts`) are kept by triggers on `applications`: any
 * INSERT, UPDATE, DELETE, COPY or TRUNCATE of files keeps them right in its own transaction, so an import that writes
 * files with ordinary statements or COPY has nothing to do. Only a load that bypasses triggers (for instance with
 * `session_replication_role = replica`, or with the triggers disabled) must call this afterwards, in a transaction
 * of its own: it recomputes every counter from `applications` (one scan of the table; writers wait meanwhile).
 */
export async function rebuildApplicationStateCounts(manager: EntityManager): Promise<void> {
  await manager.query(`select application_state_counts_rebuild()`);
}
