import { ApiProperty } from '@nestjs/swagger';
import type { ChecklistStatus } from './checklist/checklist';
import { DOCUMENT_KINDS, type DocumentKind } from './checklist/document-kinds';
import { ALLOWED_CONTENT_TYPES, type ContentType } from './content/content-type';

/** The OpenAPI shapes of the documents routes (the web client is generated from them). */
export class UploadedDocumentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind: DocumentKind;
  @ApiProperty({ enum: ALLOWED_CONTENT_TYPES, description: 'The type found in the content (what was declared is ignored)' }) contentType: ContentType;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ enum: ['pending_check'], description: 'Checks run in the worker; the checklist shows their outcome' }) status: 'pending_check';
}

export class ChecklistItemDto {
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind: DocumentKind;
  @ApiProperty({ description: 'False for a kind uploaded that nobody required' }) required: boolean;
  @ApiProperty({ enum: ['missing', 'pending_check', 'verified', 'rejected'] }) status: ChecklistStatus;
  @ApiProperty({ description: 'A person must look at it (a date or duplicate flag); shown as pending check meanwhile' }) inReview: boolean;
  @ApiProperty({ nullable: true, type: String, description: "A rejected item's latest rejection code" }) reason: string | null;
  @ApiProperty({ nullable: true, type: String, description: "A rejected item's latest rejection sentence" }) detail: string | null;
  @ApiProperty({ type: [String], format: 'uuid', description: 'Uploads of this kind, newest first' }) documentIds: string[];
  @ApiProperty({
    enum: ['issuedOn', 'expiresOn'],
    isArray: true,
    description: "The dates to send with an upload of this kind (issuedOn, expiresOn): those the file's category checks",
  })
  datesNeeded: ('issuedOn' | 'expiresOn')[];
}

export class ChecklistDto {
  @ApiProperty({ type: [ChecklistItemDto] }) items: ChecklistItemDto[];
  @ApiProperty({ description: 'Every required document is there and verified: the file can move on' }) complete: boolean;
}

export class DocumentReviewResultDto {
  @ApiProperty({ enum: ['verified', 'rejected'] }) status: 'verified' | 'rejected';
  @ApiProperty({ description: 'The review completed the checklist and the file moved on' }) fileMovedOn: boolean;
}
