import { responseViolations, toJsonSchema, type ObservedResponse, type OpenApiDocument } from './support/response-validation.js';
import { createTestApp, type TestApp } from './support/test-app.js';

interface Media {
  schema?: { $ref?: string; type?: string; format?: string };
}
interface Operation {
  operationId?: string;
  security?: unknown[];
  responses: Record<string, { content?: Record<string, Media> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Record<string, unknown>> };
}

const HTTP_VERBS = ['get', 'post', 'put', 'patch', 'delete'];
const FILE_TYPES = /^(text\/csv|application\/xml|application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet)$/;

/**
 * The document is the contract the console's client is generated from: every operation says what it
 * answers on success and on failure, under a stable name. The e2e harness checks each response the
 * tests receive against it (test/support/response-validation.ts).
 */
describe('the OpenAPI contract', () => {
  let t: TestApp;
  let doc: Document;
  let operations: Array<{ name: string; op: Operation }>;

  beforeAll(async () => {
    t = await createTestApp();
    const res = await t.http().get('/docs-json');
    expect(res.status).toBe(200);
    doc = res.body as Document;
    operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      HTTP_VERBS.filter((v) => ops[v]).map((v) => ({ name: `${v.toUpperCase()} ${path}`, op: ops[v] })),
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  it('finds the operations (the control for the checks below)', () => {
    expect(operations.length).toBeGreaterThanOrEqual(80);
  });

  it('names every operation once, readably', () => {
    const ids = operations.map((o) => o.op.operationId);
    expect(operations.filter((o) => !o.op.operationId || !/^[a-z][A-Za-z0-9]+$/.test(o.op.operationId)).map((o) => o.name)).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('gives every operation a success response with a schema, a file type or no content', () => {
    const lacking = operations
      .filter(({ op }) => {
        const successes = Object.entries(op.responses).filter(([status]) => /^2\d\d$/.test(status));
        return (
          !successes.length ||
          successes.some(
            ([status, r]) =>
              status !== '204' &&
              (!r.content ||
                Object.entries(r.content).some(([type, m]) => !m.schema || (!type.includes('json') && !FILE_TYPES.test(type)))),
          )
        );
      })
      .map((o) => o.name);
    expect(lacking).toEqual([]);
  });

  it('documents the problem answers of every operation as problem+json', () => {
    const lacking = operations
      .filter(({ op }) => {
        const problems = Object.entries(op.responses).filter(([status]) => Number(status) >= 400);
        return (
          !problems.length ||
          problems.some(([, r]) => r.content?.['application/problem+json']?.schema?.$ref !== '#/components/schemas/Problem')
        );
      })
      .map((o) => o.name);
    expect(lacking).toEqual([]);
  });

  it('documents 400 on every operation, 401 on every one that needs credentials, and 413/415 on every one that takes a body', () => {
    const lacking = operations.flatMap(({ name, op }) => {
      const expected = ['400', ...(op.security?.length ? ['401'] : []), ...(/^(POST|PUT|PATCH|DELETE) /.test(name) ? ['413', '415'] : [])];
      return expected.filter((s) => !op.responses[s]).map((s) => `${name} ${s}`);
    });
    expect(lacking).toEqual([]);
  });

  it('describes uploads as multipart forms with their file', () => {
    const forms = ['/core-enterprises/{id}/rosters', '/core-enterprises/{id}/settlements', '/disbursement-batches/{id}/status-report'].map(
      (path) =>
        (doc.paths[path].post as unknown as { requestBody: { content: Record<string, Media> } }).requestBody.content['multipart/form-data'],
    );
    for (const form of forms)
      expect(form.schema).toMatchObject({ type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } });
  });

  it('describes the problem as RFC 9457 with a stable code and field errors', () => {
    expect(doc.components.schemas.Problem).toMatchObject({
      required: expect.arrayContaining(['type', 'title', 'status', 'detail', 'code', 'correlationId']),
      properties: { errors: { type: 'array', items: { $ref: '#/components/schemas/FieldError' } } },
    });
    expect(doc.components.schemas.FieldError).toMatchObject({ required: ['field', 'code', 'message'] });
  });

  it('types every property of every schema', () => {
    const untyped: string[] = [];
    const walk = (where: string, node: Record<string, unknown>) => {
      for (const [name, prop] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        if (!prop.type && !prop.$ref && !prop.allOf && !prop.oneOf && !prop.anyOf) untyped.push(`${where}.${name}`);
        walk(`${where}.${name}`, prop);
        if (prop.items) walk(`${where}.${name}[]`, prop.items as Record<string, unknown>);
      }
    };
    for (const [name, schema] of Object.entries(doc.components.schemas)) walk(name, schema);
    expect(untyped).toEqual([]);
  });

  it('converts nullable and references for the response checks', () => {
    expect(toJsonSchema({ type: 'string', format: 'uuid', nullable: true })).toEqual({ type: ['string', 'null'], format: 'uuid' });
    expect(toJsonSchema({ type: 'string', enum: ['A'], nullable: true })).toEqual({ type: ['string', 'null'], enum: ['A', null] });
    expect(toJsonSchema({ type: 'object', allOf: [{ $ref: '#/components/schemas/X' }], nullable: true })).toEqual({
      anyOf: [{ type: 'object', allOf: [{ $ref: 'openapi#/components/schemas/X' }] }, { type: 'null' }],
    });
    expect(toJsonSchema({ type: 'object', properties: { a: { type: 'integer' } } })).toEqual({
      type: 'object',
      properties: { a: { type: 'integer' } },
      additionalProperties: false,
    });
  });

  it('reports every kind of response that does not match the document, and passes one that does', () => {
    const fake = {
      paths: {
        '/things/{id}': {
          get: {
            responses: {
              '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
              '404': { content: { 'application/problem+json': { schema: { type: 'object', properties: { code: { type: 'string' } } } } } },
            },
          },
        },
      },
      components: {
        schemas: {
          Thing: {
            type: 'object',
            required: ['id', 'status'],
            properties: {
              id: { type: 'string', format: 'uuid' },
              status: { type: 'string', enum: ['OPEN'] },
              note: { type: 'string', nullable: true },
            },
          },
        },
      },
    } as unknown as OpenApiDocument;
    const answer = (status: number, body: unknown, mediaType = 'application/json'): ObservedResponse => ({
      method: 'get',
      route: '/things/:id',
      status,
      mediaType,
      body: Buffer.from(JSON.stringify(body)),
    });
    const id = '5f0c6d1e-8a43-4a8e-9a51-0f6f1b1d2c3e';
    expect(
      responseViolations(fake, [
        answer(200, { id, status: 'OPEN', note: null }),
        answer(404, { code: 'NOT_FOUND' }, 'application/problem+json'),
      ]),
    ).toEqual([]);
    expect(
      responseViolations(fake, [
        answer(200, { id, status: 'SHUT' }),
        answer(200, { id: 'x', status: 'OPEN' }),
        answer(200, { status: 'OPEN' }),
        answer(200, { id, status: 'OPEN', secret: 1 }),
        answer(409, { code: 'CONFLICT' }, 'application/problem+json'),
        answer(200, 'a,b', 'text/csv'),
        { ...answer(200, {}), route: '/elsewhere' },
      ]),
    ).toEqual([
      'GET /elsewhere 200: the operation is not in the document',
      'GET /things/{id} 200: (body) must NOT have additional properties (secret): {"id":"5f0c6d1e-8a43-4a8e-9a51-0f6f1b1d2c3e","status":"OPEN","secret":1}',
      'GET /things/{id} 200: (body) must have required property \'id\': {"status":"OPEN"}',
      'GET /things/{id} 200: /id must match format "uuid": "x"',
      'GET /things/{id} 200: /status must be equal to one of the allowed values ["OPEN"]: "SHUT"',
      'GET /things/{id} 200: answered text/csv, documented application/json',
      'GET /things/{id} 409: status not documented (documented: 200, 404)',
    ]);
  });
});
