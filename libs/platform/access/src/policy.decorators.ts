import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Actor, Role } from './actor';

export const ALLOW_ROLES = 'masar:allow-roles';
export const PUBLIC_ROUTE = 'masar:public';

/** Only these roles may call the route (or every route of the controller). */
export const Allow = (...roles: Role[]) => SetMetadata(ALLOW_ROLES, roles);

/** Anyone may call the route without signing in. Every route declares a policy; one without is refused. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The authenticated actor of the request (set by identity's guard). */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const req = ctx.switchToHttp().getRequest<{ user?: Actor }>();
  if (!req.user) throw new Error('CurrentActor used on a route without an authenticated actor');
  return req.user;
});
