import type { DataSource } from 'typeorm';
import type { MasarConfig } from '@masar/config';

/**
 * Demo case files. Filled in once the cases context offers a seed; returns how many files exist afterwards.
 */
export async function seedDemoData(ds: DataSource, _config: MasarConfig): Promise<number> {
  const [row] = await ds.query(`select to_regclass('applications') is not null as present`);
  if (!row.present) return 0;
  const [count] = await ds.query(`select count(*)::int as n from applications`);
  return count.n;
}
