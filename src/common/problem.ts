import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CommonErrors, DomainError, ErrorDef, FieldError } from './errors.js';
import { requestIdOf } from './request-id.js';
import { flattenValidationErrors } from './validation.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  correlationId: string;
  instance?: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

export const problemType = (code: string) => `urn:chainlend:problem:${code.toLowerCase().replace(/_/g, '-')}`;

/** What express and its body parsers throw, with the code we show for each. */
const TRANSPORT_ERRORS: Record<string, ErrorDef> = {
  'entity.parse.failed': CommonErrors.MALFORMED_JSON,
  'entity.too.large': CommonErrors.PAYLOAD_TOO_LARGE,
  'encoding.unsupported': CommonErrors.UNSUPPORTED_MEDIA_TYPE,
  'charset.unsupported': CommonErrors.UNSUPPORTED_MEDIA_TYPE,
  'request.aborted': CommonErrors.MALFORMED_REQUEST,
  'request.size.invalid': CommonErrors.MALFORMED_REQUEST,
  'stream.encoding.set': CommonErrors.MALFORMED_REQUEST,
};

const HTTP_STATUS_DEFS: Record<number, ErrorDef> = {
  400: CommonErrors.MALFORMED_REQUEST,
  401: CommonErrors.UNAUTHENTICATED,
  403: CommonErrors.FORBIDDEN,
  404: CommonErrors.ROUTE_NOT_FOUND,
  405: CommonErrors.METHOD_NOT_ALLOWED,
  406: CommonErrors.NOT_ACCEPTABLE,
  409: CommonErrors.CONFLICT,
  413: CommonErrors.PAYLOAD_TOO_LARGE,
  415: CommonErrors.UNSUPPORTED_MEDIA_TYPE,
  429: CommonErrors.TOO_MANY_REQUESTS,
  503: CommonErrors.SERVICE_UNAVAILABLE,
};

/** Turns anything thrown into the problem we show and whether it was our fault. */
export function toProblem(
  exception: unknown,
  correlationId: string,
): { problem: Problem; headers: Record<string, string>; unexpected: boolean } {
  const build = (def: ErrorDef, detail: string, extras: Record<string, unknown> = {}): Problem => ({
    type: problemType(def.code),
    title: def.title,
    status: def.status,
    detail,
    code: def.code,
    correlationId,
    ...extras,
  });

  if (exception instanceof DomainError) {
    const { headers = {}, ...extras } = exception.extras;
    return { problem: build(exception.def, exception.detail ?? exception.def.title, extras), headers, unexpected: false };
  }
  // body-parser errors, raw or as Nest wraps them (an HttpException whose cause is the original)
  const transport = (exception instanceof HttpException ? exception.cause : exception) as { type?: string } | undefined;
  if (transport && typeof transport.type === 'string' && TRANSPORT_ERRORS[transport.type]) {
    const def = TRANSPORT_ERRORS[transport.type];
    const detail = def === CommonErrors.MALFORMED_JSON ? 'The request body is not valid JSON' : def.title;
    return { problem: build(def, detail), headers: {}, unexpected: false };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    // A 4xx we have no code for (422, 410, 418 ...) is still the caller's: never answer it as a 500.
    const def =
      HTTP_STATUS_DEFS[status] ??
      (status >= 400 && status < 500 ? { code: 'REQUEST_REFUSED', status, title: 'The request was refused' } : undefined);
    if (def) {
      const body = exception.getResponse();
      const message = typeof body === 'object' && body && 'message' in body ? (body as { message: unknown }).message : exception.message;
      const detail =
        status === 404 ? 'No endpoint matches this method and path' : Array.isArray(message) ? message.join('; ') : String(message);
      return { problem: build(def, detail), headers: {}, unexpected: false };
    }
  }
  // class-validator errors thrown by hand-rolled validation
  if (Array.isArray(exception) && exception.length && typeof exception[0] === 'object' && 'constraints' in exception[0]) {
    const errors = flattenValidationErrors(exception);
    return {
      problem: build(CommonErrors.VALIDATION_FAILED, errors.map((e) => e.message).join('; '), { errors }),
      headers: {},
      unexpected: false,
    };
  }
  return {
    problem: build(CommonErrors.INTERNAL, `An unexpected error occurred; quote correlation id ${correlationId} when reporting it`),
    headers: {},
    unexpected: true,
  };
}

/** Every error leaves as RFC 9457 problem+json with a stable code and the request's correlation id. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    const correlationId = requestIdOf(req);
    const { problem, headers, unexpected } = toProblem(exception, correlationId);
    if (unexpected) {
      this.logger.error({ err: exception, correlationId, method: req.method, path: req.path }, 'unhandled error');
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    res
      .status(problem.status ?? HttpStatus.INTERNAL_SERVER_ERROR)
      .type(PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify(problem));
  }
}
