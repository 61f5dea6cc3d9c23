import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';
import type { CaseScope } from '@masar/access';
import { rebuildApplicationStateCounts, stateCountsSql } from '@masar/cases';
import { createTestDatabase, type TestDatabase } from '@masar/testing';

/**
 * The work queue's per-state counts come from `application_state_counts`, kept by the triggers of `applications`.
 * Whatever writes files (multi-row INSERT, COPY, single-row transitions from many connections at once, moves between
 * offices, appeal bodies, deletes, rollbacks, TRUNCATE), the counters must say what counting the files says.
 */
describe('per-state counts kept by the triggers of applications', () => {
  let db: TestDatabase;
  let c: Client;
  let offices: string[];
  let commission: string;
  const STATES = ['draft', 'submitted', 'completeness_check', 'awaiting_documents', 'decided'];

  beforeAll(async () => {
    db = await createTestDatabase();
    c = new Client({ connectionString: db.url });
    await c.connect();
    offices = [];
    for (const code of ['C1', 'C2', 'C3']) {
      offices.push((await c.query(`insert into offices (code, name, region_code, kind) values ($1, $1, 'R', 'prefecture') returning id`, [code])).rows[0].id);
    }
    commission = (await c.query(`insert into offices (code, name, region_code, kind) values ('NC', 'NC', 'R0', 'national_commission') returning id`)).rows[0].id;
    await c.query(`insert into applicants (id, latin_name, created_by) values ('00000000-0000-0000-0000-00000000a001', 'Someone', gen_random_uuid())`);
  });
  afterAll(async () => {
    await c?.end();
    await db?.drop();
  });

  const kept = async (scope: CaseScope): Promise<Record<string, number>> => {
    const built = stateCountsSql(scope)!;
    const rows = (await c.query(built.sql, built.params)).rows as { state: string; n: string }[];
    return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
  };
  const counted = async (column: 'office_id' | 'appeal_office_id', ids: string[] | null): Promise<Record<string, number>> => {
    const rows = (
      await c.query(
        `select state, count(*)::int as n from applications where ${ids ? `${column} = any($1::uuid[])` : 'true'} group by state`,
        ids ? [ids] : [],
      )
    ).rows as { state: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.state, r.n]));
  };
  async function expectRight(): Promise<void> {
    for (const o of offices) expect(await kept({ kind: 'offices', officeIds: [o] })).toEqual(await counted('office_id', [o]));
    expect(await kept({ kind: 'offices', officeIds: offices.slice(0, 2) })).toEqual(await counted('office_id', offices.slice(0, 2)));
    expect(await kept({ kind: 'appeals', officeId: commission })).toEqual(await counted('appeal_office_id', [commission]));
    expect(await kept({ kind: 'all' })).toEqual(await counted('office_id', null));
  }

  const insertFiles = (n: number, prefix: string) =>
    c.query(
      `insert into applications (reference, access_code_hash, kind, applicant_id, office_id, state, created_by)
       select $1 || g, repeat('0', 64), 'asylum', '00000000-0000-0000-0000-00000000a001', ($2::uuid[])[1 + g % 3], ($3::text[])[1 + g % 5], gen_random_uuid()
         from generate_series(1, $4::int) g`,
      [prefix, offices, STATES, n],
    );

  it('counts files inserted many at a time and by COPY', async () => {
    await insertFiles(3000, 'M-');
    const lines = Array.from({ length: 700 }, (_, i) => `C-${i}\t${'1'.repeat(64)}\tasylum\t00000000-0000-0000-0000-00000000a001\t${offices[i % 2]}\tsubmitted\t${offices[0]}\n`).join('');
    await new Promise<void>((resolve, reject) => {
      const stream = c.query(copyFrom(`copy applications (reference, access_code_hash, kind, applicant_id, office_id, state, created_by) from stdin`));
      stream.on('finish', resolve);
      stream.on('error', reject);
      stream.end(lines);
    });
    await expectRight();
    expect((await kept({ kind: 'all' })).submitted).toBe(600 + 700);
  });

  it('stays right under single-file changes from eight connections at once (no waits between writers, no deadlock)', async () => {
    const ids: string[] = (await c.query(`select id from applications order by id`)).rows.map((r: { id: string }) => r.id);
    const workers = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const w = new Client({ connectionString: db.url });
        await w.connect();
        return w;
      }),
    );
    try {
      await Promise.all(
        workers.map(async (w, k) => {
          for (let i = 0; i < 150; i++) {
            const id = ids[(k * 997 + i * 31) % ids.length]!;
            const step = i % 6;
            await w.query('begin');
            if (step === 0) await w.query(`update applications set office_id = $2 where id = $1`, [id, offices[(i + k) % 3]]);
            else if (step === 1) await w.query(`update applications set appeal_office_id = $2, state = 'decided' where id = $1`, [id, commission]);
            else if (step === 2) await w.query(`update applications set due_at = now() where id = $1`, [id]); // no count changes
            else await w.query(`update applications set state = $2 where id = $1`, [id, STATES[(i + k) % 5]]);
            // Now and then a change that does not commit.
            await w.query(i % 10 === 9 ? 'rollback' : 'commit');
          }
        }),
      );
    } finally {
      await Promise.all(workers.map((w) => w.end()));
    }
    await expectRight();
    // The writers folded their deltas now and then: an office has a few rows, not one per change.
    const rows = (await c.query(`select count(*)::int as n from application_state_counts where scope = 'office' and office_id = $1`, [offices[0]])).rows[0].n;
    expect(rows).toBeLessThan(600);
  });

  it('counts deletes, and starts again from nothing after TRUNCATE', async () => {
    await c.query(`delete from applications where reference like 'M-1%'`);
    await expectRight();
    await c.query(`truncate applications cascade`);
    expect(await kept({ kind: 'all' })).toEqual({});
    await insertFiles(50, 'T-');
    await expectRight();
  });

  it('rebuilds from the files after a load that bypassed the triggers', async () => {
    await c.query(`alter table applications disable trigger user`);
    await insertFiles(120, 'B-');
    await c.query(`alter table applications enable trigger user`);
    expect((await kept({ kind: 'all' })).draft).toBe(10);
    const manager = { query: (sql: string, params?: unknown[]) => c.query(sql, params).then((r) => r.rows) } as unknown as EntityManager;
    await rebuildApplicationStateCounts(manager);
    await expectRight();
    expect((await kept({ kind: 'all' })).draft).toBe(34);
  });
});
