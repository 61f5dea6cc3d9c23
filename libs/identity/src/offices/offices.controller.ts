import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Allow } from '@masar/access';
import { OfficeDto } from '../admin/admin.dto';

/** The list of offices, for staff choosing where to transfer a file or whom to assign it to. */
@ApiTags('offices')
@ApiBearerAuth()
@Allow('caseworker', 'supervisor', 'admin')
@Controller('offices')
export class OfficesController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOkResponse({ type: [OfficeDto] })
  async list(): Promise<OfficeDto[]> {
    const rows = await this.dataSource.query(`select id, code, name, region_code, kind from offices order by kind desc, code`);
    return rows.map((r: Record<string, string>) => ({ id: r.id, code: r.code, name: r.name, regionCode: r.region_code, kind: r.kind }));
  }
}
