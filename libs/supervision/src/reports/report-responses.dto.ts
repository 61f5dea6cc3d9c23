import { ApiProperty, ApiPropertyOptional, getSchemaPath, type ApiResponseOptions } from '@nestjs/swagger';
import { FILE_DIMENSIONS } from './files-report.query';
import { GRANT_RATE_GROUPS } from './grant-rates.query';

/**
 * The reports as JSON, for the OpenAPI document and the web's generated types: the controller returns the queries'
 * objects unchanged. Every report says when the summaries it reads were last refreshed.
 */

const COUNTS = { type: 'object', additionalProperties: { type: 'number', nullable: true } } as const;

export class ReportRowDto {
  @ApiProperty({ description: 'The value of the row dimension (an office code, a state, a month...)' }) key: string;
  @ApiPropertyOptional({ description: 'A name for the key, where there is one (an office)' }) label?: string;
  @ApiProperty({ ...COUNTS, description: 'Count per column; null when hidden in publication' }) cells: Record<string, number | null>;
  @ApiProperty({ nullable: true, type: Number }) total: number | null;
}

/** Files (or overdue files) by one dimension down, optionally one across, with totals. */
export class CrossTableReportDto {
  @ApiProperty({ enum: ['files', 'overdue'] }) report: string;
  @ApiProperty() publication: boolean;
  @ApiProperty({ format: 'date-time' }) refreshedAt: string;
  @ApiProperty({ enum: FILE_DIMENSIONS }) rowDimension: string;
  @ApiProperty({ enum: FILE_DIMENSIONS, nullable: true }) columnDimension: string | null;
  @ApiProperty({ type: [String], description: "The columns; with no column dimension, one named 'count'" }) columns: string[];
  @ApiProperty({ type: [ReportRowDto] }) rows: ReportRowDto[];
  @ApiProperty({ ...COUNTS }) columnTotals: Record<string, number | null>;
  @ApiProperty({ nullable: true, type: Number }) grandTotal: number | null;
  @ApiProperty({ description: 'How many cells and totals publication hid' }) suppressed: number;
}

export class GrantRateRowDto {
  @ApiProperty({ description: 'An office code, or an officer id' }) key: string;
  @ApiProperty() label: string;
  @ApiProperty({ nullable: true, type: Number }) decisions: number | null;
  @ApiProperty({ nullable: true, type: Number }) favourable: number | null;
  @ApiProperty({ nullable: true, type: Number }) unfavourable: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'favourable / decisions, 3 decimals; null when either is hidden' }) grantRate: number | null;
}

export class GrantRateTotalsDto {
  @ApiProperty({ nullable: true, type: Number }) decisions: number | null;
  @ApiProperty({ nullable: true, type: Number }) favourable: number | null;
  @ApiProperty({ nullable: true, type: Number }) unfavourable: number | null;
}

export class GrantRatesReportDto {
  @ApiProperty({ enum: ['grant-rates'] }) report: 'grant-rates';
  @ApiProperty({ enum: GRANT_RATE_GROUPS }) by: string;
  @ApiProperty({ enum: ['proposed', 'confirmed'] }) part: string;
  @ApiProperty() publication: boolean;
  @ApiProperty({ format: 'date-time' }) refreshedAt: string;
  @ApiProperty({ type: [GrantRateRowDto] }) rows: GrantRateRowDto[];
  @ApiProperty({ type: GrantRateTotalsDto }) totals: GrantRateTotalsDto;
  @ApiProperty() suppressed: number;
}

export class ProcessingTimeRowDto {
  @ApiProperty({ description: 'Office code' }) office: string;
  @ApiProperty() kind: string;
  @ApiProperty({ description: "A workflow state (time spent in it), or 'submission_to_first_decision'" }) stage: string;
  @ApiProperty({ nullable: true, type: Number }) stays: number | null;
  @ApiProperty({ nullable: true, type: Number }) medianDays: number | null;
  @ApiProperty({ nullable: true, type: Number }) p90Days: number | null;
}

export class ProcessingTimesReportDto {
  @ApiProperty({ enum: ['processing-times'] }) report: 'processing-times';
  @ApiProperty({ format: 'date-time' }) refreshedAt: string;
  @ApiProperty({ type: [ProcessingTimeRowDto] }) rows: ProcessingTimeRowDto[];
  @ApiProperty() suppressed: number;
  @ApiProperty() publication: boolean;
}

/** A report's 200: its JSON, or (`?format=csv`, `Accept: text/csv`) the same figures as a CSV attachment. */
export function reportResponse(dto: new () => object, description: string): ApiResponseOptions {
  return {
    description: `${description}; as CSV, an attachment (audited as an export)`,
    content: { 'application/json': { schema: { $ref: getSchemaPath(dto) } }, 'text/csv': { schema: { type: 'string' } } },
  };
}
