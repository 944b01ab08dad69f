import { applyDecorators, type Type } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiNoContentResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  ApiSchema,
  getSchemaPath,
  type ApiPropertyOptions,
  type OpenAPIObject,
} from '@nestjs/swagger';
import { ROLES } from './access/roles.js';

@ApiSchema({ name: 'FieldError' })
export class FieldErrorDto {
  @ApiProperty({ example: 'idNumber' }) field: string;
  @ApiProperty({ example: 'ID_NUMBER_CHECKSUM' }) code: string;
  @ApiProperty({ example: 'the check character does not match' }) message: string;
}

/** RFC 9457 problem details, as every error leaves the service. */
@ApiSchema({ name: 'Problem', description: 'RFC 9457 problem details; some codes add members of their own (entity, limit ...)' })
export class ProblemDto {
  @ApiProperty({ example: 'urn:chainlend:problem:validation-failed' }) type: string;
  @ApiProperty({ example: 'The request is not valid' }) title: string;
  @ApiProperty({ type: 'integer', example: 400 }) status: number;
  @ApiProperty({ example: 'amount must be a decimal string' }) detail: string;
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'stable machine-readable code' }) code: string;
  @ApiProperty({ example: '5f0c6d1e-8a43-4a8e-9a51-0f6f1b1d2c3e', description: 'also in the X-Request-Id header and the logs' })
  correlationId: string;
  @ApiPropertyOptional() instance?: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] }) errors?: FieldErrorDto[];
}

/** The problem of one item of a batch: the problem the item would have answered alone, without type and correlationId. */
@ApiSchema({ name: 'ItemProblem', description: 'some codes add members of their own' })
export class ItemProblemDto {
  @ApiProperty({ example: "The supplier is on the bank's blacklist: no lending to it in any programme" }) title: string;
  @ApiProperty({ type: 'integer', example: 409 }) status: number;
  @ApiProperty({ example: "The supplier is on the bank's blacklist: no application can be made for it" }) detail: string;
  @ApiProperty({ example: 'SUPPLIER_BLACKLISTED' }) code: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] }) errors?: FieldErrorDto[];
}

export const ACTOR_KINDS = ['USER', 'API_KEY', 'SYSTEM'];

/** Who did something; to a core enterprise, the bank's staff show by role only (no id, the role as name). */
export class ActorRefDoc {
  @ApiProperty({ enum: ACTOR_KINDS }) kind: string;
  @ApiProperty({ type: String, nullable: true, description: "null for the bank's staff, to a core enterprise" }) id: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'officer.li' }) name: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ROLES }) role: string | null;
}

/** Schemas whose objects may carry members beyond the documented ones. */
const EXTENSIBLE_SCHEMAS = ['Problem', 'ItemProblem'];

const DECIMAL_PATTERN = '^-?\\d+(\\.\\d+)?$';

/** A decimal string (money, rates): never a JSON number. */
export const ApiDecimal = (example: string, options: ApiPropertyOptions = {}) =>
  ApiProperty({ type: 'string', pattern: DECIMAL_PATTERN, example, ...options } as ApiPropertyOptions);
export const ApiUuid = (options: ApiPropertyOptions = {}) =>
  ApiProperty({ type: 'string', format: 'uuid', ...options } as ApiPropertyOptions);
export const ApiDateTime = (options: ApiPropertyOptions = {}) =>
  ApiProperty({ type: 'string', format: 'date-time', ...options } as ApiPropertyOptions);
export const ApiDate = (options: ApiPropertyOptions = {}) =>
  ApiProperty({ type: 'string', format: 'date', example: '2026-11-27', ...options } as ApiPropertyOptions);

const PROBLEM_MEDIA_TYPE = 'application/problem+json';
const problemContent = () => ({ [PROBLEM_MEDIA_TYPE]: { schema: { $ref: getSchemaPath(ProblemDto) } } });

const DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...)',
  401: 'No or bad credentials',
  403: 'Role not allowed',
  404: 'Unknown, or belongs to another core enterprise',
  408: 'The upload stalled or crawled',
  409: 'Conflicts with the current state',
  413: 'Too large',
  415: 'Unsupported media type',
  422: 'A business rule refused it',
  429: 'Too many requests',
  503: 'Not ready',
};

/** Documents the problem+json answers a route can give. */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ApiExtraModels(ProblemDto),
    ...statuses.map((status) => ApiResponse({ status, description: DESCRIPTIONS[status] ?? 'Problem', content: problemContent() })),
  );
}

/** The success answer of a route: its response DTO. */
export function ApiResult(type: Type<unknown>, options: { status?: number; description?: string } = {}) {
  return ApiResponse({ status: options.status ?? 200, type, description: options.description ?? 'OK' });
}

const pageSchema = (item: Type<unknown>) => ({
  type: 'object',
  required: ['items', 'page', 'pageSize', 'total'],
  properties: {
    items: { type: 'array', items: { $ref: getSchemaPath(item) } },
    page: { type: 'integer', minimum: 1, example: 1 },
    pageSize: { type: 'integer', minimum: 1, example: 50 },
    total: { type: 'integer', minimum: 0, description: 'items in all pages', example: 1 },
  },
});

/** A page of a list: `{items, page, pageSize, total}`, the items typed. `csv` also offers the whole list as text/csv. */
export function ApiPage(item: Type<unknown>, options: { description?: string; csv?: string } = {}) {
  const content: Record<string, { schema: object }> = { 'application/json': { schema: pageSchema(item) } };
  if (options.csv) content['text/csv'] = { schema: { type: 'string', description: options.csv } };
  return applyDecorators(ApiExtraModels(item), ApiResponse({ status: 200, description: options.description ?? 'a page', content }));
}

/** A file download in one of `mediaTypes`. */
export function ApiFile(mediaTypes: string[], description: string) {
  return ApiResponse({
    status: 200,
    description,
    content: Object.fromEntries(mediaTypes.map((m) => [m, { schema: { type: 'string', format: 'binary' } }])),
  });
}

/** Success with no body. */
export const ApiNoContent = (description: string) => ApiNoContentResponse({ description });

const MUTATING = new Set(['post', 'put', 'patch', 'delete']);
type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;

/**
 * A route that takes a file as its raw body or as a multipart form (the pain.002 report) declares one
 * binary schema for all its media types: under multipart/form-data it is the form's `file` part.
 */
function describeMultipartFile(body: Operation['requestBody']): void {
  const media = body && 'content' in body ? body.content['multipart/form-data'] : undefined;
  const schema = media?.schema;
  if (!media || !schema || '$ref' in schema || schema.type !== 'string' || schema.format !== 'binary') return;
  media.schema = { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } };
}

/**
 * Completes the document as built from the decorators. Adds the problem answers every route of a kind
 * can give, so that no route forgets them: every
 * request's path and query text is checked (400); whoever needs credentials can be refused them (401);
 * every request body is read under a size limit and refused when not UTF-8 JSON where JSON is expected
 * (400, 413, 415); an authenticated mutating request takes an Idempotency-Key, which a concurrent
 * repeat makes 409 and another body 422. Every error response is problem+json, and a problem may
 * carry members of its own.
 */
export function completeApiDocument(document: OpenAPIObject): OpenAPIObject {
  for (const operations of Object.values(document.paths)) {
    for (const [verb, operation] of Object.entries(operations) as Array<[string, Operation | undefined]>) {
      if (!operation?.responses) continue;
      describeMultipartFile(operation.requestBody);
      // the path and query of every request are checked for text no column may hold (400)
      const implied: number[] = [400];
      const secured = (operation.security?.length ?? 0) > 0;
      if (secured) implied.push(401);
      if (MUTATING.has(verb)) implied.push(413, 415, ...(secured ? [409, 422] : []));
      for (const status of implied) operation.responses[String(status)] ??= { description: DESCRIPTIONS[status] };
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) >= 400 && response && !('$ref' in response) && !response.content) response.content = problemContent();
      }
    }
  }
  for (const name of EXTENSIBLE_SCHEMAS) {
    const schema = document.components?.schemas?.[name];
    if (schema && !('$ref' in schema)) schema.additionalProperties = true;
  }
  return document;
}
