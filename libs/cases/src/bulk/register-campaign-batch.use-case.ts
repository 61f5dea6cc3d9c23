import { Injectable, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@masar/access';
import { AuditTrail, type AuditEventInput } from '@masar/audit';
import { NotificationRequests, type NotificationRequest } from '@masar/notifications';
import { Outbox } from '@masar/outbox';
import { NAME_SIMILARITY_THRESHOLD } from '../applicants/find-duplicate-candidates.query';
import { CasesErrors } from '../cases.errors';
import { CasesCrypto } from '../crypto/cases-crypto';
import { uuidFrom } from '../deadlines/case-clocks';
import { criteriaVersion, isRegularisationCategory } from '../domain/eligibility/criteria';
import { generateAccessCode, hashAccessCode } from '../domain/reference/access-code';
import { generateReference } from '../domain/reference/case-reference';
import { stateOf } from '../domain/workflow/workflow-definition';
import { workflowFor } from '../domain/workflow/workflows';
import { messageFor } from '../notify/applicant-notifier';
import type { CampaignRowOutcome, StagedCampaignRow } from './campaign-row';
import { SealCampaignRows } from './seal-campaign-rows';

export interface CampaignChunk {
  /** The office caseworker or supervisor who uploaded the batch: the files are theirs, the audit names them. */
  actor: Actor;
  officeId: string;
  /** The import batch (owned by the intake context), recorded in each file's history and audit event. */
  batchId: string;
  criteriaVersion: string;
  rows: StagedCampaignRow[];
}

interface Match {
  line: number;
  ids: string[] | null;
  lines: number[] | null;
  matched: string[];
}

/**
 * Candidates for a whole chunk in one statement: each row against the persons already registered (the same
 * document number through the blind index, or the same nationality and birth year with a shared name key, a
 * trigram-similar skeleton or the same Double Metaphone code, as FindDuplicateCandidates does for one person), and
 * against the earlier rows of the same chunk (earlier chunks are already persons).
 *
 * Each row probes indexes (a lateral join per row): the document number's blind index; the (nationality,
 * birth_year) block, read from the index alone (applicants_block_idx carries id, keys and skeleton) for the key
 * and trigram tests; and (nationality, birth_year, dmetaphone(latin_name)) for the sound, an equi-join rather
 * than a Double Metaphone code computed for every person of the block. The parameters are typed as the columns
 * (character(64), character(2)): compared as text, the columns' indexes could not be used and every chunk read
 * and sorted the whole applicants and documents tables.
 */
const DUPLICATES_SQL = `
  with i as (
    select t.line, t.doc_index, t.birth_year, t.nationality, t.skeleton, t.latin_name,
           string_to_array(nullif(t.skeleton, ''), ' ') as keys,
           nullif(dmetaphone(coalesce(t.latin_name, '')), '') as dm
      from unnest($1::int[], $2::character(64)[], $3::int[], $4::character(2)[], $5::text[], $6::text[]) as t(line, doc_index, birth_year, nationality, skeleton, latin_name)
  ),
  hits as (
    select i.line, d.applicant_id as id, null::int as other, 'document_number' as matched
      from i cross join lateral (
        select d.applicant_id from applicant_identity_documents d join applicants p on p.id = d.applicant_id and p.merged_into_id is null
         where d.number_index = i.doc_index offset 0) d
    union all
    select i.line, p.id, null, case when p.name_keys && i.keys then 'name_key'
                                    when similarity(p.name_skeleton, i.skeleton) >= $7 then 'name_trigram'
                                    else 'name_phonetic' end
      from i cross join lateral (
        select p.id, p.name_keys, p.name_skeleton from applicants p
         where p.merged_into_id is null and p.nationality = i.nationality and p.birth_year = i.birth_year
           and (p.name_keys && i.keys or (i.skeleton <> '' and similarity(p.name_skeleton, i.skeleton) >= $7))
        union
        select p.id, p.name_keys, p.name_skeleton from applicants p
         where i.dm is not null and p.merged_into_id is null and p.latin_name is not null
           and p.nationality = i.nationality and p.birth_year = i.birth_year and dmetaphone(p.latin_name) = i.dm) p
    union all
    select b.line, null, a.line, 'document_number'
      from i a join i b on a.doc_index = b.doc_index and a.line < b.line
    union all
    select b.line, null, a.line, case when a.keys && b.keys then 'name_key'
                                      when similarity(a.skeleton, b.skeleton) >= $7 then 'name_trigram'
                                      else 'name_phonetic' end
      from i a join i b on a.nationality = b.nationality and a.birth_year = b.birth_year and a.line < b.line
     where a.keys && b.keys or (a.skeleton <> '' and similarity(a.skeleton, b.skeleton) >= $7) or a.dm = b.dm
  )
  select line, array_agg(distinct id) filter (where id is not null) as ids,
         array_agg(distinct other) filter (where other is not null) as lines, array_agg(distinct matched) as matched
    from hits group by line`;

/**
 * Registers a chunk of a campaign office's list in one transaction (the caller's), set-based: one statement finds
 * the likely duplicates of every row, and for the others one multi-row statement each writes the persons, their
 * identity documents, the files (submitted, with reference and access code), their two history rows (open,
 * submit), the 'application_received' case events with their notifications (and dispatch outbox rows), the
 * receipt letter outbox rows, and one audit event per file, appended in batch. A file is exactly what opening and
 * submitting it by hand would have made. Rows that look like someone (already registered, or earlier in the chunk)
 * create nothing and come back for review: a caseworker decides, as with the single registration.
 */
@Injectable()
export class RegisterCampaignBatch {
  constructor(
    private readonly crypto: CasesCrypto,
    private readonly seal: SealCampaignRows,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
    @Optional() private readonly notifications?: NotificationRequests,
  ) {}

  async importChunk(m: EntityManager, chunk: CampaignChunk): Promise<CampaignRowOutcome[]> {
    const { actor, rows } = chunk;
    if (rows.length === 0) return [];
    const criteria = criteriaVersion(chunk.criteriaVersion);
    if (!criteria) throw CasesErrors.unknownCriteriaVersion(chunk.criteriaVersion);
    for (const r of rows) {
      if (!isRegularisationCategory(r.category) || !criteria.categories.includes(r.category)) throw CasesErrors.unknownCategory(r.category, chunk.criteriaVersion);
    }
    const [office]: { kind: string }[] = await m.query(`select kind from offices where id = $1`, [chunk.officeId]);
    if (!office || office.kind === 'national_commission') throw CasesErrors.officeInvalid('Files are opened at a prefecture or province office.');
    const def = workflowFor('regularisation');
    const submitted = def.transitions.find((t) => t.action === 'submit')!;
    // The bulk path writes what 'submit' does today; a clock on the submitted state would need its rows too.
    if (stateOf(def, submitted.to)?.clock) throw new Error('RegisterCampaignBatch does not start clocks: the submitted state now runs one');

    // A chunk's statements are index probes: compiling them (JIT, from their estimated cost) took longer than running them.
    await m.query(`set local jit = off`);
    const matches: Match[] = await m.query(DUPLICATES_SQL, [
      rows.map((r) => r.line),
      rows.map((r) => r.documentIndex),
      rows.map((r) => r.birthYear),
      rows.map((r) => r.nationality),
      rows.map((r) => r.nameSkeleton),
      rows.map((r) => r.latinName),
      NAME_SIMILARITY_THRESHOLD,
    ]);
    const review = new Map(matches.map((x) => [Number(x.line), x]));
    const accepted = rows.filter((r) => !review.has(r.line));
    const outcomes: CampaignRowOutcome[] = [];
    for (const x of review.values()) {
      outcomes.push({ line: Number(x.line), outcome: 'review', candidateIds: x.ids ?? [], candidateLines: (x.lines ?? []).map(Number), matchedOn: x.matched });
    }
    if (accepted.length > 0) outcomes.push(...(await this.register(m, chunk, accepted, def.initial, submitted.to)));
    return outcomes.sort((a, b) => a.line - b.line);
  }

  private async register(m: EntityManager, chunk: CampaignChunk, rows: StagedCampaignRow[], initial: string, to: string): Promise<CampaignRowOutcome[]> {
    const { actor } = chunk;
    const now = new Date();
    const n = rows.length;
    const applicantIds = rows.map(() => randomUUID());
    const applicationIds = rows.map(() => randomUUID());
    const openIds = rows.map(() => randomUUID());
    const submitIds = rows.map(() => randomUUID());
    const codes = rows.map(() => generateAccessCode());
    const col = <K extends keyof StagedCampaignRow>(k: K) => rows.map((r) => r[k]);

    await m.query(
      `insert into applicants (id, latin_name, arabic_name, name_keys, name_skeleton, birth_year, birth_date_enc, sex, nationality,
         phone_enc, email_enc, preferred_language, created_by, created_at, updated_at)
       select t.id, t.latin, t.arabic, coalesce(string_to_array(nullif(t.skeleton, ''), ' '), '{}'), t.skeleton, t.year, t.birth, t.sex, t.nat,
              t.phone, t.email, t.lang, $12, $13, $13
         from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
              as t(id, latin, arabic, skeleton, year, birth, sex, nat, phone, email, lang)`,
      [applicantIds, col('latinName'), col('arabicName'), col('nameSkeleton'), col('birthYear'), col('birthDateEnc'), col('sex'), col('nationality'), col('phoneEnc'), col('emailEnc'), col('preferredLanguage'), actor.userId, now],
    );
    await m.query(
      `insert into applicant_identity_documents (applicant_id, type, number_enc, number_index, issuing_country, created_at)
       select * , $6::timestamptz from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[])`,
      [applicantIds, col('documentType'), col('documentNumberEnc'), col('documentIndex'), col('issuingCountry'), now],
    );

    // 35 random bits make a clash of references rare, not impossible: the rows that clashed draw again.
    const references: string[] = rows.map(() => '');
    let pending = rows.map((_, i) => i);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 5) throw new Error('could not draw free references');
      for (const i of pending) references[i] = generateReference();
      const inserted: { id: string }[] = await m.query(
        `insert into applications (id, reference, access_code_hash, kind, category, criteria_version, applicant_id, office_id, nationality,
           state, final, version, submitted_at, created_by, created_at, updated_at)
         select t.id, t.ref, t.hash, 'regularisation', t.category, $6, t.applicant, $7, t.nat, $8, false, 2, $9, $10, $9, $9
           from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $11::text[]) as t(id, ref, hash, category, applicant, nat)
         on conflict (reference) do nothing returning id`,
        [
          pending.map((i) => applicationIds[i]),
          pending.map((i) => references[i]),
          pending.map((i) => hashAccessCode(codes[i]!, this.crypto.accessCodeKey)),
          pending.map((i) => rows[i]!.category),
          pending.map((i) => applicantIds[i]),
          chunk.criteriaVersion,
          chunk.officeId,
          to,
          now,
          actor.userId,
          pending.map((i) => rows[i]!.nationality),
        ],
      );
      const done = new Set(inserted.map((r) => r.id));
      pending = pending.filter((i) => !done.has(applicationIds[i]!));
    }

    // The history a file opened and submitted by hand has: version 1 'open' (to draft), version 2 'submit'.
    await m.query(
      `insert into case_history (id, application_id, version, action, from_state, to_state, actor_id, actor_role, data, at)
       select t.id, t.app, t.v, t.action, t.from_state, t.to_state, $7, $8, t.data, $9
         from unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $10::jsonb[]) as t(id, app, v, action, from_state, to_state, data)`,
      [
        [...openIds, ...submitIds],
        [...applicationIds, ...applicationIds],
        [...rows.map(() => 1), ...rows.map(() => 2)],
        [...rows.map(() => 'open'), ...rows.map(() => 'submit')],
        [...rows.map(() => null), ...rows.map(() => initial)],
        [...rows.map(() => initial), ...rows.map(() => to)],
        actor.userId,
        actor.role,
        now,
        [...rows.map((r) => JSON.stringify({ kind: 'regularisation', category: r.category, criteriaVersion: chunk.criteriaVersion, intakeBatchId: chunk.batchId })), ...rows.map(() => '{}')],
      ],
    );

    // The applicant is told, as after a submission by hand: the message (idempotent per occurrence) and the event.
    const params = references.map((reference) => ({ reference }));
    const message = messageFor('application_received', { reference: '' });
    let notificationIds: (string | null)[] = rows.map(() => null);
    if (message && this.notifications) {
      const asked = await this.notifications.requestMany(
        m,
        rows.map((_, i): NotificationRequest => ({ event: message.event, applicationId: applicationIds[i]!, recipientId: applicantIds[i]!, occurrenceKey: submitIds[i]!, params: messageFor('application_received', params[i]!)!.params })),
      );
      notificationIds = asked.map((a) => a.notificationId);
    }
    await m.query(
      `insert into case_events (application_id, history_id, type, params, occurrence_key, notification_id, occurred_at)
       select t.app, t.hist, 'application_received', t.params, t.hist::text, t.notification, $5
         from unnest($1::uuid[], $2::uuid[], $3::jsonb[], $4::uuid[]) as t(app, hist, params, notification)
       on conflict (application_id, type, occurrence_key) do nothing`,
      [applicationIds, submitIds, params.map((p) => JSON.stringify(p)), notificationIds, now],
    );
    for (let i = 0; i < n; i += 5000) {
      await this.outbox.addMany(
        m,
        applicationIds.slice(i, i + 5000).map((applicationId, k) => ({ name: 'letters.receipt' as const, payload: { applicationId }, options: { id: uuidFrom(`${submitIds[i + k]}:receipt`) } })),
      );
    }

    // Last: the audit append holds the chain's lock until commit.
    await this.audit.recordMany(
      m,
      rows.map(
        (r, i): AuditEventInput => ({
          action: 'case.registered_in_bulk',
          actorId: actor.userId,
          actorRole: actor.role,
          subjectType: 'application',
          subjectId: applicationIds[i]!,
          applicationId: applicationIds[i]!,
          fields: ['applicant_id', 'birth_date', 'category', 'criteria_version', 'documents', 'kind', 'nationality', 'office_id', ...(r.latinName ? ['latin_name'] : []), ...(r.arabicName ? ['arabic_name'] : [])],
          details: { applicantId: applicantIds[i]!, intakeBatchId: chunk.batchId, line: r.line, historyId: submitIds[i]! },
        }),
      ),
    );
    return rows.map((r, i) => ({
      line: r.line,
      outcome: 'imported' as const,
      applicantId: applicantIds[i]!,
      applicationId: applicationIds[i]!,
      reference: references[i]!,
      accessCodeSealed: this.seal.sealAccessCode(codes[i]!),
    }));
  }
}
