import { Reflector } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { PUBLIC_KEY, ROLES_KEY } from '../src/common/access/route-decorators.js';
import { uscc } from './support/ids.js';
import { expectProblem } from './support/problems.js';
import { routeHandlers, type RouteHandler } from './support/routes.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const HTTP_VERBS = ['get', 'post', 'put', 'patch', 'delete'] as const;
/** Routes the Swagger module serves itself (UI assets, JSON, YAML): they document the API rather than belong to it. */
const isDocRoute = (path: string) => /^\/docs([/-]|$)/.test(path);

/**
 * `/core-enterprises/:id` as OpenAPI writes it: `/core-enterprises/{id}`; an escaped colon
 * (`loan-applications\:batch`) is a literal one.
 */
const toOpenApiPath = (p: string) => p.replace(/(?<!\\):([A-Za-z0-9_]+)/g, '{$1}').replace(/\\:/g, ':');

describe('errors and API docs', () => {
  let t: TestApp;
  let handlers: RouteHandler[];

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_FAILURES: '2' });
    handlers = routeHandlers(t.app);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('problem+json', () => {
    it('answers an unknown route 404 ROUTE_NOT_FOUND', async () => {
      const res = await t.http().get('/no/such/route').set(t.admin.auth);
      expectProblem(res, 404, 'ROUTE_NOT_FOUND');
      expect(res.body.type).toBe('urn:chainlend:problem:route-not-found');
      expectProblem(await t.http().get('/no/such/route'), 404, 'ROUTE_NOT_FOUND');
      expectProblem(await t.http().delete('/core-enterprises').set(t.admin.auth), 404, 'ROUTE_NOT_FOUND');
    });

    const ERRORS: Array<[string, number, string, (t: TestApp) => Promise<Response>]> = [
      ['invalid input', 400, 'VALIDATION_FAILED', (t) => t.http().post('/core-enterprises').set(t.admin.auth).send({})],
      [
        'malformed JSON',
        400,
        'MALFORMED_JSON',
        (t) => t.http().post('/core-enterprises').set(t.admin.auth).set('Content-Type', 'application/json').send('{"name": '),
      ],
      ['a malformed id', 400, 'VALIDATION_FAILED', (t) => t.http().get('/programmes/42').set(t.admin.auth)],
      ['a malformed percent-encoding', 400, 'MALFORMED_REQUEST', (t) => t.http().get('/programmes/%E0%A4%A').set(t.admin.auth)],
      ['no credentials', 401, 'UNAUTHENTICATED', (t) => t.http().get('/programmes')],
      ['a bad token', 401, 'INVALID_TOKEN', (t) => t.http().get('/programmes').set('Authorization', 'Bearer x.y.z')],
      [
        'a wrong password',
        401,
        'INVALID_CREDENTIALS',
        (t) => t.http().post('/auth/login').send({ username: 'someone', password: 'wrong' }),
      ],
      [
        'a role not allowed',
        403,
        'FORBIDDEN',
        async (t) =>
          t
            .http()
            .get('/users')
            .set((await t.user('AUDITOR')).auth),
      ],
      ['an unknown record', 404, 'NOT_FOUND', (t) => t.http().get(`/programmes/${randomUUID()}`).set(t.admin.auth)],
      ['an unknown route', 404, 'ROUTE_NOT_FOUND', (t) => t.http().get('/nowhere')],
      [
        'a conflict',
        409,
        'USCC_TAKEN',
        async (t) =>
          t
            .http()
            .post('/core-enterprises')
            .set(t.admin.auth)
            .send({ name: 'dup', uscc: (await t.coreEnterprise()).uscc, guaranteeCap: '1.00' }),
      ],
      [
        'a body over the size limit',
        413,
        'PAYLOAD_TOO_LARGE',
        (t) =>
          t
            .http()
            .post('/core-enterprises')
            .set(t.admin.auth)
            .set('Content-Type', 'application/json')
            .send(`{"name":"${'x'.repeat(11 * 1024 * 1024)}"}`),
      ],
      [
        'an unsupported charset',
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        (t) => t.http().post('/auth/login').set('Content-Type', 'application/json; charset=ebcdic').send('{}'),
      ],
      [
        'a reused idempotency key',
        422,
        'IDEMPOTENCY_KEY_REUSED',
        async (t) => {
          const key = randomUUID();
          await t
            .http()
            .post('/core-enterprises')
            .set(t.admin.auth)
            .set('Idempotency-Key', key)
            .send({ name: 'a', uscc: uscc(), guaranteeCap: '1.00' });
          return t
            .http()
            .post('/core-enterprises')
            .set(t.admin.auth)
            .set('Idempotency-Key', key)
            .send({ name: 'b', uscc: uscc(), guaranteeCap: '1.00' });
        },
      ],
      [
        'a throttled login',
        429,
        'LOGIN_THROTTLED',
        async (t) => {
          for (let i = 0; i < 2; i++) await t.http().post('/auth/login').send({ username: 'throttled.user', password: 'wrong' });
          return t.http().post('/auth/login').send({ username: 'throttled.user', password: 'wrong' });
        },
      ],
    ];

    it.each(ERRORS)('renders %s as %i %s with every member', async (_, status, code, send) => {
      const problem = expectProblem(await send(t), status, code);
      expect(problem).toMatchObject({ status, code });
    });

    it('never answers 500 for any of them, and never leaks a stack', async () => {
      for (const [, , , send] of ERRORS) {
        const res = await send(t);
        expect(res.status).toBeLessThan(500);
        expect(res.text).not.toMatch(/\n\s+at |node_modules|\/src\//);
      }
    });

    it('echoes the X-Request-Id a caller gives and uses it as the correlation id', async () => {
      const requestId = `caller-trace:${randomUUID()}`;
      const res = await t.http().get('/programmes/not-a-uuid').set(t.admin.auth).set('X-Request-Id', requestId);
      expect(res.headers['x-request-id']).toBe(requestId);
      expect(res.body.correlationId).toBe(requestId);
      const ok = await t.http().get('/health').set('X-Request-Id', requestId);
      expect(ok.headers['x-request-id']).toBe(requestId);
    });

    it.each([
      ['too short', 'abc'],
      ['with spaces', 'two words here'],
      ['with a line-breaking character', 'abc<script>def'],
      ['too long', 'x'.repeat(129)],
    ])('replaces a request id that is %s with its own', async (_, given) => {
      const res = await t.http().get('/nowhere').set('X-Request-Id', given);
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(res.body.correlationId).toBe(res.headers['x-request-id']);
    });

    it('gives every response a request id, successes included', async () => {
      const a = await t.http().get('/health');
      const b = await t.http().get('/health');
      expect(a.headers['x-request-id']).toBeTruthy();
      expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
    });
  });

  describe('OpenAPI', () => {
    let doc: { openapi: string; paths: Record<string, Record<string, unknown>>; components?: Record<string, unknown> };

    beforeAll(async () => {
      const res = await t.http().get('/docs-json');
      expect(res.status).toBe(200);
      doc = res.body;
    });

    it('is an OpenAPI 3 document about ChainLend', () => {
      expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
      expect(doc).toMatchObject({ info: { title: 'ChainLend API' } });
      expect(doc.components).toHaveProperty('securitySchemes');
    });

    it('finds the route handlers to compare with (the control for the checks below)', () => {
      expect(handlers.length).toBeGreaterThanOrEqual(15);
      expect(handlers).toContainEqual(expect.objectContaining({ verb: 'post', path: '/auth/login' }));
      expect(handlers).toContainEqual(expect.objectContaining({ verb: 'patch', path: '/programmes/:id' }));
    });

    it('describes every route handler of the app', () => {
      const missing = handlers.filter((h) => !doc.paths[toOpenApiPath(h.path)]?.[h.verb]).map((h) => `${h.verb.toUpperCase()} ${h.path}`);
      expect(missing).toEqual([]);
    });

    it('describes every route express serves, and nothing that is not served', () => {
      const express = t.app.getHttpAdapter().getInstance() as { router?: { stack: unknown[] }; _router?: { stack: unknown[] } };
      const stack = (express.router ?? express._router)?.stack as Array<{ route?: { path: string; methods: Record<string, boolean> } }>;
      const served = new Set<string>();
      for (const layer of stack) {
        if (!layer.route || isDocRoute(layer.route.path)) continue;
        for (const verb of HTTP_VERBS) if (layer.route.methods[verb]) served.add(`${verb} ${toOpenApiPath(layer.route.path)}`);
      }
      expect(served.size).toBe(handlers.length);
      const documented = new Set(
        Object.entries(doc.paths).flatMap(([path, ops]) => HTTP_VERBS.filter((v) => v in ops).map((v) => `${v} ${path}`)),
      );
      expect([...served].filter((r) => !documented.has(r))).toEqual([]);
      expect([...documented].filter((r) => !served.has(r))).toEqual([]);
    });

    it('documents the problem answers and the security of protected routes', () => {
      const login = doc.paths['/auth/login'].post as { responses: Record<string, unknown>; security?: unknown };
      expect(Object.keys(login.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '429']));
      const createProgramme = doc.paths['/programmes'].post as { security: unknown[]; responses: Record<string, unknown> };
      expect(createProgramme.security).toEqual(expect.arrayContaining([{ bearer: [] }]));
      expect(Object.keys(createProgramme.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403']));
    });

    it('serves the UI at /docs', async () => {
      const res = await t.http().get('/docs').redirects(1);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.text).toMatch(/swagger/i);
    });
  });

  describe('access declarations', () => {
    it('has every route handler declare its roles or say it is public', () => {
      const reflector = t.app.get(Reflector);
      const undeclared = handlers
        .filter((h) => {
          const targets = [h.handler, h.klass];
          const roles = reflector.getAllAndOverride<string[] | undefined>(ROLES_KEY, targets);
          const isPublic = reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets);
          return !isPublic && !(roles && roles.length);
        })
        .map((h) => `${h.controller}.${h.method} (${h.verb.toUpperCase()} ${h.path})`);
      expect(undeclared).toEqual([]);
    });

    it('keeps the public routes to login, health and docs', () => {
      const reflector = t.app.get(Reflector);
      const open = handlers
        .filter((h) => reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [h.handler, h.klass]))
        .map((h) => `${h.verb} ${h.path}`);
      expect(open.sort()).toEqual(['get /health', 'post /auth/login']);
    });
  });

  it('answers /health 200 with the database up', async () => {
    const res = await t.http().get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('logs a database error with its constraint and SQL, never the values it was given', async () => {
    const residentId = '11010519491231002X';
    // a constraint the service does not expect, so that the insert fails with a database error it cannot map
    await t.db.query(`ALTER TABLE core_enterprises ADD CONSTRAINT test_no_resident_id_in_name CHECK (name !~ '\\d{17}[0-9X]')`);
    try {
      const res = await t
        .http()
        .post('/core-enterprises')
        .set(t.admin.auth)
        .send({ name: `张三 ${residentId}`, uscc: uscc(), guaranteeCap: '1.00' });
      expectProblem(res, 500, 'INTERNAL');
      const correlationId = res.body.correlationId as string;
      await new Promise((r) => setTimeout(r, 50));
      const entry = t.logs
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { correlationId?: string; err?: Record<string, unknown> })
        .find((l) => l.correlationId === correlationId && l.err);
      expect(entry?.err).toMatchObject({
        type: 'QueryFailedError',
        code: '23514',
        constraint: 'test_no_resident_id_in_name',
        table: 'core_enterprises',
      });
      expect(entry?.err?.query).toMatch(/^INSERT INTO core_enterprises/);
      expect(t.logs.join('')).not.toContain(residentId);
    } finally {
      await t.db.query(`ALTER TABLE core_enterprises DROP CONSTRAINT test_no_resident_id_in_name`);
    }
  });

  it('logs requests without passwords, tokens, API keys or full identifiers', async () => {
    const user = await t.user('OFFICER');
    const wrongPassword = `Wrong-${randomUUID()}`;
    await t.http().post('/auth/login').send({ username: user.username, password: wrongPassword });
    const login = await t.http().post('/auth/login').send({ username: user.username, password: user.password });
    expect(login.status).toBe(200);
    const token: string = login.body.accessToken;
    expect((await t.http().get('/users/me').set('Authorization', `Bearer ${token}`)).status).toBe(200);

    const ce = await t.coreEnterprise();
    const { key } = await t.apiKey(ce.id);
    expect((await t.http().get(`/core-enterprises/${ce.id}`).set('X-Api-Key', key)).status).toBe(200);
    expectProblem(await t.http().get('/users').set('X-Api-Key', key), 403, 'FORBIDDEN');
    const residentId = '11010519491231002X';
    await t.http().get('/core-enterprises').query({ q: residentId }).set(t.admin.auth);
    // a search for a name and an ID typed together reaches the log percent-encoded
    await t
      .http()
      .get('/core-enterprises')
      .query({ q: `张三${residentId}` })
      .set(t.admin.auth);
    // pino-http writes its line when the response finishes, which may be after the client has it
    await new Promise((r) => setTimeout(r, 50));

    const lines = t.logs
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { req?: { url: string; id: string } });
    const urls = lines.map((l) => l.req?.url);
    expect(urls).toContain('/auth/login');
    expect(urls).toContain(`/core-enterprises/${ce.id}`);
    expect(urls).toContain('/core-enterprises?q=110105********002X');
    expect(urls).toContain(`/core-enterprises?q=${encodeURIComponent('张三')}110105********002X`);

    const text = t.logs.join('');
    for (const secret of [user.password, wrongPassword, token, token.split('.')[2], key, key.slice(12), residentId, t.admin.token]) {
      expect(text).not.toContain(secret);
    }
  });
});
