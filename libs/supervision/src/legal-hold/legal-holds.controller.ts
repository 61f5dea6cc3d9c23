import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { Allow, CurrentActor, type Actor } from '@masar/access';
import { LegalHolds, type LegalHoldView } from './legal-holds.use-case';

export class LegalHoldReasonDto {
  @ApiProperty({ minLength: 15, maxLength: 2000, description: 'Why the data must be kept (or may now go)' })
  @IsString()
  @Length(15, 2000)
  reason: string;
}

export class LegalHoldDto implements LegalHoldView {
  @ApiProperty() id: string;
  @ApiProperty() applicationId: string;
  @ApiProperty() reason: string;
  @ApiProperty() setBy: string;
  @ApiProperty({ nullable: true, type: String }) setByName: string | null;
  @ApiProperty({ format: 'date-time' }) setAt: string;
}

export class CurrentLegalHoldDto {
  @ApiProperty({ type: LegalHoldDto, nullable: true, description: 'The active hold, or null' }) hold: LegalHoldDto | null;
}

export class ReleasedLegalHoldDto {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'date-time' }) releasedAt: string;
}

@ApiTags('retention')
@ApiBearerAuth()
@Controller('applications/:id/legal-hold')
@Allow('supervisor')
@ApiNotFoundResponse({ description: 'SUPERVISION_APPLICATION_NOT_FOUND: unknown, or outside your offices' })
export class LegalHoldsController {
  constructor(private readonly holds: LegalHolds) {}

  @Get()
  @ApiOkResponse({ type: CurrentLegalHoldDto })
  async show(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<CurrentLegalHoldDto> {
    return { hold: await this.holds.current(actor, id) };
  }

  @Post()
  @ApiCreatedResponse({ type: LegalHoldDto, description: 'The hold: the retention sweep will keep this file until it is released' })
  @ApiConflictResponse({ description: 'A hold is already active on this file; or the file was erased' })
  set(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: LegalHoldReasonDto): Promise<LegalHoldDto> {
    return this.holds.set(actor, id, body.reason);
  }

  @Post('release')
  @HttpCode(200)
  @ApiOkResponse({ type: ReleasedLegalHoldDto })
  release(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: LegalHoldReasonDto): Promise<ReleasedLegalHoldDto> {
    return this.holds.release(actor, id, body.reason);
  }
}
