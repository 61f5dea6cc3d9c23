import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MASAR_CONFIG, type MasarConfig } from '@masar/config';
import { AdminController } from './admin/admin.controller';
import { ManageOfficesUseCase } from './admin/manage-offices.use-case';
import { ManageUsersUseCase } from './admin/manage-users.use-case';
import { AccessGuard } from './auth/access.guard';
import { AccessTokenVerifier } from './auth/access-token.verifier';
import { ActorDirectory } from './auth/actor-directory';
import { AuthController } from './auth/auth.controller';
import { LocalStrategy } from './auth/local.strategy';
import { LoginUseCase } from './auth/login.use-case';
import { RegisterApplicantUseCase } from './auth/register-applicant.use-case';
import { Passwords } from './auth/passwords';
import { RefreshToken } from './auth/refresh-token.entity';
import { TokenService } from './auth/token-service';
import { CaseScopeResolver } from './offices/case-scope.resolver';
import { Office } from './offices/office.entity';
import { OfficeStaff } from './offices/office-staff.query';
import { OfficesController } from './offices/offices.controller';
import { User } from './users/user.entity';

@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([Office, User, RefreshToken]),
    PassportModule,
    JwtModule.registerAsync({
      inject: [MASAR_CONFIG],
      useFactory: (config: MasarConfig) => ({
        secret: config.auth.jwtSecret,
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'], issuer: config.auth.issuer, audience: config.auth.audience },
      }),
    }),
  ],
  controllers: [AuthController, AdminController, OfficesController],
  providers: [
    Passwords,
    TokenService,
    LoginUseCase,
    RegisterApplicantUseCase,
    LocalStrategy,
    AccessTokenVerifier,
    ActorDirectory,
    ManageUsersUseCase,
    ManageOfficesUseCase,
    CaseScopeResolver,
    OfficeStaff,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [CaseScopeResolver, Passwords],
})
export class IdentityModule {}

