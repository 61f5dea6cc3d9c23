import type { EntityManager } from 'typeorm';

/** When the summaries a report reads were last refreshed: the report is as of the oldest of them. */
export async function refreshedAt(manager: EntityManager, summaries: string[]): Promise<string> {
  const [row]: { at: Date }[] = await manager.query(`select min(refreshed_at) as at from report_refreshes where summary = any($1)`, [summaries]);
  return new Date(row!.at).toISOString();
}
