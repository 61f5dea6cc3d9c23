import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO31661Alpha2, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { CASE_KINDS, type CaseKind } from '../domain/workflow/workflow-definition';
import { WORK_QUEUE_VIEWS, type WorkQueueView } from '../work-queue/work-queue.query';

export class WorkQueueQueryDto {
  @ApiPropertyOptional({ enum: WORK_QUEUE_VIEWS, default: 'office' }) @IsOptional() @IsIn(WORK_QUEUE_VIEWS) view?: WorkQueueView;
  @ApiPropertyOptional({ enum: CASE_KINDS }) @IsOptional() @IsIn(CASE_KINDS) kind?: CaseKind;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^[a-z_]{2,40}$/) category?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^[a-z_]{2,40}$/) state?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO31661Alpha2() nationality?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() assigneeId?: string;
  @ApiPropertyOptional({ enum: ['trafficking_indicators', 'vulnerable_person'] }) @IsOptional() @IsIn(['trafficking_indicators', 'vulnerable_person']) flag?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) cursor?: string;
  @ApiPropertyOptional({ default: 25, maximum: 100 })
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
  @ApiPropertyOptional({ description: 'Counts per state for your scope' })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  counts?: boolean;
}

export class WorkQueueItemDto {
  @ApiProperty() id: string;
  @ApiProperty() reference: string;
  @ApiProperty({ enum: CASE_KINDS }) kind: string;
  @ApiProperty({ nullable: true, type: String }) category: string | null;
  @ApiProperty() state: string;
  @ApiProperty() stage: string;
  @ApiProperty({ nullable: true, type: String }) nationality: string | null;
  @ApiProperty() officeId: string;
  @ApiProperty({ nullable: true, type: String }) assigneeId: string | null;
  @ApiProperty({ nullable: true, type: String }) dueAt: string | null;
  @ApiProperty() overdue: boolean;
  @ApiProperty() version: number;
}

export class WorkQueuePageDto {
  @ApiProperty({ type: [WorkQueueItemDto] }) items: WorkQueueItemDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page' }) nextCursor: string | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'number' } }) counts?: Record<string, number>;
}
