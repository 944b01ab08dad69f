import type { Response } from 'supertest';

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** The RFC 9457 body every error answer carries; `errors` only on VALIDATION_FAILED. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  correlationId: string;
  errors?: FieldError[];
  [member: string]: unknown;
}

/**
 * Asserts the RFC 9457 shape every error must have (api.md): problem+json, the full set of members,
 * the HTTP status repeated in the body and the correlation id of the X-Request-Id header. Returns the
 * problem so that the test can state, in its own body, what it expected of it.
 */
export function expectProblem(res: Response, status: number, code?: string): Problem {
  if (res.status !== status) throw new Error(`expected ${status}${code ? ` ${code}` : ''}, got ${res.status} ${JSON.stringify(res.body)}`);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json(;|$)/);
  expect(res.body).toEqual(
    expect.objectContaining({
      type: expect.stringMatching(/^urn:chainlend:problem:[a-z0-9-]+$/),
      title: expect.any(String),
      status,
      detail: expect.any(String),
      code: expect.stringMatching(/^[A-Z0-9_]+$/),
      correlationId: res.headers['x-request-id'],
    }),
  );
  expect(res.headers['x-request-id']).toBeTruthy();
  if (code) expect(res.body.code).toBe(code);
  return res.body as Problem;
}

/** A 400 VALIDATION_FAILED naming `field` (with `errorCode` when given) among its errors; returns that error. */
export function expectFieldError(res: Response, field: string, errorCode?: string): FieldError {
  const errors = expectProblem(res, 400, 'VALIDATION_FAILED').errors ?? [];
  const match = errors.find((e) => e.field === field && (errorCode === undefined || e.code === errorCode));
  if (!match) throw new Error(`expected an error on ${field}${errorCode ? ` (${errorCode})` : ''}, got ${JSON.stringify(errors)}`);
  expect(match.message).toEqual(expect.any(String));
  return match;
}
