import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildPain002 } from '../src/disbursements/iso20022/pain002.js';
import { lending, type Lending } from './support/loans.js';
import { uscc } from './support/ids.js';
import { expectProblem } from './support/problems.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const KB = 1024;
const MB = 1024 * KB;

/**
 * Sends the headers and the first `firstBytes` of a body announced as `declaredBytes`, and answers the
 * status the service gives while the rest has not been sent (or 0 when it waits for the rest).
 */
function statusBeforeTheBodyEnds(
  port: number,
  path: string,
  headers: Record<string, string>,
  declaredBytes: number,
  firstBytes: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port,
      path,
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(declaredBytes), ...headers },
    });
    const timer = setTimeout(() => {
      req.destroy();
      resolve(0);
    }, 2000);
    req.on('response', (res) => {
      clearTimeout(timer);
      res.resume();
      req.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (e) => {
      clearTimeout(timer);
      if ((e as NodeJS.ErrnoException).code === 'ECONNRESET') resolve(0);
      else reject(e);
    });
    req.write(Buffer.alloc(firstBytes, '['));
  });
}

describe('request bodies', () => {
  let t: TestApp;
  let l: Lending;
  let server: http.Server;

  beforeAll(async () => {
    t = await createTestApp();
    l = await lending(t);
    server = http.createServer(t.app.getHttpAdapter().getInstance());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  });
  afterAll(async () => {
    await new Promise((r) => server?.close(r));
    await t?.close();
  });

  const port = () => (server.address() as AddressInfo).port;
  const ceBody = (overrides: Record<string, unknown> = {}) => ({
    name: `Dairy ${randomUUID()}`,
    uscc: uscc(),
    guaranteeCap: '1000000.00',
    ...overrides,
  });
  const item = (supplierId: string, overrides: Record<string, unknown> = {}) => ({
    supplierId,
    amount: '20000.00',
    termDays: 180,
    ...overrides,
  });

  describe('before authentication nothing is read', () => {
    it('answers 401 to an unauthenticated body without waiting for it', async () => {
      expect(await statusBeforeTheBodyEnds(port(), '/core-enterprises', {}, 40 * MB, 64 * KB)).toBe(401);
    });

    it('answers 401, not 413, to an unauthenticated body above every limit', async () => {
      const res = await t
        .http()
        .post('/core-enterprises')
        .set('Content-Type', 'application/json')
        .send(`{"name":"${'x'.repeat(11 * MB)}"}`);
      expectProblem(res, 401, 'UNAUTHENTICATED');
      expect(res.status).toBe(401);
    });

    it('answers 401, not 400, to unauthenticated JSON that would not parse', async () => {
      const problem = expectProblem(
        await t.http().post('/core-enterprises').set('Content-Type', 'application/json').send('{"name": '),
        401,
        'UNAUTHENTICATED',
      );
      expect(problem).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    });

    it('answers 403 to a role that may not call the route, before reading its body', async () => {
      const auditor = await t.user('AUDITOR');
      expectProblem(
        await t.http().post('/core-enterprises').set(auditor.auth).set('Content-Type', 'application/json').send('{"name": '),
        403,
        'FORBIDDEN',
      );
      expect(await statusBeforeTheBodyEnds(port(), '/core-enterprises', auditor.auth, 40 * MB, 64 * KB)).toBe(403);
    });

    it('reads the body of a caller who may call the route', async () => {
      const problem = expectProblem(
        await t.http().post('/core-enterprises').set(t.admin.auth).set('Content-Type', 'application/json').send('{"name": '),
        400,
        'MALFORMED_JSON',
      );
      expect(problem).toMatchObject({ status: 400, code: 'MALFORMED_JSON' });
    });
  });

  describe('limits', () => {
    it('refuses a body above the default limit on an ordinary route with 413', async () => {
      const res = await t
        .http()
        .post('/core-enterprises')
        .set(t.admin.auth)
        .send(ceBody({ name: 'x'.repeat(200 * KB) }));
      expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
      expect(res.body.detail).toMatch(/100 kB/);
    });

    it('refuses a large body to the public login with 413, before anything is checked', async () => {
      const res = await t
        .http()
        .post('/auth/login')
        .send({ username: 'admin', password: 'x'.repeat(200 * KB) });
      expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
      expect(res.body).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    });

    it('refuses a body whose announced length is above the limit at once, without waiting for it', async () => {
      expect(await statusBeforeTheBodyEnds(port(), '/core-enterprises', t.admin.auth, 1 * MB, 1 * KB)).toBe(413);
    });

    it('takes a bulk submission well above the default limit', async () => {
      const applications = Array.from({ length: 1000 }, () => item(randomUUID(), { purpose: 'p'.repeat(400) }));
      const body = { applications };
      expect(JSON.stringify(body).length).toBeGreaterThan(400 * KB);
      const res = await t.http().post(`/programmes/${l.programme.id}/loan-applications:batch`).set(l.officer.auth).send(body);
      expect(res.status).toBe(200);
      expect(res.body.results).toHaveLength(1000);
      expect(res.body.results[0].error).toMatchObject({ status: 404 });
    });

    it('refuses a bulk submission above its own limit with 413', async () => {
      const res = await t
        .http()
        .post(`/programmes/${l.programme.id}/loan-applications:batch`)
        .set(l.officer.auth)
        .set('Content-Type', 'application/json')
        .send(`{"applications":["${'x'.repeat(11 * MB)}"]}`);
      expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
      expect(res.body).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    });

    it('takes a pain.002 status report well above the default limit as XML', async () => {
      const xml = buildPain002({
        messageId: `BANKRPT${Date.now()}`,
        createdAt: new Date(),
        originalMessageId: 'CLBNOSUCHBATCH',
        originalMessageType: 'pain.001.001.09',
        originalPaymentInformationId: 'CLBNOSUCHBATCH-1',
        transactions: Array.from({ length: 3000 }, (_, i) => ({ endToEndId: `E2E${i}`, status: 'ACSC' })),
      });
      expect(xml.length).toBeGreaterThan(300 * KB);
      // the report is read and parsed: what answers is the unknown batch
      const res = await t
        .http()
        .post(`/disbursement-batches/${randomUUID()}/status-report`)
        .set(l.officer.auth)
        .set('Content-Type', 'application/xml')
        .send(xml);
      expectProblem(res, 404, 'NOT_FOUND');
    });
  });

  describe('media types', () => {
    it('refuses XML on a route that does not declare it with 415', async () => {
      const res = await t.http().post('/core-enterprises').set(t.admin.auth).set('Content-Type', 'application/xml').send('<name>x</name>');
      expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
      expect(res.body).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    });

    it('refuses a charset it cannot decode with 415', async () => {
      const res = await t
        .http()
        .post('/core-enterprises')
        .set(t.admin.auth)
        .set('Content-Type', 'application/json; charset=ebcdic')
        .send('{}');
      expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
      expect(res.body).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    });

    it('takes an empty JSON body as an empty object, as before', async () => {
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.request({
          host: '127.0.0.1',
          port: port(),
          path: `/loan-applications/${randomUUID()}/approve`,
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', ...l.officer.auth },
        });
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
      // read as {}: the unknown application answers, not the body
      expect(status).toBe(404);
    });

    it('refuses a compressed body with 415: its inflated size is unknown', async () => {
      const res = await t
        .http()
        .post('/core-enterprises')
        .set(t.admin.auth)
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', 'gzip')
        .send(Buffer.from([0x1f, 0x8b, 0x08, 0x00]));
      expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
      expect(res.body).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    });

    it('leaves a multipart body to the route that streams it', async () => {
      const res = await t
        .http()
        .post(`/disbursement-batches/${randomUUID()}/status-report`)
        .set(l.officer.auth)
        .attach('file', Buffer.from('<x/>'), 'report.xml');
      // read by the route itself: the file reached the pain.002 reader
      expectProblem(res, 400, 'STATUS_REPORT_INVALID');
      expect(res.body.code).toBe('STATUS_REPORT_INVALID');
    });
  });

  describe('Idempotency-Key sees the body read for the route', () => {
    it('replays the same bulk submission and refuses another with the same key', async () => {
      const key = `bulk-${randomUUID()}`;
      const body = { applications: [item(randomUUID())] };
      const post = (b: unknown) =>
        t
          .http()
          .post(`/programmes/${l.programme.id}/loan-applications:batch`)
          .set(l.officer.auth)
          .set('Idempotency-Key', key)
          .send(b as object);
      const first = await post(body);
      expect(first.status).toBe(200);
      const again = await post(body);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expectProblem(await post({ applications: [item(randomUUID())] }), 422, 'IDEMPOTENCY_KEY_REUSED');
    });
  });
});
