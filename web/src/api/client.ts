import createClient, { type Middleware } from 'openapi-fetch';
import { session } from '../auth/session';
import type { components, paths } from './schema';

/**
 * A problem+json answer (RFC 9457) as the service sends every error. Only the status is sure: a
 * proxy's 502 or an empty body still makes one, so the document's other members may be missing.
 */
export type Problem = Partial<components['schemas']['Problem']> & { status: number };

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
  }
}

const auth: Middleware = {
  onRequest({ request }) {
    const token = session.token();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ request, response }) {
    // An expired or revoked token: back to the login page (a failed login is the login page's business).
    if (response.status === 401 && !new URL(request.url).pathname.endsWith('/auth/login')) session.expire();
    return response;
  },
};

/**
 * The typed client, generated from the service's OpenAPI document (npm run gen:api). Same origin as the console.
 * It reads JSON answers: the other media an operation offers (CSV, XML) are fetched as files by lib/download
 * or with parseAs, so their types would only widen every body to a union with string.
 */
export const api = createClient<paths, 'application/json'>({ baseUrl: window.location.origin });
api.use(auth);

/**
 * The body of a successful answer, or an ApiError with the problem: what TanStack Query wants.
 * The body's type is the one the document gives the operation, so a change of the document shows here as a type error.
 */
export async function ok<R extends { data?: unknown; error?: unknown; response: Response }>(
  call: Promise<R>,
): Promise<Exclude<R['data'], undefined>> {
  const { data, error, response } = await call;
  if (!response.ok) {
    const problem = (error && typeof error === 'object' ? error : {}) as Partial<Problem>;
    throw new ApiError({ ...problem, status: response.status });
  }
  return data as Exclude<R['data'], undefined>;
}
