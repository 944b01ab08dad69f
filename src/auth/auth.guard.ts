import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { CommonErrors, DomainError } from '../common/errors.js';
import { requestIdOf } from '../common/request-id.js';
import type { Actor } from '../common/access/actor.js';
import { AuthErrors } from './auth.errors.js';
import { AuthService } from './auth.service.js';
import { PUBLIC_KEY, ROLES_KEY } from '../common/access/route-decorators.js';
import type { Role } from '../common/access/roles.js';

/**
 * One global guard: who is calling (Bearer JWT or X-Api-Key), then whether the route lets that role
 * in. Routes are closed unless they say otherwise.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('AuthGuard');

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const req = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const actor = await this.authenticate(req);
    req.actor = actor;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles) {
      this.logger.error({ path: req.route?.path, method: req.method }, 'route declares no roles; refusing');
      throw new DomainError(AuthErrors.ROUTE_ROLES_MISSING);
    }
    if (!roles.includes(actor.role)) {
      throw new DomainError(CommonErrors.FORBIDDEN, `This needs one of the roles ${roles.join(', ')}; you are ${actor.role}`);
    }
    return true;
  }

  private authenticate(req: Request): Promise<Actor> {
    const correlationId = requestIdOf(req);
    const apiKey = req.headers['x-api-key'];
    if (typeof apiKey === 'string' && apiKey) return this.auth.verifyApiKey(apiKey.trim(), correlationId);
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (match) return this.auth.verifyToken(match[1], correlationId);
    throw new DomainError(CommonErrors.UNAUTHENTICATED, 'Send Authorization: Bearer <token> from POST /auth/login, or X-Api-Key');
  }
}
