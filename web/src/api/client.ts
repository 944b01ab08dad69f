import createClient, { type Middleware } from 'openapi-fetch';
import { session } from '../auth/session';
import type { paths } from './schema';

/** A problem+json answer (RFC 9457) as the service sends every error. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: { field: string; code: string; message: string }[];
}

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

/** The typed client, generated from the service's OpenAPI document (npm run gen:api). Same origin as the console. */
export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(auth);

/**
 * The body of a successful answer, or an ApiError with the problem: what TanStack Query wants.
 * `T` names the body where the document does not describe it yet.
 */
export async function ok<T>(call: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) {
    const problem = (error && typeof error === 'object' ? error : {}) as Partial<Problem>;
    throw new ApiError({ ...problem, status: response.status });
  }
  return data as T;
}
