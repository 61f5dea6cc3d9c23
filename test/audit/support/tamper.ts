import { superuser } from './audit-database';

/**
 * Runs statements as a superuser with triggers off (`session_replication_role = replica`): what an attacker with
 * full database rights can do, and what the append-only trigger cannot stop.
 */
export async function tamper(url: string, ...statements: string[]): Promise<void> {
  const c = await superuser(url);
  try {
    await c.query('set session_replication_role = replica');
    for (const sql of statements) await c.query(sql);
  } finally {
    await c.end();
  }
}

export async function idAt(url: string, seq: number): Promise<string> {
  const c = await superuser(url);
  try {
    const { rows } = await c.query('select id from audit_events where seq = $1', [seq]);
    return rows[0].id;
  } finally {
    await c.end();
  }
}
