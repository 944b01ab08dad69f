import {
  BadRequestException,
  ForbiddenException,
  GoneException,
  HttpException,
  MethodNotAllowedException,
  NotFoundException,
  PayloadTooLargeException,
  ServiceUnavailableException,
  UnauthorizedException,
  UnprocessableEntityException,
  Logger,
  type ArgumentsHost,
} from '@nestjs/common';
import { CommonErrors, DomainError, defineErrors, invalid, notFound } from './errors.js';
import { PROBLEM_CONTENT_TYPE, ProblemFilter, problemType, toProblem } from './problem.js';

const CID = 'req-0123456789';

/** What body-parser throws for bad JSON: a SyntaxError decorated by http-errors. */
function parseError(): SyntaxError & { status: number; statusCode: number; type: string; body: string; expose: boolean } {
  return Object.assign(new SyntaxError('Unexpected token } in JSON at position 12 ("password":"hunter2"}'), {
    status: 400,
    statusCode: 400,
    expose: true,
    type: 'entity.parse.failed',
    body: '{"password":"hunter2"}',
  });
}

describe('toProblem', () => {
  it('renders a DomainError with its code, status, detail and field errors', () => {
    const { problem, headers, unexpected } = toProblem(invalid('uscc', 'USCC_CHECKSUM', 'uscc check character does not match'), CID);
    expect(unexpected).toBe(false);
    expect(headers).toEqual({});
    expect(problem).toEqual({
      type: 'urn:chainlend:problem:validation-failed',
      title: 'The request is not valid',
      status: 400,
      detail: 'uscc check character does not match',
      code: 'VALIDATION_FAILED',
      correlationId: CID,
      errors: [{ field: 'uscc', code: 'USCC_CHECKSUM', message: 'uscc check character does not match' }],
    });
  });

  it('uses the title when a DomainError has no detail', () => {
    const { LIMIT_EXCEEDED } = defineErrors({ LIMIT_EXCEEDED: { status: 409, title: 'The limit is exceeded' } });
    const { problem } = toProblem(new DomainError(LIMIT_EXCEEDED), CID);
    expect(problem).toMatchObject({ status: 409, code: 'LIMIT_EXCEEDED', title: 'The limit is exceeded', detail: 'The limit is exceeded' });
    expect(problem.type).toBe('urn:chainlend:problem:limit-exceeded');
  });

  it('moves headers out of the body and keeps other extras in it', () => {
    const err = new DomainError(CommonErrors.TOO_MANY_REQUESTS, 'slow down', { headers: { 'Retry-After': '30' }, retryAfterSeconds: 30 });
    const { problem, headers } = toProblem(err, CID);
    expect(headers).toEqual({ 'Retry-After': '30' });
    expect(problem).not.toHaveProperty('headers');
    expect(problem.retryAfterSeconds).toBe(30);
  });

  it('names the entity of a not-found', () => {
    const { problem } = toProblem(notFound('Programme', 'abc'), CID);
    expect(problem).toMatchObject({ status: 404, code: 'NOT_FOUND', detail: 'Programme abc was not found', entity: 'Programme' });
  });

  it.each([
    [new UnauthorizedException(), 401, 'UNAUTHENTICATED'],
    [new ForbiddenException(), 403, 'FORBIDDEN'],
    [new MethodNotAllowedException(), 405, 'METHOD_NOT_ALLOWED'],
    [new PayloadTooLargeException(), 413, 'PAYLOAD_TOO_LARGE'],
    [new ServiceUnavailableException(), 503, 'SERVICE_UNAVAILABLE'],
    [new BadRequestException('page must be a number'), 400, 'MALFORMED_REQUEST'],
  ])('maps Nest %p to its status and code', (exception, status, code) => {
    const { problem, unexpected } = toProblem(exception, CID);
    expect(unexpected).toBe(false);
    expect(problem).toMatchObject({ status, code, correlationId: CID, type: problemType(code) });
  });

  it('answers a 4xx Nest exception it has no code for with its own status, not 500', () => {
    for (const exception of [
      new UnprocessableEntityException('amount is above the limit'),
      new GoneException(),
      new HttpException('teapot', 418),
    ]) {
      const { problem, unexpected } = toProblem(exception, CID);
      expect(unexpected).toBe(false);
      expect(problem).toMatchObject({ status: exception.getStatus(), code: 'REQUEST_REFUSED', correlationId: CID });
    }
    expect(toProblem(new UnprocessableEntityException('amount is above the limit'), CID).problem.detail).toBe('amount is above the limit');
  });

  it('answers a 5xx Nest exception as INTERNAL, hiding its message', () => {
    const { problem, unexpected } = toProblem(new HttpException('pool exhausted at db-3', 502), CID);
    expect(unexpected).toBe(true);
    expect(problem).toMatchObject({ status: 500, code: 'INTERNAL' });
    expect(problem.detail).not.toContain('db-3');
  });

  it("keeps a Nest exception's message as the detail, joining lists", () => {
    expect(toProblem(new BadRequestException('page must be a number'), CID).problem.detail).toBe('page must be a number');
    expect(toProblem(new BadRequestException(['a is wrong', 'b is wrong']), CID).problem.detail).toBe('a is wrong; b is wrong');
  });

  it("answers Nest's route-not-found as ROUTE_NOT_FOUND without echoing the path", () => {
    const { problem } = toProblem(new NotFoundException('Cannot GET /secret/../path'), CID);
    expect(problem).toMatchObject({ status: 404, code: 'ROUTE_NOT_FOUND', detail: 'No endpoint matches this method and path' });
  });

  it('answers a body-parser JSON error wrapped by Nest as MALFORMED_JSON without the parser message', () => {
    const raw = parseError();
    const { problem, unexpected } = toProblem(new BadRequestException(raw.message, { cause: raw }), CID);
    expect(unexpected).toBe(false);
    expect(problem).toMatchObject({ status: 400, code: 'MALFORMED_JSON', detail: 'The request body is not valid JSON' });
    expect(JSON.stringify(problem)).not.toContain('hunter2');
  });

  it('answers a raw body-parser error the same way', () => {
    expect(toProblem(parseError(), CID).problem).toMatchObject({ status: 400, code: 'MALFORMED_JSON' });
  });

  it.each([
    ['entity.too.large', 413, 'PAYLOAD_TOO_LARGE'],
    ['encoding.unsupported', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['charset.unsupported', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['request.aborted', 400, 'MALFORMED_REQUEST'],
  ])('maps the transport error %s to %i %s', (type, status, code) => {
    const cause = Object.assign(new Error(`${type} happened`), { type, status, statusCode: status, expose: true });
    const { problem } = toProblem(new HttpException(cause.message, status, { cause }), CID);
    expect(problem).toMatchObject({ status, code });
  });

  it('renders class-validator errors thrown by hand with field paths', () => {
    const { problem } = toProblem(
      [{ property: 'amount', value: 5, constraints: { isMoney: 'amount must be a decimal string' }, children: [] }],
      CID,
    );
    expect(problem).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', errors: [{ field: 'amount', code: 'INVALID_MONEY' }] });
  });

  it('answers an unexpected error 500 INTERNAL and leaks nothing of it', () => {
    const err = new Error('connect ECONNREFUSED 10.0.0.7:5432 user=chainlend password=hunter2');
    const { problem, unexpected } = toProblem(err, CID);
    expect(unexpected).toBe(true);
    expect(problem).toMatchObject({ status: 500, code: 'INTERNAL', title: 'Internal server error', correlationId: CID });
    expect(problem.detail).toContain(CID);
    const text = JSON.stringify(problem);
    for (const leak of ['ECONNREFUSED', '10.0.0.7', 'hunter2', 'user=chainlend', '    at ']) expect(text).not.toContain(leak);
  });

  it('treats thrown non-errors as unexpected too', () => {
    expect(toProblem('boom', CID).problem.status).toBe(500);
    expect(toProblem(undefined, CID).unexpected).toBe(true);
    expect(toProblem({ type: 'not.a.transport.error' }, CID).problem.code).toBe('INTERNAL');
  });
});

describe('ProblemFilter', () => {
  // the filter logs unexpected errors through Nest's logger, which would only clutter the test output
  beforeAll(() => Logger.overrideLogger(false));
  function fakeHost(headersSent = false) {
    const res = {
      headersSent,
      statusCode: 0,
      contentType: '',
      headers: {} as Record<string, string>,
      sent: undefined as string | undefined,
      destroyed: false,
      status(code: number) {
        this.statusCode = code;
        return this;
      },
      type(t: string) {
        this.contentType = t;
        return this;
      },
      setHeader(k: string, v: string) {
        this.headers[k] = v;
      },
      send(body: string) {
        this.sent = body;
        return this;
      },
      destroy() {
        this.destroyed = true;
      },
    };
    const req = { id: CID, headers: {}, method: 'POST', path: '/x' };
    const host = { switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }) } as unknown as ArgumentsHost;
    return { host, res };
  }

  it('sends problem+json with the status, headers and correlation id of the request', () => {
    const { host, res } = fakeHost();
    new ProblemFilter().catch(new DomainError(CommonErrors.TOO_MANY_REQUESTS, 'later', { headers: { 'Retry-After': '5' } }), host);
    expect(res.statusCode).toBe(429);
    expect(res.contentType).toBe(PROBLEM_CONTENT_TYPE);
    expect(res.headers).toEqual({ 'Retry-After': '5' });
    expect(JSON.parse(res.sent!)).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS', correlationId: CID });
  });

  it('drops the connection rather than writing a second response', () => {
    const { host, res } = fakeHost(true);
    new ProblemFilter().catch(new Error('late failure'), host);
    expect(res.destroyed).toBe(true);
    expect(res.sent).toBeUndefined();
  });
});
