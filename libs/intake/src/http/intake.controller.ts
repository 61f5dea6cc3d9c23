import { Body, Controller, Get, Inject, HttpCode, HttpStatus, Param, ParseIntPipe, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow, CurrentActor, type Actor } from '@masar/access';
import { IntakeBatches, type IntakeBatchView, type ReviewItem } from '../batches/intake-batches.query';
import { TakeReceipts } from '../batches/take-receipts.use-case';
import { CAMPAIGN_COLUMNS, COLUMN_NAMES } from '../csv/campaign-columns';
import { ROW_ERROR_CODES } from '../csv/row-errors';
import { ResumeBatch } from '../failure/resume-batch.use-case';
import { IntakeErrors } from '../intake.errors';
import { INTAKE_OPTIONS, type IntakeOptions } from '../intake.options';
import { DecideReviewRow, type ReviewDecisionResult } from '../review/decide-review-row.use-case';
import { StageBatch } from '../upload/stage-batch.use-case';
import { DecideReviewRowDto, IntakeBatchDto, ReviewDecisionResultDto, ReviewItemDto, ReviewQueryDto, UploadBatchQueryDto, UploadedBatchDto } from './intake.dto';

interface MultipartFile {
  filename?: string;
  file: AsyncIterable<Buffer> & { truncated?: boolean; resume(): void };
}

const COLUMNS_DOC = COLUMN_NAMES.map((c) => `\`${c}\`${CAMPAIGN_COLUMNS[c].required ? '' : ' (optional)'}: ${CAMPAIGN_COLUMNS[c].doc}`).join('; ');

@ApiTags('intake')
@ApiBearerAuth()
@Controller('intake/batches')
@Allow('caseworker', 'supervisor')
export class IntakeController {
  constructor(
    private readonly stage: StageBatch,
    private readonly batches: IntakeBatches,
    private readonly receipts: TakeReceipts,
    private readonly resumeBatch: ResumeBatch,
    private readonly decide: DecideReviewRow,
    @Inject(INTAKE_OPTIONS) private readonly options: IntakeOptions,
  ) {}

  @Post()
  @ApiOperation({
    summary: "Upload a campaign office's CSV (one person and one regularisation file per row); the import runs in the worker",
    description:
      `UTF-8 CSV, comma-separated, header line first, columns in any order: ${COLUMNS_DOC}. ` +
      `Rows with problems are not imported; their errors (line, column, code: ${ROW_ERROR_CODES.join(', ')}) are at GET /intake/batches/{id}/errors. ` +
      'The same file sent again by the office answers 200 with the existing batch and imports nothing.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiAcceptedResponse({ type: UploadedBatchDto, description: 'Staged; the import runs in the worker (follow GET /intake/batches/{id})' })
  @ApiOkResponse({ type: UploadedBatchDto, description: 'This file was already sent by the office: its batch' })
  async upload(@CurrentActor() actor: Actor, @Query() query: UploadBatchQueryDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<UploadedBatchDto> {
    const r = req as FastifyRequest & { isMultipart?: () => boolean; file?: (o?: unknown) => Promise<MultipartFile | undefined> };
    if (!r.isMultipart?.() || !r.file) throw IntakeErrors.noFile();
    const limit = this.options.maxFileBytes;
    const part = await r.file({ limits: { fileSize: limit + 1 } });
    if (!part) throw IntakeErrors.noFile();
    try {
      const staged = await this.stage.execute({ actor, content: part.file, fileName: part.filename ?? null, criteriaVersion: query.criteriaVersion ?? null });
      const batch = await this.batches.get(actor, staged.batchId);
      void reply.status(staged.created ? HttpStatus.ACCEPTED : HttpStatus.OK).header('location', `/intake/batches/${staged.batchId}`);
      return { ...batch, created: staged.created };
    } finally {
      part.file.resume();
    }
  }

  @Get()
  @ApiOperation({ summary: "The office's latest import batches, newest first" })
  @ApiOkResponse({ type: [IntakeBatchDto] })
  list(@CurrentActor() actor: Actor): Promise<IntakeBatchView[]> {
    return this.batches.list(actor);
  }

  @Get(':batchId')
  @ApiOperation({ summary: 'A batch: status, counts and progress (another office gets 404)' })
  @ApiOkResponse({ type: IntakeBatchDto })
  get(@CurrentActor() actor: Actor, @Param('batchId', new ParseUUIDPipe()) batchId: string): Promise<IntakeBatchView> {
    return this.batches.get(actor, batchId);
  }

  @Get(':batchId/errors')
  @ApiOperation({ summary: 'The problems of the rows that were not imported, as CSV: line, column, code' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'text/csv: line,column,code', schema: { type: 'string' } })
  async errors(@CurrentActor() actor: Actor, @Param('batchId', new ParseUUIDPipe()) batchId: string, @Res() reply: FastifyReply): Promise<void> {
    const csv = await this.batches.errorsCsv(actor, batchId);
    await reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="errors-${batchId}.csv"`).send(csv);
  }

  @Get(':batchId/review')
  @ApiOperation({ summary: 'Rows set aside because they look like someone already registered or an earlier line: a caseworker decides' })
  @ApiOkResponse({ type: [ReviewItemDto] })
  review(@CurrentActor() actor: Actor, @Param('batchId', new ParseUUIDPipe()) batchId: string, @Query() q: ReviewQueryDto): Promise<ReviewItem[]> {
    return this.batches.reviewList(actor, batchId, q.afterLine ?? 0, q.limit ?? 200);
  }

  @Post(':batchId/review/:line/decision')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Decide a row set aside: register it as a new person (reason), open its file on a person found, or discard it (reason); once per row (409 after)',
  })
  @ApiOkResponse({ type: ReviewDecisionResultDto })
  decideReview(
    @CurrentActor() actor: Actor,
    @Param('batchId', new ParseUUIDPipe()) batchId: string,
    @Param('line', new ParseIntPipe()) line: number,
    @Body() body: DecideReviewRowDto,
  ): Promise<ReviewDecisionResult> {
    return this.decide.execute(actor, batchId, line, body);
  }

  @Post(':batchId/resume')
  @HttpCode(202)
  @ApiOperation({ summary: 'Resume a failed import: it goes on after the last committed line (nothing imported twice); 409 unless the batch is failed' })
  @ApiAcceptedResponse({ type: IntakeBatchDto, description: 'Importing again (follow GET /intake/batches/{id})' })
  async resume(@CurrentActor() actor: Actor, @Param('batchId', new ParseUUIDPipe()) batchId: string): Promise<IntakeBatchView> {
    await this.resumeBatch.execute(actor, batchId);
    return this.batches.get(actor, batchId);
  }

  @Post(':batchId/receipts')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Take the receipts (reference and access code of every file created), once, as CSV to print; the codes are then erased (410 afterwards)',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'text/csv: line,reference,access_code,latin_name,arabic_name', schema: { type: 'string' } })
  async takeReceipts(@CurrentActor() actor: Actor, @Param('batchId', new ParseUUIDPipe()) batchId: string, @Res() reply: FastifyReply): Promise<void> {
    const { csv } = await this.receipts.execute(actor, batchId);
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="receipts-${batchId}.csv"`)
      .header('cache-control', 'no-store')
      .send(csv);
  }
}
