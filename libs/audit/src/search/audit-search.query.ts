import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { AUDIT_SEARCH_MAX_LIMIT } from './search-audit-events.use-case';

/** Ids as the trail stores them (and as a search of the trail is itself recorded): letters, digits, _ . : - */
const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

/** `GET /audit/events` filters. Every filter is optional; together they narrow (AND). */
export class AuditSearchQueryDto {
  @ApiPropertyOptional({ description: 'Events of this case file' })
  @IsOptional()
  @Matches(IDENTIFIER)
  applicationId?: string;

  @ApiPropertyOptional({
    description: "Events of the file with this reference, as printed on the receipt (case, spaces and dashes do not matter); a reference no file in the reader's scope bears finds nothing",
    example: 'MA-7K3Q-9XWD',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  reference?: string;

  @ApiPropertyOptional({ description: 'Events done by this user' })
  @IsOptional()
  @Matches(IDENTIFIER)
  actorId?: string;

  @ApiPropertyOptional({ example: 'case.transition' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_-]*)+$/)
  action?: string;

  @ApiPropertyOptional({ description: 'Events about this kind of subject', example: 'document' })
  @IsOptional()
  @Matches(/^[a-z][A-Za-z0-9_-]{0,63}$/)
  subjectType?: string;

  @ApiPropertyOptional({ description: 'Events about this subject (a document, a user, a report...)' })
  @IsOptional()
  @Matches(IDENTIFIER)
  subjectId?: string;

  @ApiPropertyOptional({ description: 'From this instant (inclusive), ISO 8601' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Until this instant (exclusive), ISO 8601' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @MaxLength(64)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: AUDIT_SEARCH_MAX_LIMIT, default: 50 })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(AUDIT_SEARCH_MAX_LIMIT)
  limit?: number;
}
