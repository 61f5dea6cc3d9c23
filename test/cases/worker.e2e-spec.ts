import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { configureQueueBackend } from '@masar/queue';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { createCasesTestApp, CW_RABAT, expectStatus, REASON, SUP_RABAT, type CasesTestApp } from './support/cases-test-app';

/**
 * With the real worker process (apps/worker's WorkerModule): when an appeal window's milestones fall due, the
 * 'cases.clock.changed' jobs the transition left in the outbox are relayed at that moment and the cases processor
 * closes the file, as the system, without waiting for the periodic sweep.
 */
describe('clocks run by the worker', () => {
  let t: CasesTestApp;
  let worker: INestApplicationContext;
  const schedules = process.env.MASAR_SCHEDULES;

  beforeAll(async () => {
    // The periodic sweep is switched off so that only the milestone jobs can move the file.
    process.env.MASAR_SCHEDULES = 'off';
    t = await createCasesTestApp();
    const backend = configureQueueBackend({ redisUrl: t.config.queue.redisUrl, databaseUrl: t.config.database.url!, prefix: t.config.queue.prefix });
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(t.config, backend), { logger: ['error', 'warn'] });
    await worker.init();
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    if (schedules === undefined) delete process.env.MASAR_SCHEDULES;
    else process.env.MASAR_SCHEDULES = schedules;
  });

  it('closes an unappealed refusal when its clock ends', async () => {
    const applicantId = await t.person();
    const { id } = await t.open({ kind: 'regularisation', applicantId, category: 'work_contract', criteriaVersion: 'MA-2014', facts: { contractMonths: 3 } });
    await t.documentsVerified(id);
    for (const a of ['submit', 'start_completeness_check', 'accept_as_complete']) expectStatus(await t.act(CW_RABAT, id, a), 200);
    expectStatus(await t.act(CW_RABAT, id, 'propose_unfavourable', { reason: REASON }), 200);
    expectStatus(await t.act(SUP_RABAT, id, 'confirm_unfavourable', { reason: REASON }), 200);
    expectStatus(await t.act(CW_RABAT, id, 'notify_rejection'), 200);

    // Six weeks pass: the clock's milestones and their outbox messages now lie in the past.
    await t.dataSource.query(
      `update case_deadlines set next_at = now() - interval '1 minute',
              milestones = (select jsonb_agg(jsonb_set(m, '{at}', to_jsonb(to_char((now() - interval '1 minute') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')))) from jsonb_array_elements(milestones) m)
        where application_id = $1 and clock = 'appeal_window' and stopped_at is null`,
      [id],
    );
    await t.dataSource.query(`update outbox_messages set available_at = now() where job_name = 'cases.clock.changed' and payload->>'applicationId' = $1 and sent_at is null`, [id]);

    const deadline = Date.now() + 30_000;
    let state = '';
    while (Date.now() < deadline) {
      [{ state }] = await t.dataSource.query(`select state from applications where id = $1`, [id]);
      if (state === 'closed') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(state).toBe('closed');
    const [last] = await t.dataSource.query(`select action, actor_role from case_history where application_id = $1 order by version desc limit 1`, [id]);
    expect(last).toEqual({ action: 'close_unappealed', actor_role: 'system' });
    const closings = await t.dataSource.query(`select count(*)::int as n from notifications where application_id = $1 and params->>'change' = 'file_closed'`, [id]);
    expect(closings[0].n).toBe(1);
  });
});
