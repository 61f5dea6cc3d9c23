import { Body, Controller, Get, Header, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentActor, type Actor } from '@masar/access';
import { LinkFileToAccount } from '../accounts/link-file.use-case';
import { ListMyFiles, type MyFile } from '../accounts/list-my-files.query';
import { acceptLanguageOf } from '../language-choice';
import { MyFilesQueryDto, StatusRequestDto } from './status.dto';
import { StatusRequestPipe, type StatusRequest } from './status-request.pipe';

/** A file of mine: the public status answer (documented with `POST /status`) and the file's id. */
const MY_FILE_SCHEMA = {
  allOf: [{ $ref: '#/components/schemas/StatusAnswer' }, { type: 'object', required: ['applicationId'], properties: { applicationId: { type: 'string', format: 'uuid' } } }],
};

interface RequestLike {
  ip: string;
  headers: Record<string, string | string[] | undefined>;
}

@ApiTags('status')
@ApiBearerAuth()
@Allow('applicant')
@Controller('me/files')
export class MyFilesController {
  constructor(
    private readonly linkFile: LinkFileToAccount,
    private readonly listMyFiles: ListMyFiles,
  ) {}

  @Post()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Link a file to my account with the reference and access code of its receipt' })
  @ApiBody({ type: StatusRequestDto })
  @ApiOkResponse({ description: 'The file, now linked, and where it stands', schema: MY_FILE_SCHEMA })
  link(@CurrentActor() actor: Actor, @Body(StatusRequestPipe) body: StatusRequest, @Req() req: RequestLike): Promise<MyFile> {
    return this.linkFile.execute(actor, { ...body, acceptLanguage: acceptLanguageOf(req.headers), ip: req.ip });
  }

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'My files and where each one stands' })
  @ApiOkResponse({ schema: { type: 'object', required: ['files'], properties: { files: { type: 'array', items: MY_FILE_SCHEMA } } } })
  list(@CurrentActor() actor: Actor, @Query() query: MyFilesQueryDto, @Req() req: RequestLike): Promise<{ files: MyFile[] }> {
    return this.listMyFiles.execute(actor, query.language, acceptLanguageOf(req.headers));
  }
}
