import { Controller, Get, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow, CurrentActor, type Actor } from '@masar/access';
import { DataExportDto } from './data-export.dto';
import { ExportMyData } from './export-my-data.query';

/**
 * The right of access. (The right of correction is the cases context's: `PATCH /applicants/{id}` with a reason,
 * kept in `applicant_corrections`, the fields named in the audit trail.)
 */
@ApiTags('data-protection')
@ApiBearerAuth()
@Controller()
export class AccessRightsController {
  constructor(private readonly exports: ExportMyData) {}

  @Get('me/data-export')
  @Allow('applicant')
  @ApiOkResponse({ type: DataExportDto, description: 'Everything Masar holds about you, as JSON (a download)' })
  async export(@CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    const data = await this.exports.execute(actor);
    reply.header('content-disposition', 'attachment; filename="masar-my-data.json"');
    reply.header('cache-control', 'no-store');
    return data;
  }
}
