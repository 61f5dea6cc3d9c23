import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ALLOW_ROLES, PUBLIC_ROUTE, type Actor, type Role } from '@masar/access';
import { IdentityErrors } from '../identity.errors';
import { AccessTokenVerifier } from './access-token.verifier';
import { ActorDirectory } from './actor-directory';

type Policy = { public: true } | { public: false; roles: readonly Role[] | undefined };

/**
 * The one guard of the API. A route must declare a policy: @Public, or @Allow(roles). A route that declares
 * neither is refused, so that forgetting a policy closes a door instead of opening it. An allowed route needs a valid
 * access token whose user is active now (the actor directory's answer, kept current across processes).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  /** A route's policy never changes once the application is built: read its metadata once. */
  private readonly policies = new WeakMap<object, WeakMap<object, Policy>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenVerifier,
    private readonly directory: ActorDirectory,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const policy = this.policyOf(ctx);
    if (policy.public) return true;
    if (!policy.roles || policy.roles.length === 0) throw IdentityErrors.noPolicy();
    const req = ctx.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined>; user?: Actor }>();
    const claims = this.tokens.fromHeader(req.headers.authorization);
    const actor = await this.directory.actorFor(claims.sub);
    req.user = actor;
    if (!policy.roles.includes(actor.role as Role)) throw IdentityErrors.roleRefused();
    return true;
  }

  private policyOf(ctx: ExecutionContext): Policy {
    const handler = ctx.getHandler();
    const cls = ctx.getClass();
    // Keyed by class and handler: a handler inherited by two controllers may sit under two class policies.
    let ofClass = this.policies.get(cls);
    if (!ofClass) this.policies.set(cls, (ofClass = new WeakMap()));
    const known = ofClass.get(handler);
    if (known) return known;
    const targets = [handler, cls];
    const policy: Policy = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)
      ? { public: true }
      : { public: false, roles: this.reflector.getAllAndOverride<Role[]>(ALLOW_ROLES, targets) };
    ofClass.set(handler, policy);
    return policy;
  }
}
