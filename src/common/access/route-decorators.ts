import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Actor } from './actor.js';
import { ROLES, type Role } from './roles.js';

export const PUBLIC_KEY = 'chainlend:public';
export const ROLES_KEY = 'chainlend:roles';

export const NOT_RATE_LIMITED_KEY = 'chainlend:not-rate-limited';

/** Open to anyone, no credentials; rate-limited per client address and in total. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * A public route the rate limits leave alone: one that costs less than counting it would, and that
 * must answer however often it is asked (the health check load balancers probe).
 */
export const NotRateLimited = () => SetMetadata(NOT_RATE_LIMITED_KEY, true);

/**
 * Every non-public route declares who may call it. A route without this is refused to everyone
 * (fail closed) and a test checks none is missing.
 */
export function Roles(...roles: Role[]): MethodDecorator & ClassDecorator {
  return (target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
    SetMetadata(ROLES_KEY, roles)(target, key!, descriptor!);
    ApiBearerAuth()(target, key!, descriptor!);
    if (roles.includes('ENTERPRISE')) ApiSecurity('apiKey')(target, key!, descriptor!);
    ApiUnauthorizedResponse({ description: 'No or bad credentials (problem+json, code UNAUTHENTICATED)' })(target, key!, descriptor!);
    // a route open to every role never answers 403: the client need not handle it
    if (ROLES.some((r) => !roles.includes(r)))
      ApiForbiddenResponse({ description: `Only ${roles.join(', ')} (problem+json, code FORBIDDEN)` })(target, key!, descriptor!);
  };
}

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const req = ctx.switchToHttp().getRequest<{ actor?: Actor }>();
  if (!req.actor) throw new Error('CurrentActor used on a route without authentication');
  return req.actor;
});
