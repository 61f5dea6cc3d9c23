import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

export class UploadBatchQueryDto {
  @ApiPropertyOptional({ description: 'Criteria version applied to every file of the batch (default: the latest published one)', example: 'MA-2016' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z]{2}-\d{4}[A-Za-z0-9-]{0,20}$/)
  criteriaVersion?: string;
}

export class ReviewQueryDto {
  @ApiPropertyOptional({ description: 'Keyset: the last line of the previous page', default: 0 })
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  afterLine?: number;
  @ApiPropertyOptional({ default: 200, maximum: 1000 })
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class BatchCountsDto {
  @ApiProperty({ description: 'Data rows in the file (the header line excluded)' }) received: number;
  @ApiProperty({ description: 'Rows refused with at least one error (see the errors file)' }) invalid: number;
  @ApiProperty({ description: 'Rows staged for import' }) staged: number;
  @ApiProperty({ description: 'Files created (a person, a submitted file, its receipt)' }) imported: number;
  @ApiProperty({ description: 'Rows set aside because they look like a person already registered or an earlier line' }) forReview: number;
  @ApiProperty({ description: 'Staged rows not handled yet (after a failure: the rows that remain to import)' }) pending: number;
  @ApiProperty({ description: 'Set-aside rows a caseworker registered anyway as new persons' }) reviewRegistered: number;
  @ApiProperty({ description: 'Set-aside rows whose file a caseworker opened on a person found' }) reviewAttached: number;
  @ApiProperty({ description: 'Set-aside rows a caseworker discarded' }) reviewDiscarded: number;
  @ApiProperty({ description: 'Set-aside rows still waiting for a decision' }) reviewOpen: number;
}

export class BatchFailureDto {
  @ApiProperty({
    enum: ['INTAKE_IMPORT_REFUSED', 'INTAKE_IMPORT_DATA_REJECTED', 'INTAKE_IMPORT_UNAVAILABLE', 'INTAKE_IMPORT_WORKER_LOST', 'INTAKE_IMPORT_ERROR'],
    description: 'Why the import stopped, as a stable code',
  })
  code: string;
  @ApiProperty({ type: String, nullable: true, description: 'What happened, in English, for the office and support (no value of a row)' }) detail: string | null;
  @ApiProperty({ format: 'date-time' }) failedAt: string;
}

export class IntakeBatchDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) officeId: string;
  @ApiProperty({ enum: ['importing', 'completed', 'failed'], description: 'failed: the import stopped for good (see failure); POST .../resume continues it' })
  status: 'importing' | 'completed' | 'failed';
  @ApiProperty({ type: String, nullable: true }) fileName: string | null;
  @ApiProperty({ description: 'SHA-256 of the file: the same file sent again by the office answers this batch' }) fileSha256: string;
  @ApiProperty() criteriaVersion: string;
  @ApiProperty({ type: BatchCountsDto }) counts: BatchCountsDto;
  @ApiProperty({ type: BatchFailureDto, nullable: true, description: 'While failed: why. The rows imported before the failure stay imported.' })
  failure: BatchFailureDto | null;
  @ApiProperty({ description: 'How many times the import was resumed after a failure' }) resumedCount: number;
  @ApiProperty({ description: 'Share of staged rows handled, 0 to 1' }) progress: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the uploader took the receipts (access codes are shown once)' })
  receiptsTakenAt: string | null;
}

export class UploadedBatchDto extends IntakeBatchDto {
  @ApiProperty({ description: 'False when the office had already sent this file: the existing batch is answered and nothing is imported again' })
  created: boolean;
}

export class ReviewItemDto {
  @ApiProperty() line: number;
  @ApiProperty({ type: String, nullable: true }) latinName: string | null;
  @ApiProperty({ type: String, nullable: true }) arabicName: string | null;
  @ApiProperty() birthYear: number;
  @ApiProperty() nationality: string;
  @ApiProperty() category: string;
  @ApiProperty({ type: [String], description: 'Registered persons this row looks like (GET /applicants/{id})' }) candidateApplicantIds: string[];
  @ApiProperty({ type: [Number], description: 'Earlier lines of the same file this row looks like' }) candidateLines: number[];
  @ApiProperty({ type: [String], description: 'The persons those earlier lines became: a file can be attached to them too' }) earlierLineApplicantIds: string[];
  @ApiProperty({ type: [String], enum: ['document_number', 'name_key', 'name_trigram', 'name_phonetic'] }) matchedOn: string[];
  @ApiProperty({ type: () => ReviewDecisionDto, nullable: true, description: 'What a caseworker decided (null: still to decide)' }) decision: ReviewDecisionDto | null;
}

const DECISIONS = ['registered_new', 'attached', 'discarded'] as const;

export class ReviewDecisionDto {
  @ApiProperty({ enum: DECISIONS }) decision: (typeof DECISIONS)[number];
  @ApiProperty({ format: 'date-time' }) decidedAt: string;
  @ApiProperty({ format: 'uuid' }) decidedBy: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The person the file is on (new or found)' }) applicantId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) applicationId: string | null;
  @ApiProperty({ type: String, nullable: true }) reference: string | null;
}

export class DecideReviewRowDto {
  @ApiProperty({
    enum: ['register_new', 'attach', 'discard'],
    description: 'register_new: a new person and file despite the likeness (reason required); attach: the file on a person found (applicantId); discard: nothing is registered (reason required)',
  })
  @IsIn(['register_new', 'attach', 'discard'])
  decision: 'register_new' | 'attach' | 'discard';
  @ApiPropertyOptional({ format: 'uuid', description: "For attach: one of the row's candidateApplicantIds, or the person an earlier line it looks like became" })
  @IsOptional()
  @IsUUID()
  applicantId?: string;
  @ApiPropertyOptional({ maxLength: 1000, description: 'Why; required to register anyway or to discard. Kept with the decision (and the file history), not in the audit trail' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class ReviewDecisionResultDto {
  @ApiProperty() line: number;
  @ApiProperty({ enum: DECISIONS }) decision: (typeof DECISIONS)[number];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) applicantId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) applicationId: string | null;
  @ApiProperty({ type: String, nullable: true }) reference: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The new file's access code when the batch's receipts were already taken (shown once, here); otherwise null and it comes with the receipts",
  })
  accessCode: string | null;
}
