import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APPEND_MANY_HEAD, APPEND_MANY_ONE_BY_ONE } from './1796000050001-append-audit-events-in-batches';

/**
 * `audit_append_many` writes its events with one INSERT … SELECT instead of one INSERT per event.
 *
 * The links are the same: each hash is sha256(seq "|" previous hash "|" canonical body), so the chain is still
 * computed one link after the other, but only the hashing runs in the loop (into an array); the rows then go in
 * with a single statement, which plans once, runs the executor once and fills the seven indexes in one pass
 * instead of starting a statement per event (a bulk import appends 2,000 events per chunk). Same lock, same head
 * read, same checks, same result rows in the same order, same privileges.
 */
export class AppendAuditEventsSetBased1796000810000 implements MigrationInterface {
  name = 'AppendAuditEventsSetBased1796000810000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create or replace function ${APPEND_MANY_SET_BASED}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`create or replace function ${APPEND_MANY_ONE_BY_ONE}`);
  }
}

const APPEND_MANY_SET_BASED = `
      audit_append_many(events jsonb, bodies text[]) returns table (seq bigint, hash text)
      language plpgsql volatile security definer set search_path = pg_catalog, public as $$
      declare
        head_seq bigint;
        head_hash text;
        link text;
        hashes text[] := '{}';
        n int := coalesce(array_length(bodies, 1), 0);
      begin
${APPEND_MANY_HEAD}        if n = 0 then
          return;
        end if;
        -- The chain in one pass: link i hashes link i - 1.
        link := head_hash;
        for i in 1 .. n loop
          link := encode(sha256(convert_to((head_seq + i)::text || '|' || link || '|' || bodies[i], 'UTF8')), 'hex');
          hashes[i] := link;
        end loop;
        return query
          insert into audit_events (seq, id, occurred_at, action, actor_id, actor_role, subject_type, subject_id,
                                    application_id, fields, details, request_id, ip, prev_hash, hash)
          select head_seq + e.i, (e.v->>'id')::uuid, (e.v->>'occurredAt')::timestamptz, e.v->>'action',
                 e.v->>'actorId', e.v->>'actorRole', e.v->>'subjectType', e.v->>'subjectId',
                 e.v->>'applicationId', array(select jsonb_array_elements_text(e.v->'fields')),
                 e.v->'details', e.v->>'requestId', e.v->>'ip', coalesce(hashes[e.i - 1], head_hash), hashes[e.i]
            from jsonb_array_elements(events) with ordinality as e(v, i)
           order by e.i
          returning audit_events.seq, audit_events.hash::text;
      end $$`;
