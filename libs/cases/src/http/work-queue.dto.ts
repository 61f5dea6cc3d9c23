import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiQuery } from '@nestjs/swagger';
import { CASE_KINDS } from '../domain/workflow/workflow-definition';
import { WORK_QUEUE_VIEWS } from '../work-queue/work-queue.query';
import { WORK_QUEUE_FLAGS } from './work-queue.pipe';

/** The query of GET /work-queue in the OpenAPI document; WorkQueueQueryPipe validates it. */
export const ApiWorkQueueQuery = () =>
  applyDecorators(
    ApiQuery({ name: 'view', required: false, enum: WORK_QUEUE_VIEWS, schema: { default: 'office', type: 'string', enum: [...WORK_QUEUE_VIEWS] } }),
    ApiQuery({ name: 'kind', required: false, enum: CASE_KINDS }),
    ApiQuery({ name: 'category', required: false, type: String }),
    ApiQuery({ name: 'state', required: false, type: String }),
    ApiQuery({ name: 'nationality', required: false, type: String }),
    ApiQuery({ name: 'assigneeId', required: false, type: String }),
    ApiQuery({ name: 'flag', required: false, enum: WORK_QUEUE_FLAGS }),
    ApiQuery({ name: 'cursor', required: false, type: String }),
    ApiQuery({ name: 'limit', required: false, schema: { maximum: 100, default: 25, type: 'number' } }),
    ApiQuery({ name: 'counts', required: false, description: 'Counts per state for your scope', type: Boolean }),
  );

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
