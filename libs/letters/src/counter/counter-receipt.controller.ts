import { Body, Controller, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Allow, CurrentActor, type Actor } from '@masar/access';
import { pdfResponse } from '../download/letters-responses.dto';
import { PrintCounterReceipt } from './print-counter-receipt.use-case';

export class CounterReceiptDto {
  @ApiProperty({ description: 'The access code shown once when the file was opened', example: 'H4TRP-X9M2K' })
  @IsString()
  @MaxLength(40)
  accessCode: string;
}

@ApiTags('letters')
@ApiBearerAuth()
@Controller('applications/:applicationId/receipt')
export class CounterReceiptController {
  constructor(private readonly printCounterReceipt: PrintCounterReceipt) {}

  /** POST, not GET: the access code travels in the body, never in a URL. */
  @Post()
  @Allow('caseworker', 'supervisor')
  @ApiOperation({ summary: "Print the applicant's receipt, with the access code, at the counter" })
  @ApiProduces('application/pdf')
  @ApiOkResponse(pdfResponse('The receipt with the access code, to print (not stored)'))
  async print(
    @CurrentActor() actor: Actor,
    @Param('applicationId', new ParseUUIDPipe()) applicationId: string,
    @Body() body: CounterReceiptDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { reference, pdf } = await this.printCounterReceipt.execute(actor, applicationId, body.accessCode);
    await reply
      .status(200)
      .header('content-type', 'application/pdf')
      .header('content-length', String(pdf.length))
      .header('content-disposition', `inline; filename="receipt-${reference}.pdf"`)
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .send(pdf);
  }
}
