import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentActor, type Actor } from '@masar/access';
import { CreateOfficeDto, CreateUserDto, OfficeDto, UpdateOfficeDto, UpdateUserDto, UserDto } from './admin.dto';
import { ManageOfficesUseCase } from './manage-offices.use-case';
import { ManageUsersUseCase } from './manage-users.use-case';

@ApiTags('admin')
@ApiBearerAuth()
@Allow('admin')
@Controller('admin')
export class AdminController {
  constructor(
    private readonly users: ManageUsersUseCase,
    private readonly offices: ManageOfficesUseCase,
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
  listOffices(): Promise<OfficeDto[]> {
    return this.offices.list();
  }

  @Post('offices')
  @ApiCreatedResponse({ type: OfficeDto })
  createOffice(@CurrentActor() admin: Actor, @Body() body: CreateOfficeDto): Promise<OfficeDto> {
    return this.offices.create(admin, body);
  }

  @Patch('offices/:id')
  @ApiOkResponse({ type: OfficeDto })
  updateOffice(@CurrentActor() admin: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateOfficeDto): Promise<OfficeDto> {
    return this.offices.update(admin, id, body);
  }

  /** Refused (409 IDENTITY_OFFICE_HAS_OPEN_FILES, with `openFiles`) while the office has files not final. */
  @Post('offices/:id/deactivate')
  @HttpCode(200)
  @ApiOkResponse({ type: OfficeDto })
  deactivateOffice(@CurrentActor() admin: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<OfficeDto> {
    return this.offices.setActive(admin, id, false);
  }

  @Post('offices/:id/reactivate')
  @HttpCode(200)
  @ApiOkResponse({ type: OfficeDto })
  reactivateOffice(@CurrentActor() admin: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<OfficeDto> {
    return this.offices.setActive(admin, id, true);
  }
}
