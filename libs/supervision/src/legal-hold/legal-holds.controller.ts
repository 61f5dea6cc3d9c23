import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { Allow, CurrentActor, type Actor } from '@masar/access';
import { LegalHolds } from './legal-holds.use-case';

export class LegalHoldReasonDto {
  @ApiProperty({ minLength: 15, maxLength: 2000, description: 'Why the data must be kept (or may now go)' })
  @IsString()
  @Length(15, 2000)
  reason: string;
}

@ApiTags('retention')
@ApiBearerAuth()
@Controller('applications/:id/legal-hold')
@Allow('supervisor')
export class LegalHoldsController {
  constructor(private readonly holds: LegalHolds) {}

  @Get()
  async show(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return { hold: await this.holds.current(actor, id) };
  }

  @Post()
  @ApiCreatedResponse({ description: 'The hold: the retention sweep will keep this file until it is released' })
  set(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: LegalHoldReasonDto) {
    return this.holds.set(actor, id, body.reason);
  }

  @Post('release')
  @HttpCode(200)
  release(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: LegalHoldReasonDto) {
    return this.holds.release(actor, id, body.reason);
  }
}
