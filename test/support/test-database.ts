import { randomBytes } from 'node:crypto';
import { withAdmin, withDatabase } from './postgres';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A database of its own for one test file, cloned from the migrated template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const admin = process.env.MASAR_TEST_PG_ADMIN;
  const template = process.env.MASAR_TEST_TEMPLATE;
  if (!admin || !template) throw new Error('the Jest global set-up did not run (MASAR_TEST_PG_ADMIN is not set)');
  const name = `masar_t_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  await withAdmin(admin, async (c) => {
    // CREATE DATABASE ... TEMPLATE fails while another session is connected to the template; retry briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`create database "${name}" template "${template}"`);
        return;
      } catch (e) {
        if (attempt > 20 || !/being accessed by other users/.test((e as Error).message)) throw e;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  });
  return {
    name,
    url: withDatabase(admin, name),
    drop: () => withAdmin(admin, async (c) => void (await c.query(`drop database if exists "${name}" with (force)`))),
  };
}
