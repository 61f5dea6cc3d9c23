import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Allow, CurrentActor, type Actor } from '@masar/access';
import { DeadLetterListDto, DeadLetterRetryDto } from './notifications-responses.dto';
import { RetryDeadLetter } from './retry-dead-letter.use-case';

/**
 * Messages that could not be delivered. An admin sees which event and channel failed and why (no addresses, no
 * message text: admins read no case files) and can send one again once the cause is fixed.
 */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('admin/notifications/dead-letters')
export class DeadLettersController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly retryDeadLetter: RetryDeadLetter,
  ) {}

  @Get()
  @Allow('admin')
  @ApiOkResponse({ type: DeadLetterListDto })
  async list(): Promise<DeadLetterListDto> {
    const rows = await this.dataSource.query(
      `select l.id, l.delivery_id, d.notification_id, l.channel, l.event, l.attempts, l.last_error, l.failed_at
         from notification_dead_letters l join notification_deliveries d on d.id = l.delivery_id
        where l.retried_at is null order by l.failed_at desc, l.id desc limit 200`,
    );
    return {
      items: rows.map((r: Record<string, any>) => ({
        id: r.id,
        deliveryId: r.delivery_id,
        notificationId: r.notification_id,
        channel: r.channel,
        event: r.event,
        attempts: r.attempts,
        lastError: r.last_error,
        failedAt: (r.failed_at as Date).toISOString(),
      })),
    };
  }

  @Post(':id/retry')
  @HttpCode(202)
  @Allow('admin')
  @ApiAcceptedResponse({ type: DeadLetterRetryDto })
  async retry(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor): Promise<DeadLetterRetryDto> {
    return this.retryDeadLetter.execute(id, actor);
  }
}
