import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { NextFunction, Request, Response } from 'express';

/** What the app answered one request, as the tests' responses are checked against the OpenAPI document. */
export interface ObservedResponse {
  method: string;
  /** The express route that handled it (`/programmes/:id`); undefined when none matched. */
  route: string | undefined;
  status: number;
  mediaType: string;
  /** The body, kept only for JSON media types. */
  body: Buffer | undefined;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
export interface OpenApiDocument {
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: JsonObject }> }> }>>;
  components?: { schemas?: Record<string, JsonObject> };
}

// ajv-formats is CommonJS: its default export arrives as the module object under ES modules
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (a: Ajv) => Ajv;

/** JSON bodies larger than this are not kept (none of the tests' JSON answers is near it). */
const MAX_KEPT_BYTES = 8 * 1024 * 1024;
const isJson = (mediaType: string) => mediaType === 'application/json' || mediaType.endsWith('+json');

/** `/core-enterprises/:id` as OpenAPI writes it; an escaped colon (`loan-applications\:batch`) is a literal one. */
export const toOpenApiPath = (p: string) => p.replace(/(?<!\\):([A-Za-z0-9_]+)/g, '{$1}').replace(/\\:/g, ':');

/**
 * Express middleware that notes every response: method, matched route, status, media type and, for
 * JSON, the body as written. Installed before the routes, it sees the answers of guards, pipes and the
 * problem filter too, since all of them run inside the matched route.
 */
export function responseRecorder(into: ObservedResponse[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
      const buf = Buffer.isBuffer(chunk)
        ? chunk
        : Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
      size += buf.length;
      if (size <= MAX_KEPT_BYTES) chunks.push(buf);
    };
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.write = ((...args: unknown[]) => {
      keep(args[0], args[1]);
      return write(...args);
    }) as Response['write'];
    res.end = ((...args: unknown[]) => {
      keep(args[0], args[1]);
      return end(...args);
    }) as Response['end'];
    res.on('finish', () => {
      const mediaType = String(res.getHeader('content-type') ?? '')
        .split(';')[0]
        .trim()
        .toLowerCase();
      const route = (req.route as { path?: unknown } | undefined)?.path;
      into.push({
        method: req.method.toLowerCase(),
        route: typeof route === 'string' ? route : undefined,
        status: res.statusCode,
        mediaType,
        body: isJson(mediaType) && size <= MAX_KEPT_BYTES ? Buffer.concat(chunks) : undefined,
      });
    });
    next();
  };
}

/**
 * OpenAPI 3.0 schema → JSON Schema: `nullable` becomes a `null` type, references point into the
 * registered components, and an object that does not say otherwise has no properties beyond the
 * documented ones, so that an undocumented field in a response fails like a missing one.
 */
export function toJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'example' || key === 'nullable') continue;
    if (key === '$ref' && typeof value === 'string') out.$ref = value.replace(/^#\/components\//, 'openapi#/components/');
    else if (key === 'properties' && value && typeof value === 'object' && !Array.isArray(value))
      out.properties = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, toJsonSchema(schema)]));
    else out[key] = toJsonSchema(value);
  }
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  if (node.nullable === true) {
    const composed = out.$ref !== undefined || out.allOf !== undefined || out.oneOf !== undefined || out.anyOf !== undefined;
    if (typeof out.type === 'string' && !composed) {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    } else return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

/** Checks recorded responses against the document; one line per distinct problem, naming the operation. */
export function responseViolations(doc: OpenApiDocument, observed: ObservedResponse[]): string[] {
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  addFormats(ajv);
  const schemas = Object.fromEntries(Object.entries(doc.components?.schemas ?? {}).map(([name, s]) => [name, toJsonSchema(s)]));
  ajv.addSchema({ $id: 'openapi', components: { schemas } });
  const compiled = new Map<string, ValidateFunction>();
  // one line per distinct problem; a schema mismatch shows the first value that had it
  const violations = new Map<string, string>();
  const report = (problem: string, sample?: string) => {
    if (!violations.has(problem)) violations.set(problem, sample === undefined ? problem : `${problem}: ${sample}`);
  };

  for (const r of observed) {
    // unmatched routes (404 ROUTE_NOT_FOUND) and the Swagger module's own routes are not operations
    if (!r.route || /^\/docs([/-]|$)/.test(r.route)) continue;
    const path = toOpenApiPath(r.route);
    const name = `${r.method.toUpperCase()} ${path} ${r.status}`;
    const operation = doc.paths[path]?.[r.method];
    if (!operation) {
      report(`${name}: the operation is not in the document`);
      continue;
    }
    const response = operation.responses?.[String(r.status)] ?? operation.responses?.default;
    if (!response) {
      // an unexpected failure is a bug the test itself reports; it is not part of the contract
      if (r.status < 500) report(`${name}: status not documented (documented: ${Object.keys(operation.responses ?? {}).join(', ')})`);
      continue;
    }
    const noBody = r.status === 204 || r.status === 304 || (r.body !== undefined && r.body.length === 0 && !r.mediaType);
    if (noBody || (!r.mediaType && !response.content)) continue;
    const media = response.content?.[r.mediaType];
    if (!media) {
      report(
        `${name}: answered ${r.mediaType || 'no content type'}, documented ${Object.keys(response.content ?? {}).join(', ') || 'no body'}`,
      );
      continue;
    }
    if (!isJson(r.mediaType) || r.body === undefined) continue;
    if (!media.schema) {
      report(`${name}: ${r.mediaType} has no schema`);
      continue;
    }
    const key = `${r.method} ${path} ${r.status} ${r.mediaType}`;
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(toJsonSchema(media.schema) as JsonObject);
      compiled.set(key, validate);
    }
    let body: unknown;
    try {
      body = r.body.length ? JSON.parse(r.body.toString('utf8')) : undefined;
    } catch {
      report(`${name}: the ${r.mediaType} body is not JSON`);
      continue;
    }
    if (body === undefined) {
      report(`${name}: empty body, documented ${r.mediaType}`);
      continue;
    }
    if (!validate(body)) {
      for (const e of validate.errors ?? []) {
        const extra =
          e.keyword === 'additionalProperties' ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})` : '';
        const allowed = e.keyword === 'enum' ? ` ${JSON.stringify((e.params as { allowedValues?: unknown }).allowedValues)}` : '';
        report(
          `${name}: ${e.instancePath.replace(/\/\d+(?=\/|$)/g, '/*') || '(body)'} ${e.message ?? e.keyword}${extra}${allowed}`,
          sampleAt(body, e.instancePath),
        );
      }
    }
  }
  return [...violations.values()].sort();
}

/** The value at a JSON pointer, shortened for a report line. */
function sampleAt(body: unknown, pointer: string): string {
  let value = body;
  for (const key of pointer.split('/').slice(1))
    value = (value as Record<string, unknown> | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')];
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 300 ? `${text.slice(0, 300)}...` : text;
}
