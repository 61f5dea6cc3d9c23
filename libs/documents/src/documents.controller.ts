import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow, CurrentActor, type Actor } from '@masar/access';
import type { Checklist } from './checklist/checklist';
import { GetChecklist } from './checklist/get-checklist.use-case';
import { DOCUMENT_KINDS } from './checklist/document-kinds';
import { ALLOWED_CONTENT_TYPES } from './content/content-type';
import { ChecklistDto, DocumentReviewResultDto, UploadedDocumentDto } from './documents-responses.dto';
import { DocumentErrors } from './documents.errors';
import { DownloadDocument } from './download/download-document.use-case';
import { ReviewDocumentDto } from './review/review-document.dto';
import { ReviewDocument } from './review/review-document.use-case';
import { UploadDocument, type UploadedDocument } from './upload/upload-document.use-case';

interface MultipartFile {
  file: AsyncIterable<Buffer> & { truncated?: boolean; resume(): void };
}

@ApiTags('documents')
@ApiBearerAuth()
@Controller()
export class DocumentsController {
  constructor(
    private readonly upload: UploadDocument,
    private readonly download: DownloadDocument,
    private readonly checklist: GetChecklist,
    private readonly review: ReviewDocument,
  ) {}

  /** A caseworker's decision on a document the checks flagged for review. */
  @Post('documents/:documentId/review')
  @Allow('caseworker')
  @ApiOperation({ summary: 'Verify or reject (with reasons) a document the checks flagged for review' })
  @ApiOkResponse({ type: DocumentReviewResultDto })
  @HttpCode(200)
  reviewDocument(@CurrentActor() actor: Actor, @Param('documentId', new ParseUUIDPipe()) documentId: string, @Body() body: ReviewDocumentDto) {
    return this.review.execute({ actor, documentId, decision: body.decision, reason: body.reason });
  }

  /**
   * Upload one document: multipart with one part named `file`; the kind and dates are query parameters so they
   * are known, and checked, before the first byte of the file is read. Name and declared type of the part are ignored.
   */
  @Post('applications/:applicationId/documents')
  @Allow('caseworker', 'applicant')
  @ApiOperation({ summary: 'Upload a document to a file (PDF, JPEG, PNG or WebP by content; 413 over the size limit, 409 over the count limit, 415 for any other content)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiQuery({ name: 'kind', enum: DOCUMENT_KINDS })
  @ApiQuery({ name: 'issuedOn', required: false, description: 'YYYY-MM-DD: date of the document' })
  @ApiQuery({ name: 'expiresOn', required: false, description: 'YYYY-MM-DD: expiry of an identity document' })
  @ApiCreatedResponse({ type: UploadedDocumentDto })
  @HttpCode(201)
  async uploadDocument(
    @CurrentActor() actor: Actor,
    @Param('applicationId', new ParseUUIDPipe()) applicationId: string,
    @Query('kind') kind: string | undefined,
    @Query('issuedOn') issuedOn: string | undefined,
    @Query('expiresOn') expiresOn: string | undefined,
    @Req() req: FastifyRequest,
  ): Promise<UploadedDocument> {
    if (!kind) throw DocumentErrors.invalidField('kind', 'Say which document this is (kind).');
    const r = req as FastifyRequest & { isMultipart?: () => boolean; file?: () => Promise<MultipartFile | undefined> };
    if (!r.isMultipart?.() || !r.file) throw DocumentErrors.noFile();
    const part = await r.file();
    if (!part) throw DocumentErrors.noFile();
    try {
      return await this.upload.execute({ actor, applicationId, kind, issuedOn, expiresOn, content: part.file });
    } finally {
      // Whatever was not read (a refused upload) is drained so the connection can answer.
      part.file.resume();
    }
  }

  @Get('applications/:applicationId/documents')
  @Allow('caseworker', 'supervisor', 'applicant')
  @ApiOperation({ summary: "The file's checklist: per document kind, missing, pending check, verified or rejected (with reason)" })
  @ApiOkResponse({ type: ChecklistDto })
  getChecklist(@CurrentActor() actor: Actor, @Param('applicationId', new ParseUUIDPipe()) applicationId: string): Promise<Checklist> {
    return this.checklist.execute(actor, applicationId);
  }

  @Get('documents/:documentId/content')
  @Allow('caseworker', 'supervisor', 'applicant')
  @ApiOperation({ summary: 'Download a document (recorded in the audit trail as an access)' })
  @ApiProduces(...ALLOWED_CONTENT_TYPES)
  @ApiOkResponse({
    description: 'The stored bytes, as an attachment, in the type found when they were uploaded',
    content: Object.fromEntries(ALLOWED_CONTENT_TYPES.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])),
  })
  async downloadDocument(
    @CurrentActor() actor: Actor,
    @Param('documentId', new ParseUUIDPipe()) documentId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const d = await this.download.execute(actor, documentId);
    await reply
      .header('content-type', d.contentType)
      .header('content-length', String(d.sizeBytes))
      .header('content-disposition', `attachment; filename="${d.fileName}"`)
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .send(d.content);
  }
}
