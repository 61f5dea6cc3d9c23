import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_CHAIN_LOCK } from './1796000050000-create-audit-trail';

/**
 * `audit_append_many`: appends several events in one call, under one take of the chain's lock and in one
 * transaction, so that one WAL flush commits them all. The chain serialises commits (its ceiling is one flush per
 * transaction); AuditTrail.recordNow gathers the events that arrive while a flush is in progress into the next one.
 * Links are computed exactly as `audit_append` does, one after the other.
 */
export class AppendAuditEventsInBatches1796000050001 implements MigrationInterface {
  name = 'AppendAuditEventsInBatches1796000050001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create function ${APPEND_MANY_ONE_BY_ONE}`);
    await q.query(`revoke all on function audit_append_many(jsonb, text[]) from public`);
    await q.query(`grant execute on function audit_append_many(jsonb, text[]) to masar_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop function audit_append_many(jsonb, text[])`);
  }
}

/** The start of `audit_append_many`'s body in every version: the checks, the chain's lock and its head. */
export const APPEND_MANY_HEAD = `
        if current_setting('transaction_isolation') <> 'read committed' then
          raise exception 'audit_append_many must run in a READ COMMITTED transaction (got %)', current_setting('transaction_isolation')
            using errcode = 'feature_not_supported';
        end if;
        if jsonb_typeof(events) <> 'array' or jsonb_array_length(events) <> n then
          raise exception 'audit_append_many: % events for % bodies', jsonb_array_length(events), n using errcode = 'invalid_parameter_value';
        end if;
        perform pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK[0]}, ${AUDIT_CHAIN_LOCK[1]});
        select a.seq, a.hash into head_seq, head_hash from audit_events a order by a.seq desc limit 1;
        head_seq := coalesce(head_seq, 0);
        head_hash := coalesce(head_hash, repeat('0', 64));
`;

/**
 * The function as this migration made it (one INSERT per event); a later migration replaces it and puts it back on
 * revert.
 */
export const APPEND_MANY_ONE_BY_ONE = `
      audit_append_many(events jsonb, bodies text[]) returns table (seq bigint, hash text)
      language plpgsql volatile security definer set search_path = pg_catalog, public as $$
      declare
        head_seq bigint;
        head_hash text;
        new_seq bigint;
        new_hash text;
        e jsonb;
        n int := coalesce(array_length(bodies, 1), 0);
      begin
${APPEND_MANY_HEAD}        for i in 1 .. n loop
          e := events -> (i - 1);
          new_seq := head_seq + 1;
          new_hash := encode(sha256(convert_to(new_seq::text || '|' || head_hash || '|' || bodies[i], 'UTF8')), 'hex');
          insert into audit_events (seq, id, occurred_at, action, actor_id, actor_role, subject_type, subject_id,
                                    application_id, fields, details, request_id, ip, prev_hash, hash)
          values (new_seq, (e->>'id')::uuid, (e->>'occurredAt')::timestamptz, e->>'action',
                  e->>'actorId', e->>'actorRole', e->>'subjectType', e->>'subjectId',
                  e->>'applicationId', array(select jsonb_array_elements_text(e->'fields')),
                  e->'details', e->>'requestId', e->>'ip', head_hash, new_hash);
          head_seq := new_seq;
          head_hash := new_hash;
          seq := new_seq;
          hash := new_hash;
          return next;
        end loop;
      end $$`;
