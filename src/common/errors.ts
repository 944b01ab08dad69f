/**
 * Domain errors carry a stable machine-readable code, an HTTP status and a human title.
 * Each feature declares its own codes with defineErrors(); the problem+json filter renders them.
 */
export interface ErrorDef {
  readonly code: string;
  readonly status: number;
  readonly title: string;
}

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export function defineErrors<K extends string>(defs: Record<K, { status: number; title: string }>): { readonly [P in K]: ErrorDef } {
  const out = {} as { [P in K]: ErrorDef };
  for (const code of Object.keys(defs) as K[]) out[code] = { code, ...defs[code] };
  return out;
}

export class DomainError extends Error {
  constructor(
    readonly def: ErrorDef,
    readonly detail?: string,
    readonly extras: { errors?: FieldError[]; headers?: Record<string, string>; [k: string]: unknown } = {},
  ) {
    super(detail ?? def.title);
    this.name = 'DomainError';
  }
}

/** Codes shared by every feature. */
export const CommonErrors = defineErrors({
  VALIDATION_FAILED: { status: 400, title: 'The request is not valid' },
  MALFORMED_JSON: { status: 400, title: 'The request body is not valid JSON' },
  JSON_TOO_DEEP: { status: 400, title: 'The JSON body is nested too deeply' },
  MALFORMED_REQUEST: { status: 400, title: 'The request could not be read' },
  UNAUTHENTICATED: { status: 401, title: 'Authentication is required' },
  FORBIDDEN: { status: 403, title: 'Your role may not do this' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, title: 'No such endpoint' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
  NOT_ACCEPTABLE: { status: 406, title: 'Cannot produce the requested media type' },
  CONFLICT: { status: 409, title: 'The request conflicts with the current state' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, title: 'This Idempotency-Key was used with a different request' },
  IDEMPOTENCY_REQUEST_IN_PROGRESS: { status: 409, title: 'A request with this Idempotency-Key is still being processed' },
  INVALID_IDEMPOTENCY_KEY: { status: 400, title: 'The Idempotency-Key header is not valid' },
  TOO_MANY_REQUESTS: { status: 429, title: 'Too many requests' },
  SERVICE_UNAVAILABLE: { status: 503, title: 'The service is not ready' },
  INTERNAL: { status: 500, title: 'Internal server error' },
});

export const notFound = (what: string, id?: string) =>
  new DomainError(CommonErrors.NOT_FOUND, id ? `${what} ${id} was not found` : `${what} was not found`, { entity: what });

export const invalid = (field: string, code: string, message: string) =>
  new DomainError(CommonErrors.VALIDATION_FAILED, message, { errors: [{ field, code, message }] });
