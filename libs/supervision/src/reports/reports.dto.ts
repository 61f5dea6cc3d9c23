import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { FILE_DIMENSIONS } from './files-report.query';
import { GRANT_RATE_GROUPS } from './grant-rates.query';

const KINDS = ['regularisation', 'asylum', 'renewal'] as const;
const asBoolean = ({ value }: { value: unknown }) => value === true || value === 'true' || value === '1';

class ReportOptionsDto {
  @ApiPropertyOptional({ description: 'Suppress counts below 5 and the figures that would reveal them' })
  @IsOptional()
  @Transform(asBoolean)
  @IsBoolean()
  publication?: boolean;
  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'Or Accept: text/csv' }) @IsOptional() @IsIn(['json', 'csv']) format?: 'json' | 'csv';
  @ApiPropertyOptional({ enum: KINDS }) @IsOptional() @IsIn(KINDS) kind?: string;
  @ApiPropertyOptional({ example: '2026-01' }) @IsOptional() @IsString() @Matches(/^\d{4}-(0[1-9]|1[0-2])$/) from?: string;
  @ApiPropertyOptional({ example: '2026-12' }) @IsOptional() @IsString() @Matches(/^\d{4}-(0[1-9]|1[0-2])$/) to?: string;
}

export class FilesReportQueryDto extends ReportOptionsDto {
  @ApiPropertyOptional({ enum: FILE_DIMENSIONS, default: 'office' }) @IsOptional() @IsIn(FILE_DIMENSIONS) rows?: string;
  @ApiPropertyOptional({ enum: FILE_DIMENSIONS }) @IsOptional() @IsIn(FILE_DIMENSIONS) columns?: string;
}

export class GrantRatesQueryDto extends ReportOptionsDto {
  @ApiPropertyOptional({ enum: GRANT_RATE_GROUPS, default: 'office' }) @IsOptional() @IsIn(GRANT_RATE_GROUPS) by?: string;
  @ApiPropertyOptional({ enum: ['proposed', 'confirmed'], default: 'proposed' }) @IsOptional() @IsIn(['proposed', 'confirmed']) part?: string;
}

export class ProcessingTimesQueryDto extends ReportOptionsDto {
  @ApiPropertyOptional({ example: 'provincial_review' }) @IsOptional() @IsString() @Matches(/^[a-z_]{2,40}$/) stage?: string;
}
