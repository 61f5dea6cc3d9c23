import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow, CurrentActor, type Actor } from '@masar/access';
import type { Checklist } from './checklist/checklist';
import { GetChecklist } from './checklist/get-checklist.use-case';
import { DocumentErrors } from './documents.errors';
import { DownloadDocument } from './download/download-document.use-case';
import { ReviewDocumentDto } from './review/review-document.dto';
import { ReviewDocument } from './review/review-document.use-case';
import { UploadDocument, type UploadedDocument } from './upload/upload-document.use-case';

interface MultipartFile {
  file: AsyncIterable<Buffer> & { truncated?: boolean; resume(): void };
}

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
  getChecklist(@CurrentActor() actor: Actor, @Param('applicationId', new ParseUUIDPipe()) applicationId: string): Promise<Checklist> {
    return this.checklist.execute(actor, applicationId);
  }

  @Get('documents/:documentId/content')
  @Allow('caseworker', 'supervisor', 'applicant')
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
