import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from '../common/errors.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/tokens.js';
import { AuthErrors } from './auth.errors.js';
import { clientAddress } from './client-address.js';
import { NOT_RATE_LIMITED_KEY, PUBLIC_KEY } from '../common/access/route-decorators.js';
import { PgThrottlerStorage } from './pg-throttler-storage.js';

interface RateLimit {
  name: string;
  limit: number;
  windowMs: number;
  /** Whose requests count together. */
  tracker: (req: Request) => string;
}

/**
 * The rate limits of every route open without credentials, such as POST /auth/login: per client
 * address, and from all addresses together. Authenticated routes are skipped before any counting,
 * so they pay no database round trip for it.
 *
 * This is @nestjs/throttler's ThrottlerGuard algorithm over its ThrottlerStorage contract. The
 * guard itself cannot be used: the package is CommonJS and requires @nestjs/common, which is an ES
 * module in Nest 12, and jest on Node 20 cannot load that (Node itself can).
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly limits: RateLimit[];

  constructor(
    private readonly reflector: Reflector,
    private readonly storage: PgThrottlerStorage,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const windowMs = config.throttle.windowSeconds * 1000;
    this.limits = [
      { name: 'per-address', limit: config.throttle.perAddress, windowMs, tracker: clientAddress },
      { name: 'global', limit: config.throttle.global, windowMs, tracker: () => 'all addresses' },
    ];
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (
      !this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) ||
      this.reflector.getAllAndOverride<boolean>(NOT_RATE_LIMITED_KEY, targets)
    )
      return true;

    const req = context.switchToHttp().getRequest<Request>();
    const route = `${context.getClass().name}.${context.getHandler().name}`;
    // in order: a request refused per address is not counted in the global total
    for (const { name, limit, windowMs, tracker } of this.limits) {
      const counted = await this.storage.increment(`${route}:${name}:${tracker(req)}`, windowMs, limit, windowMs);
      if (counted.isBlocked) {
        const seconds = Math.max(1, counted.timeToBlockExpire);
        throw new DomainError(AuthErrors.RATE_LIMITED, `Too many requests; try again in ${seconds} s`, {
          headers: { 'Retry-After': String(seconds) },
        });
      }
    }
    return true;
  }
}
