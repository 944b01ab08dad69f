import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { callerKey, type Actor } from '../common/access/actor.js';
import { IdempotencyService } from './idempotency.service.js';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const REDACT_ON_REPLAY = 'chainlend:redact-on-replay';

/**
 * Fields of the response that must not be kept for a replay (a secret shown once): the replay
 * answers with them set to null and lists them in `redactedOnReplay`.
 */
export const RedactOnReplay = (...fields: string[]) => SetMetadata(REDACT_ON_REPLAY, fields);

/**
 * Honours Idempotency-Key on every authenticated mutating request (JSON bodies). Multipart uploads
 * hash their file themselves and call IdempotencyService directly.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const res = context.switchToHttp().getResponse<Response>();
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || !MUTATING.has(req.method) || !req.actor || req.is('multipart/form-data')) return next.handle();
    // Nest applies the route's status after interceptors, so read it from the route itself.
    const status = this.reflector.get<number>(HTTP_CODE_METADATA, context.getHandler()) ?? (req.method === 'POST' ? 201 : 200);
    const redact = this.reflector.get<string[]>(REDACT_ON_REPLAY, context.getHandler()) ?? [];
    return from(this.run(req, res, key, req.actor, status, redact, next));
  }

  private async run(
    req: Request,
    res: Response,
    key: string,
    actor: Actor,
    status: number,
    redact: string[],
    next: CallHandler,
  ): Promise<unknown> {
    const request = { method: req.method, path: req.path, fingerprint: this.idempotency.requestHash(req.method, req.path, req.body) };
    const outcome = await this.idempotency.once(
      callerKey(actor),
      key,
      request,
      status,
      () => lastValueFrom(next.handle(), { defaultValue: undefined }),
      (body) =>
        redact.length && body && typeof body === 'object'
          ? { ...body, ...Object.fromEntries(redact.map((f) => [f, null])), redactedOnReplay: redact }
          : body,
    );
    if (!outcome.replayed) return outcome.result;
    res.setHeader('Idempotent-Replayed', 'true');
    return outcome.body;
  }
}
