import { CanActivate, ExecutionContext, Injectable, Module, SetMetadata } from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import type { Request } from 'express';
import getRawBody from 'raw-body';
import { CommonErrors, DomainError, type FieldError } from './errors.js';
import { MAX_JSON_DEPTH, jsonNestingExceeds, unstorableTextFields } from './input-text.js';
import { validationFailed } from './validation.js';

export const KB = 1024;
export const MB = 1024 * KB;
/** Enough for any ordinary JSON body of this API; routes that need more say so with @BodyLimit. */
export const DEFAULT_BODY_LIMIT = 100 * KB;

const BODY_POLICY = 'chainlend:body-policy';
const XML_TYPES = ['application/xml', 'text/xml'];

interface BodyPolicy {
  limit: number;
  /** Also read application/xml and text/xml, as text. */
  xml: boolean;
}

const DEFAULT_POLICY: BodyPolicy = { limit: DEFAULT_BODY_LIMIT, xml: false };

/** A route that takes bodies above the default limit, up to `limit` bytes; `xml` lets it take XML too. */
export const BodyLimit = (limit: number, options: { xml?: boolean } = {}) =>
  SetMetadata(BODY_POLICY, { limit, xml: options.xml ?? false } satisfies BodyPolicy);

const readable = (bytes: number) => (bytes % MB === 0 ? `${bytes / MB} MB` : `${Math.round(bytes / KB)} kB`);

function hasBody(req: Request): boolean {
  return (
    req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0')
  );
}

function charsetOf(req: Request): string {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(req.headers['content-type'] ?? '');
  return (match?.[1] ?? 'utf-8').toLowerCase();
}

async function readText(req: Request, limit: number, charset: string): Promise<string> {
  try {
    return await getRawBody(req, { limit, length: req.headers['content-length'], encoding: charset });
  } catch (e) {
    // what was not read is discarded as it arrives, so that the answer reaches the caller now
    req.resume();
    const type = (e as { type?: string }).type;
    if (type === 'entity.too.large')
      throw new DomainError(CommonErrors.PAYLOAD_TOO_LARGE, `This endpoint takes bodies of at most ${readable(limit)}`);
    if (type === 'encoding.unsupported')
      throw new DomainError(CommonErrors.UNSUPPORTED_MEDIA_TYPE, `The charset ${charset} is not supported`);
    throw new DomainError(CommonErrors.MALFORMED_REQUEST, 'The request body could not be read');
  }
}

/**
 * Reads JSON (and XML where the route declares it) with the route's limit. Multipart and other
 * bodies are left to the route (uploads stream them); XML elsewhere is refused.
 */
export async function readBody(req: Request, policy: BodyPolicy): Promise<unknown> {
  if (!hasBody(req)) return undefined;
  const encoding = req.headers['content-encoding']?.toLowerCase() ?? 'identity';
  const json = typeof req.is('application/json') === 'string';
  const xml = typeof req.is(XML_TYPES) === 'string';
  if (!json && !xml) return undefined;
  if (encoding !== 'identity') {
    // an inflated body could be any size: compressed bodies are not taken
    throw new DomainError(CommonErrors.UNSUPPORTED_MEDIA_TYPE, `Content-Encoding ${encoding} is not accepted; send the body uncompressed`);
  }
  if (xml && !policy.xml)
    throw new DomainError(CommonErrors.UNSUPPORTED_MEDIA_TYPE, 'This endpoint takes JSON (Content-Type: application/json)');
  const charset = charsetOf(req);
  if (json && !charset.startsWith('utf-'))
    throw new DomainError(CommonErrors.UNSUPPORTED_MEDIA_TYPE, `JSON must be UTF-8 (got charset ${charset})`);
  const text = await readText(req, policy.limit, charset);
  if (xml) return text;
  return parseJson(text);
}

function parseJson(text: string): unknown {
  // as body-parser did: a chunked request with nothing in it is an empty object
  if (text === '') return {};
  // like body-parser's strict mode: a JSON body is an object or an array
  if (!/^[\s\uFEFF]*[{[]/.test(text)) throw new DomainError(CommonErrors.MALFORMED_JSON, 'The request body must be a JSON object or array');
  // before anything recursive (class-transformer, the canonical JSON of Idempotency-Key) walks it
  if (jsonNestingExceeds(text, MAX_JSON_DEPTH)) {
    throw new DomainError(CommonErrors.JSON_TOO_DEEP, `Arrays and objects in the body may nest at most ${MAX_JSON_DEPTH} levels deep`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new DomainError(CommonErrors.MALFORMED_JSON, 'The request body is not valid JSON');
  }
}

const unstorable = (fields: string[]): FieldError[] =>
  fields.map((field) => ({
    field,
    code: 'INVALID_CHARACTER',
    message: `${field} contains a NUL character or an unpaired UTF-16 surrogate, which no text may hold`,
  }));

/**
 * Global guard registered after the AuthGuard (global guards run in registration order): it reads the
 * body only once the caller is known and allowed, and before the interceptors (Idempotency-Key hashes
 * the body) and pipes that use it. Every text the route receives (path and query parameters, body
 * strings at any depth) is checked once here, for all routes, before any of it reaches the database.
 */
@Injectable()
export class RequestInputGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request>();
    const policy =
      this.reflector.getAllAndOverride<BodyPolicy | undefined>(BODY_POLICY, [context.getHandler(), context.getClass()]) ?? DEFAULT_POLICY;
    const errors = unstorable([...unstorableTextFields(req.params), ...unstorableTextFields(req.query)]);
    req.body = await readBody(req, policy);
    // an XML body is one string: its path is empty
    errors.push(...unstorable(unstorableTextFields(req.body).map((field) => field || 'body')));
    if (errors.length) throw validationFailed(errors);
    return true;
  }
}

/** Imported after AuthModule, so that its guard runs after authentication. */
@Module({ providers: [{ provide: APP_GUARD, useClass: RequestInputGuard }] })
export class RequestInputModule {}
