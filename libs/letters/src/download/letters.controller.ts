import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow, CurrentActor, type Actor } from '@masar/access';
import { DownloadLetter } from './download-letter.use-case';
import { IssuedLetters, type IssuedLetter } from './issued-letters.query';
import { IssuedLetterDto, pdfResponse } from './letters-responses.dto';

@ApiTags('letters')
@ApiBearerAuth()
@Allow('caseworker', 'supervisor', 'applicant')
@Controller()
export class LettersController {
  constructor(
    private readonly letters: IssuedLetters,
    private readonly download: DownloadLetter,
  ) {}

  @Get('applications/:applicationId/letters')
  @ApiOperation({ summary: 'The letters issued for a file (receipt, decision letters)' })
  @ApiOkResponse({ type: [IssuedLetterDto] })
  list(@CurrentActor() actor: Actor, @Param('applicationId', new ParseUUIDPipe()) applicationId: string): Promise<IssuedLetter[]> {
    return this.letters.list(actor, applicationId);
  }

  @Get('letters/:letterId/content')
  @ApiOperation({ summary: 'Download a letter (recorded in the audit trail)' })
  @ApiProduces('application/pdf')
  @ApiOkResponse(pdfResponse('The letter as issued, as an attachment'))
  async content(@CurrentActor() actor: Actor, @Param('letterId', new ParseUUIDPipe()) letterId: string, @Res() reply: FastifyReply): Promise<void> {
    const letter = await this.download.execute(actor, letterId);
    await reply
      .header('content-type', 'application/pdf')
      .header('content-length', String(letter.sizeBytes))
      .header('content-disposition', `attachment; filename="${letter.fileName}"`)
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .send(letter.content);
  }
}
