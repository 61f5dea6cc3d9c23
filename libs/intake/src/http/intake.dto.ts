import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

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
  @ApiProperty({ description: 'Staged rows not handled yet' }) pending: number;
}

export class IntakeBatchDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) officeId: string;
  @ApiProperty({ enum: ['importing', 'completed'] }) status: 'importing' | 'completed';
  @ApiProperty({ type: String, nullable: true }) fileName: string | null;
  @ApiProperty({ description: 'SHA-256 of the file: the same file sent again by the office answers this batch' }) fileSha256: string;
  @ApiProperty() criteriaVersion: string;
  @ApiProperty({ type: BatchCountsDto }) counts: BatchCountsDto;
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
  @ApiProperty({ type: [String], enum: ['document_number', 'name_key', 'name_trigram', 'name_phonetic'] }) matchedOn: string[];
}
