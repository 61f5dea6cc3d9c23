import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Files per state of each office (and of each appeal body), for the counts of the work queue: counting the rows of
 * `applications` reads every file of the office (168 ms at a million files), while this table holds a few rows per
 * office and state whatever the size of the campaign.
 *
 * Kept by triggers on `applications`, so that every path that creates, moves or removes a file (a transition, a
 * transfer, a merge, a bulk import, a COPY) keeps it right in its own transaction. Writers only ever INSERT delta
 * rows (+1 for the new state, -1 for the old one): two transactions never wait for each other on a counter, whatever
 * the office or state, and cannot deadlock on one. A reader sums the rows of its office. Every so often (one change
 * in COMPACT_ONE_IN) the writer folds the office's committed deltas into one row per state, skipping rows another
 * transaction holds, so the rows per office stay few.
 *
 * `application_state_counts_rebuild()` recomputes everything from `applications`, for a load that ran with
 * triggers disabled.
 */
export class ApplicationStateCounts1796000100010 implements MigrationInterface {
  name = 'ApplicationStateCounts1796000100010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table application_state_counts (
        scope text not null check (scope in ('office', 'appeal')),
        office_id uuid not null,
        state text not null,
        n bigint not null
      )`);
    await q.query(`create index application_state_counts_office_idx on application_state_counts (scope, office_id)`);

    // Folds the committed rows of one office into one row per state; rows locked by another compaction are left.
    // Only under READ COMMITTED: a stricter transaction would fail on a row another compaction deleted meanwhile.
    await q.query(`
      create function application_state_counts_compact(p_scope text, p_office uuid) returns void language sql as $$
        with gone as (
          delete from application_state_counts c
           where c.ctid = any (array(select ctid from application_state_counts
                                      where scope = p_scope and office_id = p_office
                                        and current_setting('transaction_isolation') = 'read committed'
                                      for update skip locked))
          returning state, n
        )
        insert into application_state_counts (scope, office_id, state, n)
        select p_scope, p_office, state, sum(n) from gone group by state having sum(n) <> 0
      $$`);

    // One row changed its state, office or appeal body (row trigger: only when one of them changed).
    await q.query(`
      create function application_state_counts_on_update() returns trigger language plpgsql as $$
      begin
        insert into application_state_counts (scope, office_id, state, n)
        values ('office', old.office_id, old.state, -1), ('office', new.office_id, new.state, 1);
        if old.appeal_office_id is not null then
          insert into application_state_counts values ('appeal', old.appeal_office_id, old.state, -1);
        end if;
        if new.appeal_office_id is not null then
          insert into application_state_counts values ('appeal', new.appeal_office_id, new.state, 1);
        end if;
        if random() < 1.0 / 64 then
          perform application_state_counts_compact('office', new.office_id);
          if new.appeal_office_id is not null then
            perform application_state_counts_compact('appeal', new.appeal_office_id);
          end if;
        end if;
        return null;
      end $$`);
    await q.query(`
      create trigger applications_state_counts_update after update of state, office_id, appeal_office_id on applications
        for each row when (old.state is distinct from new.state or old.office_id is distinct from new.office_id
                           or old.appeal_office_id is distinct from new.appeal_office_id)
        execute function application_state_counts_on_update()`);

    // Inserted and deleted rows: statement triggers over the transition table, one row per office and state
    // however many files a statement (or a COPY) brings.
    for (const [op, table, sign] of [['insert', 'new_rows', 1], ['delete', 'old_rows', -1]] as const) {
      await q.query(`
        create function application_state_counts_on_${op}() returns trigger language plpgsql as $$
        declare
          o record;
        begin
          insert into application_state_counts (scope, office_id, state, n)
          select 'office', office_id, state, ${sign} * count(*) from ${table} group by office_id, state
          union all
          select 'appeal', appeal_office_id, state, ${sign} * count(*) from ${table} where appeal_office_id is not null group by appeal_office_id, state;
          for o in select distinct office_id from ${table} loop
            if random() < 1.0 / 64 then
              perform application_state_counts_compact('office', o.office_id);
            end if;
          end loop;
          return null;
        end $$`);
      await q.query(`
        create trigger applications_state_counts_${op} after ${op} on applications
          referencing ${op === 'insert' ? 'new' : 'old'} table as ${table}
          for each statement execute function application_state_counts_on_${op}()`);
    }
    await q.query(`
      create function application_state_counts_on_truncate() returns trigger language plpgsql as $$
      begin
        delete from application_state_counts;
        return null;
      end $$`);
    await q.query(`
      create trigger applications_state_counts_truncate after truncate on applications
        for each statement execute function application_state_counts_on_truncate()`);

    await q.query(`
      create function application_state_counts_rebuild() returns void language plpgsql as $$
      begin
        lock table application_state_counts in exclusive mode;
        delete from application_state_counts;
        insert into application_state_counts (scope, office_id, state, n)
        select 'office', office_id, state, count(*) from applications group by office_id, state
        union all
        select 'appeal', appeal_office_id, state, count(*) from applications where appeal_office_id is not null group by appeal_office_id, state;
      end $$`);
    await q.query(`select application_state_counts_rebuild()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const op of ['update', 'insert', 'delete', 'truncate']) {
      await q.query(`drop trigger applications_state_counts_${op} on applications`);
      await q.query(`drop function application_state_counts_on_${op}()`);
    }
    await q.query(`drop function application_state_counts_rebuild()`);
    await q.query(`drop function application_state_counts_compact(text, uuid)`);
    await q.query(`drop table application_state_counts`);
  }
}
