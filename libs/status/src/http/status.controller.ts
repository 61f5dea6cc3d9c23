import { Body, Controller, Header, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@masar/access';
import { CheckStatus } from '../lookup/check-status.use-case';
import type { StatusAnswer } from '../lookup/status-answer';
import { StatusRequestDto } from './status.dto';
import { StatusRequestPipe, type StatusRequest } from './status-request.pipe';

export interface RequestLike {
  ip: string;
  headers: Record<string, string | string[] | undefined>;
}

export function acceptLanguageOf(req: RequestLike): string | undefined {
  const header = req.headers['accept-language'];
  return Array.isArray(header) ? header[0] : header;
}

@ApiTags('status')
@Controller('status')
export class StatusController {
  constructor(private readonly checkStatus: CheckStatus) {}

  @Public()
  @Post()
  @HttpCode(200)
  // An answer about one person's file must not sit in a shared cache.
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Where an application stands, for the applicant holding its reference and access code' })
  @ApiBody({ type: StatusRequestDto })
  check(@Body(StatusRequestPipe) body: StatusRequest, @Req() req: RequestLike): Promise<StatusAnswer> {
    return this.checkStatus.execute({ ...body, acceptLanguage: acceptLanguageOf(req), ip: req.ip });
  }
}
