import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Allow, CurrentActor, type Actor } from '@masar/access';
import { CreateUserDto, OfficeDto, UpdateUserDto, UserDto } from './admin.dto';
import { ManageUsersUseCase } from './manage-users.use-case';

@ApiTags('admin')
@ApiBearerAuth()
@Allow('admin')
@Controller('admin')
export class AdminController {
  constructor(
    private readonly users: ManageUsersUseCase,
    private readonly dataSource: DataSource,
  ) {}

  @Get('users')
  @ApiOkResponse({ type: [UserDto] })
  listUsers(): Promise<UserDto[]> {
    return this.users.list();
  }

  @Post('users')
  @ApiOkResponse({ type: UserDto })
  createUser(@CurrentActor() admin: Actor, @Body() body: CreateUserDto): Promise<UserDto> {
    return this.users.create(admin, body);
  }

  @Patch('users/:id')
  @ApiOkResponse({ type: UserDto })
  updateUser(@CurrentActor() admin: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateUserDto): Promise<UserDto> {
    return this.users.update(admin, id, body);
  }

  @Post('users/:id/deactivate')
  @HttpCode(200)
  @ApiOkResponse({ type: UserDto })
  deactivate(@CurrentActor() admin: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<UserDto> {
    return this.users.update(admin, id, { active: false });
  }

  @Get('offices')
  @ApiOkResponse({ type: [OfficeDto] })
  async offices(): Promise<OfficeDto[]> {
    const rows = await this.dataSource.query(`select id, code, name, region_code, kind from offices order by kind desc, code`);
    return rows.map((r: Record<string, string>) => ({ id: r.id, code: r.code, name: r.name, regionCode: r.region_code, kind: r.kind }));
  }
}
