import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Allow, CurrentActor, Public, ROLES, type Actor } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { LoginDto, MeDto, RefreshDto, ApplicantSignUpDto, TokenPairDto } from './auth.dto';
import { RegisterApplicantUseCase } from './register-applicant.use-case';
import type { AuthenticatedUser } from './login.use-case';
import { LocalAuthGuard } from './local-auth.guard';
import { TokenService } from './token-service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly tokens: TokenService,
    private readonly audit: AuditTrail,
    private readonly dataSource: DataSource,
    private readonly registerApplicant: RegisterApplicantUseCase,
  ) {}

  /** An applicant's own account (no case data until a file is linked with its reference and access code). */
  @Public()
  @Post('register')
  @HttpCode(201)
  @ApiOkResponse({ type: TokenPairDto })
  async register(@Body() body: ApplicantSignUpDto, @Req() req: { ip: string }): Promise<TokenPairDto> {
    const { id } = await this.registerApplicant.execute(body, req.ip);
    return this.tokens.issue({ id, role: 'applicant', officeId: null });
  }

  @Public()
  @UseGuards(LocalAuthGuard)
  @Post('login')
  @HttpCode(200)
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: TokenPairDto })
  login(@Req() req: { user: AuthenticatedUser }): Promise<TokenPairDto> {
    // Passport's local strategy has signed in req.user (see LoginUseCase).
    return this.tokens.issue(req.user);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairDto })
  async refresh(@Body() body: RefreshDto): Promise<TokenPairDto> {
    try {
      const { pair } = await this.tokens.rotate(body.refreshToken);
      return pair;
    } catch (e) {
      const reuseOf = (e as { reuseOf?: string }).reuseOf;
      if (reuseOf) await this.audit.recordNow({ action: 'auth.refresh_reused', actorId: reuseOf, subjectType: 'user', subjectId: reuseOf });
      throw e;
    }
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(@Body() body: RefreshDto): Promise<void> {
    const userId = await this.tokens.revokeFamilyOf(body.refreshToken);
    if (userId) await this.audit.recordNow({ action: 'auth.logout', actorId: userId, subjectType: 'user', subjectId: userId });
  }

  @Allow(...ROLES)
  @ApiBearerAuth()
  @Get('me')
  @ApiOkResponse({ type: MeDto })
  async me(@CurrentActor() actor: Actor): Promise<MeDto> {
    const [row] = await this.dataSource.query(
      `select u.id, u.email, u.display_name, u.role, u.office_id, o.code, o.name
         from users u left join offices o on o.id = u.office_id where u.id = $1`,
      [actor.userId],
    );
    return { id: row.id, email: row.email, displayName: row.display_name, role: row.role, officeId: row.office_id, officeCode: row.code, officeName: row.name };
  }
}
