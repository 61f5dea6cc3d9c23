import { Body, Controller, Get, Header, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentActor, type Actor } from '@masar/access';
import { LinkFileToAccount } from '../accounts/link-file.use-case';
import { ListMyFiles, type MyFile } from '../accounts/list-my-files.query';
import { acceptLanguageOf, type RequestLike } from './status.controller';
import { MyFilesQueryDto, StatusRequestDto } from './status.dto';

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
  link(@CurrentActor() actor: Actor, @Body() body: StatusRequestDto, @Req() req: RequestLike): Promise<MyFile> {
    return this.linkFile.execute(actor, { ...body, acceptLanguage: acceptLanguageOf(req), ip: req.ip });
  }

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'My files and where each one stands' })
  list(@CurrentActor() actor: Actor, @Query() query: MyFilesQueryDto, @Req() req: RequestLike): Promise<{ files: MyFile[] }> {
    return this.listMyFiles.execute(actor, query.language, acceptLanguageOf(req));
  }
}
