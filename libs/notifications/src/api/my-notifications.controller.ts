import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { DataSource } from 'typeorm';
import { Allow, CurrentActor, type Actor } from '@masar/access';
import { CommonErrors } from '@masar/errors';
import { InboxPageDto } from './notifications-responses.dto';

export class InboxQuery {
  /** The `next` cursor of the previous page. */
  @ApiPropertyOptional({ description: 'The `next` cursor of the previous page' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9TZ:.+-]{10,40}_[0-9a-f-]{36}$/)
  after?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}

/** The in-app channel: what the signed-in applicant has been told, newest first (keyset pages). */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/notifications')
export class MyNotificationsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Allow('applicant')
  @ApiOkResponse({ type: InboxPageDto })
  async list(@CurrentActor() actor: Actor, @Query() query: InboxQuery): Promise<InboxPageDto> {
    const limit = query.limit ?? 20;
    const [afterAt, afterId] = query.after ? query.after.split('_') : [null, null];
    const rows = await this.dataSource.query(
      `select id, application_id, event, language, subject, body, created_at, read_at
         from notification_inbox
        where user_id = $1 and ($2::timestamptz is null or (created_at, id) < ($2::timestamptz, $3::uuid))
        order by created_at desc, id desc limit $4`,
      [actor.userId, afterAt, afterId, limit + 1],
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r: Record<string, any>) => ({
        id: r.id,
        applicationId: r.application_id,
        event: r.event,
        language: r.language,
        subject: r.subject,
        body: r.body,
        createdAt: (r.created_at as Date).toISOString(),
        readAt: r.read_at ? (r.read_at as Date).toISOString() : null,
      })),
      next: rows.length > limit && last ? `${(last.created_at as Date).toISOString()}_${last.id}` : null,
    };
  }

  /** Marks one of the applicant's own messages as read; another person's message is "not found", not "forbidden". */
  @Post(':id/read')
  @HttpCode(204)
  @Allow('applicant')
  @ApiNoContentResponse({ description: 'Marked as read (already read: unchanged)' })
  async markRead(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    const rows = await this.dataSource.query(
      `update notification_inbox set read_at = coalesce(read_at, now()) where id = $1 and user_id = $2 returning id`,
      [id, actor.userId],
    );
    if ((Array.isArray(rows[0]) ? rows[0] : rows).length === 0) throw CommonErrors.notFound('message');
  }
}
