import type { LoggerService } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, type DestinationStream, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { maskIdentifiersInText } from './identifiers.js';
import { genRequestId } from './request-id.js';

/**
 * The fields of an error worth logging. Database errors also carry the values they were given
 * (TypeORM `parameters` and `driverError`, pg `detail`, `where`, `internalQuery`, `hint`): personal
 * data, so an error is logged from this list only, never whole.
 */
const ERROR_FIELDS = [
  'code',
  'errno',
  'status',
  'statusCode',
  'severity',
  'schema',
  'table',
  'column',
  'dataType',
  'constraint',
  'routine',
  'query',
];
const MAX_CAUSES = 5;

/** An Error, or an error pino's standard serializer has already made plain (pino-http does that first). */
export function serializeError(err: unknown, depth = 0): unknown {
  if (!err || typeof err !== 'object') return err;
  const e = err as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? maskIdentifiersInText(v) : undefined);
  const out: Record<string, unknown> = {
    type: err instanceof Error ? err.constructor?.name || err.name : e.type,
    // a database message may quote the value it could not read
    message: text(e.message),
    stack: text(e.stack),
  };
  for (const field of ERROR_FIELDS) {
    const v = e[field];
    if (typeof v === 'string' || typeof v === 'number') out[field] = v;
  }
  if (e.cause !== undefined && depth < MAX_CAUSES) out.cause = serializeError(e.cause, depth + 1);
  return out;
}

/**
 * Structured JSON logs. Requests are logged by method, masked URL, status and time only: never
 * bodies or credentials, and any identifier-shaped text in a URL is masked.
 */
export function createRootLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'chainlend' },
      serializers: { err: serializeError },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie', '*.password', '*.accessToken', '*.key'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

export function createHttpLogger(logger: Logger) {
  return pinoHttp({
    // pino-http's types want its own generic Logger; the instance is the same.
    logger: logger as never,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const id = genRequestId(req);
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    serializers: {
      req: (req: { id: string; method: string; url: string; remoteAddress?: string }) => ({
        id: req.id,
        method: req.method,
        url: maskIdentifiersInText(req.url),
        remoteAddress: req.remoteAddress,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: serializeError,
    },
  });
}

const QUIET_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory']);

/** Nest's own messages (start-up, errors) through the same pino logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace', message: unknown, rest: unknown[]) {
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    if (message && typeof message === 'object' && !(message instanceof Error)) {
      const { err, ...fields } = message as Record<string, unknown>;
      const msg = typeof rest[0] === 'string' && rest.length > 1 ? (rest[0] as string) : context;
      this.logger[level]({ context, ...fields, ...(err ? { err } : {}) }, msg ?? '');
    } else if (message instanceof Error) {
      this.logger[level]({ context, err: message }, message.message);
    } else {
      const stack = level === 'error' && typeof rest[0] === 'string' && rest.length > 1 ? rest[0] : undefined;
      this.logger[level]({ context, ...(stack ? { stack } : {}) }, String(message));
    }
  }

  log(message: unknown, ...rest: unknown[]) {
    const context = rest[rest.length - 1];
    // Nest lists every module and route at start-up: useful when debugging, noise otherwise.
    this.write(typeof context === 'string' && QUIET_CONTEXTS.has(context) ? 'debug' : 'info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.write('trace', message, rest);
  }
}
