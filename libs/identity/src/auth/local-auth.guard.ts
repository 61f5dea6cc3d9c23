import { Injectable, type ExecutionContext } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DomainError, ValidationFailed } from '@masar/errors';
import { IdentityErrors } from '../identity.errors';
import { LoginDto } from './auth.dto';

/** Validates the body as a DTO first (guards run before pipes), then lets Passport's local strategy sign in. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const body = ctx.switchToHttp().getRequest<{ body: unknown }>().body ?? {};
    const errors = await validate(plainToInstance(LoginDto, body), { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) {
      throw new ValidationFailed(errors.map((e) => ({ field: e.property, messages: Object.values(e.constraints ?? {}) })));
    }
    return (await super.canActivate(ctx)) as boolean;
  }

  override handleRequest<T>(err: unknown, user: T): T {
    // A failing database is not a wrong password: let it answer 503/500.
    if (err) throw err instanceof DomainError || err instanceof Error ? err : IdentityErrors.invalidCredentials();
    if (!user) throw IdentityErrors.invalidCredentials();
    return user;
  }
}
