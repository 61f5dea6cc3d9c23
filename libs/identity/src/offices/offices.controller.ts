import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Allow, CurrentActor, type Actor } from '@masar/access';
import { OfficeDto } from '../admin/admin.dto';
import { OfficeStaff, type StaffMember } from './office-staff.query';

export class StaffMemberDto implements StaffMember {
  @ApiProperty() id: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ['caseworker', 'supervisor'] }) role: 'caseworker' | 'supervisor';
}

/** The list of offices, for staff choosing where to transfer a file or whom to assign it to. */
@ApiTags('offices')
@ApiBearerAuth()
@Allow('caseworker', 'supervisor', 'admin')
@Controller('offices')
export class OfficesController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly staff: OfficeStaff,
  ) {}

  @Get()
  @ApiOkResponse({ type: [OfficeDto] })
  async list(): Promise<OfficeDto[]> {
    const rows = await this.dataSource.query(`select id, code, name, region_code, kind from offices order by kind desc, code`);
    return rows.map((r: Record<string, string>) => ({ id: r.id, code: r.code, name: r.name, regionCode: r.region_code, kind: r.kind }));
  }

  @Get(':id/staff')
  @Allow('supervisor')
  @ApiOkResponse({ type: [StaffMemberDto], description: 'Active caseworkers and supervisors of an office whose files you supervise' })
  @ApiNotFoundResponse({ description: 'IDENTITY_OFFICE_NOT_FOUND: unknown, or not an office you supervise (the two are not told apart)' })
  staffOf(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<StaffMemberDto[]> {
    return this.staff.execute(actor, id);
  }
}
