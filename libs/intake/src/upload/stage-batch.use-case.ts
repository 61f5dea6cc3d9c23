import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { parse } from 'csv-parse';
import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { Readable, type Writable } from 'node:stream';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { currentCriteriaVersion, criteriaVersion, SealCampaignRows } from '@masar/cases';
import { Outbox } from '@masar/outbox';
import { readCampaignRow, readHeader, type ColumnMap } from '../csv/campaign-columns';
import type { RowError } from '../csv/row-errors';
import { IntakeErrors } from '../intake.errors';
import { INTAKE_OPTIONS, type IntakeOptions } from '../intake.options';
import { copyLine } from './copy-text';

export interface StageCommand {
  actor: Actor;
  content: AsyncIterable<Buffer>;
  fileName?: string | null;
  criteriaVersion?: string | null;
}

export interface StagedBatch {
  batchId: string;
  /** False when this office had already sent the same file: nothing was staged again, the first batch answers. */
  created: boolean;
}

const STAGING_COLUMNS = [
  'batch_id', 'line', 'latin_name', 'arabic_name', 'name_skeleton', 'birth_year', 'birth_date_enc', 'sex', 'nationality', 'phone_enc', 'email_enc',
  'preferred_language', 'document_type', 'document_number_enc', 'document_index', 'issuing_country', 'category',
];

/** How long an upload's staging may take (a file at the size limit, read from a slow office link). */
const STAGING_TIMEOUT = '15min';

/** About this much COPY text is written at a time. */
const COPY_FLUSH_CHARS = 256 * 1024;

/**
 * Receives an office's CSV as it streams in: the bytes are hashed, parsed, each record checked and sealed (the
 * cases context encrypts and keys it), and COPYed into the staging table; the problems of the other records are
 * kept per line and column. All of it, the batch row and its 'intake.import' outbox message commit together, so
 * a failed upload leaves nothing. The same file sent again by the same office (same SHA-256) is not staged twice:
 * the unique (office, hash) makes the second transaction roll back and the first batch is answered.
 */
@Injectable()
export class StageBatch {
  private readonly logger = new Logger(StageBatch.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly seal: SealCampaignRows,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
    @InjectQueue('intake') private readonly queue: Queue,
    @Inject(INTAKE_OPTIONS) private readonly options: IntakeOptions,
  ) {}

  async execute(cmd: StageCommand): Promise<StagedBatch> {
    const { actor } = cmd;
    if (!actor.officeId || (actor.role !== 'caseworker' && actor.role !== 'supervisor')) throw IntakeErrors.officeRequired();
    const qr = this.dataSource.createQueryRunner();
    await qr.connect();
    let staged: StagedBatch;
    try {
      await qr.startTransaction();
      // The COPY lasts as long as the upload: the usual 30-second statement limit would cut a large file short.
      await qr.query(`set local statement_timeout = '${STAGING_TIMEOUT}'`);
      const version = cmd.criteriaVersion ?? (await currentCriteriaVersion(qr.manager));
      const criteria = criteriaVersion(version);
      if (!criteria) throw IntakeErrors.criteriaVersionUnknown(version);
      const batchId = randomUUID();
      const client = (qr as unknown as { databaseConnection: PoolClient }).databaseConnection;
      const read = await this.stream(client, batchId, cmd.content, criteria.categories);
      const m = qr.manager;
      const inserted: { id: string }[] = await m.query(
        `insert into intake_batches (id, office_id, uploaded_by, uploaded_by_role, file_sha256, file_name, file_bytes, criteria_version, status,
           rows_received, rows_invalid, rows_staged, started_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, 'importing', $9, $10, $11, now())
         on conflict (office_id, file_sha256) do nothing returning id`,
        [batchId, actor.officeId, actor.userId, actor.role, read.sha256, cmd.fileName?.slice(0, 200) ?? null, read.bytes, version, read.received, read.invalidRows, read.staged],
      );
      if (inserted.length === 0) {
        await qr.rollbackTransaction();
        const [existing]: { id: string }[] = await this.dataSource.query(`select id from intake_batches where office_id = $1 and file_sha256 = $2`, [actor.officeId, read.sha256]);
        return { batchId: existing!.id, created: false };
      }
      await this.insertErrors(m, batchId, read.errors);
      await this.outbox.add(m, 'intake.import', { batchId }, { id: batchId });
      await this.audit.record(m, {
        action: 'intake.batch_uploaded',
        actorId: actor.userId,
        actorRole: actor.role,
        subjectType: 'intake_batch',
        subjectId: batchId,
        details: { officeId: actor.officeId, rowsReceived: read.received, rowsInvalid: read.invalidRows, rowsStaged: read.staged, criteriaVersion: version },
      });
      await qr.commitTransaction();
      staged = { batchId, created: true };
    } catch (err) {
      if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
      throw err;
    } finally {
      await qr.release();
    }
    // The outbox message is the guarantee; queueing now (same job id) saves waiting for the relay.
    await this.queue.add('intake.import', { batchId: staged.batchId }, { jobId: staged.batchId }).catch((err: unknown) => {
      this.logger.warn({ err, batchId: staged.batchId }, 'intake job not queued directly; the outbox relay will queue it');
    });
    return staged;
  }

  private async stream(client: PoolClient, batchId: string, content: AsyncIterable<Buffer>, categories: readonly string[]) {
    const hash = createHash('sha256');
    let bytes = 0;
    const limit = this.options.maxFileBytes;
    const hashed = Readable.from(
      (async function* () {
        for await (const chunk of content) {
          bytes += chunk.length;
          if (bytes > limit) throw IntakeErrors.fileTooLarge(limit);
          hash.update(chunk);
          yield chunk;
        }
      })(),
    );
    const parser = hashed.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }));
    hashed.on('error', (err) => parser.destroy(err));
    const copy: Writable = client.query(copyFrom(`copy intake_rows (${STAGING_COLUMNS.join(', ')}) from stdin`));
    let copyError: unknown = null;
    const copyDone = new Promise<void>((resolve, reject) => {
      copy.on('finish', resolve);
      copy.on('error', (err) => {
        copyError = err;
        reject(err);
      });
    });
    copyDone.catch(() => undefined);
    const errors: RowError[] = [];
    let map: ColumnMap | null = null;
    let width = 0;
    let received = 0;
    let staged = 0;
    let invalidRows = 0;
    let buffer = '';
    const thisYear = new Date().getUTCFullYear();
    try {
      for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        if (!map) {
          const h = readHeader(record);
          if (h.missing.length || h.unknown.length) throw IntakeErrors.headerInvalid(h.missing, h.unknown);
          map = h.map;
          width = record.length;
          continue;
        }
        received++;
        const line = info.lines;
        const row = readCampaignRow(record, line, map, width, categories, thisYear);
        if ('errors' in row) {
          invalidRows++;
          errors.push(...row.errors);
          continue;
        }
        const s = this.seal.seal(row.person);
        buffer += copyLine([
          batchId, line, s.latinName, s.arabicName, s.nameSkeleton, s.birthYear, s.birthDateEnc, s.sex, s.nationality, s.phoneEnc, s.emailEnc,
          s.preferredLanguage, s.documentType, s.documentNumberEnc, s.documentIndex, s.issuingCountry, s.category,
        ]);
        staged++;
        if (buffer.length >= COPY_FLUSH_CHARS) {
          // The server ended the COPY (a limit, a restart): stop reading and answer its error.
          if (copyError) throw copyError;
          const ok = copy.write(buffer);
          buffer = '';
          if (!ok) await once(copy, 'drain');
        }
      }
    } catch (err) {
      copy.destroy();
      await copyDone.catch(() => undefined);
      const e = err as { code?: string; lines?: number; message?: string };
      if (typeof e.code === 'string' && e.code.startsWith('CSV_')) throw IntakeErrors.csvMalformed(e.lines ?? null, e.message ?? 'unreadable CSV');
      if (e.code === 'FST_REQ_FILE_TOO_LARGE') throw IntakeErrors.fileTooLarge(limit);
      throw err;
    }
    if (!map) {
      copy.destroy();
      await copyDone.catch(() => undefined);
      throw IntakeErrors.emptyFile();
    }
    copy.end(buffer);
    await copyDone;
    return { sha256: hash.digest('hex'), bytes, received, staged, invalidRows, errors };
  }

  private async insertErrors(m: EntityManager, batchId: string, errors: RowError[]): Promise<void> {
    for (let i = 0; i < errors.length; i += 10000) {
      const slice = errors.slice(i, i + 10000);
      await m.query(
        `insert into intake_row_errors (batch_id, line, column_name, code) select $1, * from unnest($2::int[], $3::text[], $4::text[])`,
        [batchId, slice.map((e) => e.line), slice.map((e) => e.column), slice.map((e) => e.code)],
      );
    }
  }
}
