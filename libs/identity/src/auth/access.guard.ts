import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ALLOW_ROLES, PUBLIC_ROUTE, type Actor, type Role } from '@masar/access';
import { DomainError } from '@masar/errors';
import { IdentityErrors } from '../identity.errors';

class JwtAuthGuard extends AuthGuard('jwt') {
  override handleRequest<T>(err: unknown, user: T): T {
    // A failing database is not a bad token: let it answer 503/500 instead of sending the user to sign in again.
    if (err) throw err instanceof DomainError || err instanceof Error ? err : IdentityErrors.invalidToken();
    if (!user) throw IdentityErrors.invalidToken();
    return user;
  }
}

/**
 * The one guard of the API. A route must declare a policy: @Public, or @Allow(roles). A route that declares
 * neither is refused, so that forgetting a policy closes a door instead of opening it.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly jwt = new JwtAuthGuard();

  constructor(private readonly reflector: Reflector) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[]>(ALLOW_ROLES, targets);
    if (!roles || roles.length === 0) throw IdentityErrors.noPolicy();
    await this.jwt.canActivate(ctx);
    const actor = ctx.switchToHttp().getRequest<{ user: Actor }>().user;
    if (!roles.includes(actor.role as Role)) throw IdentityErrors.roleRefused();
    return true;
  }
}
