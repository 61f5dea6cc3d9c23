import type { NodeProcess } from '../../../bench/lib/proc';
import { login, postJson } from '../support/api';
import { fixture, startApi } from '../support/fixture';
import type { ScenarioResult } from '../support/result';

/** 50 concurrent transitions on one file with the same expected version: exactly one wins, no lost update. */
export async function concurrentTransitions(redisUrl: string): Promise<ScenarioResult[]> {
  const f = await fixture('concurrency', redisUrl);
  let api: NodeProcess | null = null;
  try {
    const port = 3302;
    api = await startApi(f, port, 'api-concurrency');
    const office = 'CAS';
    const { rows: staff } = await f.pg.query(
      `select u.email from users u join offices o on o.id = u.office_id where o.code = $1 and u.role = 'caseworker' and u.email like '%synthetic%' order by u.email`,
      [office],
    );
    const auths = await Promise.all(staff.map((s) => login(port, s.email as string)));
    const { rows } = await f.pg.query(
      `select a.id, a.version from applications a join offices o on o.id = a.office_id where o.code = $1 and a.state = 'provincial_review' order by a.id limit 1`,
      [office],
    );
    const file = rows[0];
    const historyBefore = Number((await f.pg.query(`select count(*) as n from case_history where application_id = $1`, [file.id])).rows[0].n);
    let sample = '';
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        postJson(`http://127.0.0.1:${port}/applications/${file.id}/transitions`, { action: 'hold_for_security_check', expectedVersion: file.version, reason: 'Security check requested by the office before review.' }, auths[i % auths.length]!).then(
          (r) => {
            if (r.status !== 200 && r.status !== 409 && !sample) sample = `${r.status} ${JSON.stringify(r.json).slice(0, 300)}`;
            return r.status;
          },
          () => 0,
        ),
      ),
    );
    const after = (await f.pg.query(`select version, state from applications where id = $1`, [file.id])).rows[0];
    const historyAfter = Number((await f.pg.query(`select count(*) as n from case_history where application_id = $1`, [file.id])).rows[0].n);
    const ok = answers.filter((s) => s === 200).length;
    const conflicts = answers.filter((s) => s === 409).length;
    const other = answers.length - ok - conflicts;
    const t: ScenarioResult = {
      name: '50 concurrent transitions on one file (same expected version)',
      status: ok === 1 && conflicts === 49 && after.version === file.version + 1 && historyAfter === historyBefore + 1 && after.state === 'on_hold' ? 'pass' : 'fail',
      note: sample ? `first other answer: ${sample}` : undefined,
      counts: { ok, conflicts409: conflicts, other, versionBefore: file.version, versionAfter: after.version, historyRowsAdded: historyAfter - historyBefore, state: after.state },
    };

    // 50 concurrent claims of the next unassigned file by the office's caseworkers.
    const unassignedBefore = Number(
      (await f.pg.query(`select count(*) as n from applications a join offices o on o.id = a.office_id where o.code = $1 and not a.final and a.assignee_id is null`, [office])).rows[0].n,
    );
    const claims = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        postJson(`http://127.0.0.1:${port}/work-queue/claim`, {}, auths[i % auths.length]!).then(
          (r) => ({ status: r.status, id: (r.json as { id?: string } | null)?.id, who: i % auths.length }),
          () => ({ status: 0, id: undefined, who: i % auths.length }),
        ),
      ),
    );
    const claimed = claims.filter((c) => c.status === 200 && c.id);
    const distinct = new Set(claimed.map((c) => c.id)).size;
    const { rows: assigned } = await f.pg.query(`select id, assignee_id from applications where id = any($1::uuid[])`, [claimed.map((c) => c.id)]);
    const { rows: ids } = await f.pg.query(`select id, email from users where email = any($1::text[])`, [staff.map((s) => s.email)]);
    const idOf = new Map(ids.map((r) => [r.email as string, r.id as string]));
    const wrongAssignee = claimed.filter((c) => assigned.find((a) => a.id === c.id)?.assignee_id !== idOf.get(staff[c.who].email)).length;
    // Fewer than 50 claims succeed only when nothing claimable is left: one more claim must find nothing.
    const oneMore = claimed.length < 50 ? (await postJson(`http://127.0.0.1:${port}/work-queue/claim`, {}, auths[0]!)).status : 0;
    const c: ScenarioResult = {
      name: '50 concurrent claims of the next file',
      status: (claimed.length === 50 || oneMore === 404) && distinct === claimed.length && wrongAssignee === 0 ? 'pass' : 'fail',
      counts: {
        claims: 50,
        claimed: claimed.length,
        distinctFiles: distinct,
        claimedTwice: claimed.length - distinct,
        wrongAssignee,
        unassignedOpenBefore: unassignedBefore,
        refused404: claims.filter((x) => x.status === 404).length,
        otherStatuses: claims.filter((x) => x.status !== 200 && x.status !== 404).map((x) => x.status).join(',') || 'none',
        claimAfterwards: oneMore || 'not needed',
        caseworkers: auths.length,
      },
    };
    return [t, c];
  } finally {
    await api?.stop('SIGKILL');
    await f.close();
  }
}
