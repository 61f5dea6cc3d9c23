import { Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow } from '@masar/access';
import { MASAR_CONFIG, type MasarConfig } from '@masar/config';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
export const QUEUE_DASHBOARD_COOKIE = 'masar_queues';

/**
 * The queue dashboard's door. Its pages and API are plain Fastify routes (bull-board), out of reach of the Nest
 * guard, so the dashboard asks this route (through the guard) whether a caller is an active admin. A browser
 * cannot send a bearer token with the dashboard's own requests: an admin first POSTs to /admin/queues-session with
 * their token, which is handed back as an HttpOnly, SameSite=Strict cookie scoped to /admin/queues and living no
 * longer than the token, and checked again by the guard on every request (a deactivated admin is refused at once).
 */
@ApiTags('queues')
@ApiBearerAuth()
@Controller()
export class QueueDashboardAccessController {
  constructor(@Inject(MASAR_CONFIG) private readonly config: MasarConfig) {}

  @Get('admin/queues-access')
  @ApiExcludeEndpoint()
  @HttpCode(204)
  @Allow('admin')
  check(): void {}

  @Post('admin/queues-session')
  @HttpCode(204)
  @Allow('admin')
  openSession(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): void {
    const token = (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
    const secure = this.config.env === 'production' ? '; Secure' : '';
    reply.header(
      'set-cookie',
      `${QUEUE_DASHBOARD_COOKIE}=${token}; Path=${QUEUE_DASHBOARD_PATH}; HttpOnly; SameSite=Strict; Max-Age=${this.config.auth.accessTokenTtlSeconds}${secure}`,
    );
  }
}
