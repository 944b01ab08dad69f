import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { canonicalJson } from '../src/common/canonical-json.js';
import { IdempotencyService } from '../src/idempotency/idempotency.service.js';
import { uscc } from './support/ids.js';
import { lending, loanBody, type Lending } from './support/loans.js';
import { expectFieldError, expectProblem } from './support/problems.js';
import { installFault } from './support/faults.js';
import { createTestApp, type TestApp, type TestUser } from './support/test-app.js';

const newKey = () => `key-${randomUUID()}`;

describe('Idempotency-Key', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const ceBody = () => ({ name: `Idempotent Dairy ${randomBytes(3).toString('hex')}`, uscc: uscc(), guaranteeCap: '1000000.00' });
  const postCe = (auth: Record<string, string>, key: string, body: unknown) =>
    t
      .http()
      .post('/core-enterprises')
      .set(auth)
      .set('Idempotency-Key', key)
      .send(body as object);
  const countCe = async (u: string) =>
    (await t.db.query(`SELECT count(*)::int AS n FROM core_enterprises WHERE uscc = $1`, [u]))[0].n as number;

  it('answers a repeat with the first response and does nothing again', async () => {
    const key = newKey();
    const body = ceBody();
    const first = await postCe(t.admin.auth, key, body);
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    const second = await postCe(t.admin.auth, key, body);
    expect(second.status).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toEqual(first.body);

    expect(await countCe(body.uscc)).toBe(1);
    const audit = await t.http().get('/audit-events').query({ entityType: 'CoreEnterprise', entityId: first.body.id }).set(t.admin.auth);
    expect(audit.body.total).toBe(1);
  });

  it('takes the same JSON in another key order as the same request', async () => {
    const key = newKey();
    const body = ceBody();
    const first = await postCe(t.admin.auth, key, body);
    const reordered = { guaranteeCap: body.guaranteeCap, uscc: body.uscc, name: body.name };
    const second = await postCe(t.admin.auth, key, reordered);
    expect(second.status).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body.id).toBe(first.body.id);
  });

  it('replays the status of routes that answer 200', async () => {
    const ce = await t.coreEnterprise();
    const key = newKey();
    const first = await t
      .http()
      .patch(`/core-enterprises/${ce.id}`)
      .set(t.admin.auth)
      .set('Idempotency-Key', key)
      .send({ name: 'Patched once' });
    const second = await t
      .http()
      .patch(`/core-enterprises/${ce.id}`)
      .set(t.admin.auth)
      .set('Idempotency-Key', key)
      .send({ name: 'Patched once' });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toEqual(first.body);
  });

  it('refuses the same key with another body with 422 IDEMPOTENCY_KEY_REUSED', async () => {
    const key = newKey();
    const body = ceBody();
    expect((await postCe(t.admin.auth, key, body)).status).toBe(201);
    const other = ceBody();
    expectProblem(await postCe(t.admin.auth, key, other), 422, 'IDEMPOTENCY_KEY_REUSED');
    expect(await countCe(other.uscc)).toBe(0);
  });

  it('refuses the same key on another endpoint', async () => {
    const key = newKey();
    const ce = (await postCe(t.admin.auth, key, ceBody())).body;
    const res = await t.http().post(`/core-enterprises/${ce.id}/api-keys`).set(t.admin.auth).set('Idempotency-Key', key).send({});
    expectProblem(res, 422, 'IDEMPOTENCY_KEY_REUSED');
    expect(res.body).toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('scopes keys to the caller: another user may use the same key', async () => {
    const otherAdmin = await t.user('ADMIN');
    const key = newKey();
    const mine = await postCe(t.admin.auth, key, ceBody());
    const body = ceBody();
    const theirs = await postCe(otherAdmin.auth, key, body);
    expect(theirs.status).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(await countCe(body.uscc)).toBe(1);
  });

  describe('while the first request is still running', () => {
    const claim = async (user: TestUser, key: string, path: string, body: unknown, age = '0 seconds') => {
      await t.db.query(
        `INSERT INTO idempotency_keys (caller, key, request_hash, method, path, state, created_at)
         VALUES ($1, $2, $3, 'POST', $4, 'IN_PROGRESS', now() - $5::interval)`,
        [`USER:${user.id}`, key, t.app.get(IdempotencyService).requestHash('POST', path, body), path, age],
      );
    };

    it('answers 409 IDEMPOTENCY_REQUEST_IN_PROGRESS and runs nothing', async () => {
      const key = newKey();
      const body = ceBody();
      await claim(t.admin, key, '/core-enterprises', body);
      const res = await postCe(t.admin.auth, key, body);
      expectProblem(res, 409, 'IDEMPOTENCY_REQUEST_IN_PROGRESS');
      expect(res.headers['retry-after']).toBe('1');
      expect(await countCe(body.uscc)).toBe(0);
    });

    it('still answers 422 to another body', async () => {
      const key = newKey();
      await claim(t.admin, key, '/core-enterprises', ceBody());
      const problem = expectProblem(await postCe(t.admin.auth, key, ceBody()), 422, 'IDEMPOTENCY_KEY_REUSED');
      expect(problem).toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    });

    it('runs the request again when the first was abandoned long ago (its process died)', async () => {
      const key = newKey();
      const body = ceBody();
      await claim(t.admin, key, '/core-enterprises', body, '10 minutes');
      const res = await postCe(t.admin.auth, key, body);
      expect(res.status).toBe(201);
      expect(await countCe(body.uscc)).toBe(1);
      expect((await postCe(t.admin.auth, key, body)).headers['idempotent-replayed']).toBe('true');
    });

    it('creates exactly one user from concurrent requests with one key', async () => {
      const key = newKey();
      const username = `twin.${randomBytes(4).toString('hex')}`;
      const body = { username, password: 'twin-password-123', role: 'OFFICER' };
      const send = () => t.http().post('/users').set(t.admin.auth).set('Idempotency-Key', key).send(body);
      const results = await Promise.all([send(), send(), send()]);
      const statuses = results.map((r) => r.status);
      for (const s of statuses) expect([201, 409]).toContain(s);
      expect(statuses).toContain(201);
      for (const r of results.filter((x) => x.status === 409)) expectProblem(r, 409, 'IDEMPOTENCY_REQUEST_IN_PROGRESS');
      const ids = new Set(results.filter((r) => r.status === 201).map((r) => r.body.id));
      expect(ids.size).toBe(1);
      const rows = await t.db.query(`SELECT count(*)::int AS n FROM users WHERE lower(username) = $1`, [username]);
      expect(rows[0].n).toBe(1);
    });
  });

  describe('failed requests', () => {
    it('release their key: a corrected retry with the same key succeeds', async () => {
      const key = newKey();
      const body = ceBody();
      expectFieldError(await postCe(t.admin.auth, key, { ...body, guaranteeCap: 1000000 }), 'guaranteeCap');
      const rows = await t.db.query(`SELECT 1 FROM idempotency_keys WHERE key = $1`, [key]);
      expect(rows).toHaveLength(0);
      const retry = await postCe(t.admin.auth, key, body);
      expect(retry.status).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBeUndefined();
    });

    it('are not replayed: a business refusal is answered afresh', async () => {
      const taken = await t.coreEnterprise();
      const key = newKey();
      const body = { ...ceBody(), uscc: taken.uscc };
      expectProblem(await postCe(t.admin.auth, key, body), 409, 'USCC_TAKEN');
      const again = await postCe(t.admin.auth, key, body);
      expectProblem(again, 409, 'USCC_TAKEN');
      expect(again.headers['idempotent-replayed']).toBeUndefined();
    });
  });

  describe('work that committed', () => {
    let l: Lending;
    beforeAll(async () => {
      l = await lending(t);
    });

    const submit = (key: string) =>
      t
        .http()
        .post('/loan-applications')
        .set(l.enterprise.auth)
        .set('Idempotency-Key', key)
        .send(loanBody(l.programme.id, l.suppliers[0].id, { amount: '10000.00' }));
    const loansNow = async () =>
      (await t.db.query(`SELECT count(*)::int AS n FROM loan_applications WHERE supplier_id = $1`, [l.suppliers[0].id]))[0].n as number;
    /** What a process that died between the work's commit and storing the response leaves: the key as claimed, `age` ago. */
    const asIfCrashed = (key: string, age: string) =>
      t.db.query(
        `UPDATE idempotency_keys SET state = 'IN_PROGRESS', response_status = NULL, response_body = NULL, completed_at = NULL,
                created_at = now() - $2::interval
          WHERE key = $1`,
        [key, age],
      );

    it('is not run again after a crash, however old the key: 409 IDEMPOTENCY_OUTCOME_UNKNOWN says to look it up', async () => {
      const key = newKey();
      const before = await loansNow();
      expect((await submit(key)).status).toBe(201);
      await asIfCrashed(key, '10 minutes');
      const retry = await submit(key);
      expectProblem(retry, 409, 'IDEMPOTENCY_OUTCOME_UNKNOWN');
      expect(retry.body.detail).toMatch(/look/i);
      expect(await loansNow()).toBe(before + 1);
      // and still not once the key has been seen as abandoned
      expectProblem(await submit(key), 409, 'IDEMPOTENCY_OUTCOME_UNKNOWN');
      expect(await loansNow()).toBe(before + 1);
    });

    it('is still running when the key is young: 409 IDEMPOTENCY_REQUEST_IN_PROGRESS, and nothing runs again', async () => {
      const key = newKey();
      const before = await loansNow();
      expect((await submit(key)).status).toBe(201);
      await asIfCrashed(key, '0 seconds');
      expectProblem(await submit(key), 409, 'IDEMPOTENCY_REQUEST_IN_PROGRESS');
      expect(await loansNow()).toBe(before + 1);
    });

    describe('when its response cannot be stored', () => {
      // A test-only fault: storing the response of keys named lost-* fails, as it would if the
      // database went away right after the work committed.
      let removeFault: () => Promise<void>;
      beforeAll(async () => {
        removeFault = await installFault(
          t,
          'test_lose_response',
          'idempotency_keys',
          'UPDATE',
          `NEW.state = 'COMPLETED' AND NEW.key LIKE 'lost-%'`,
        );
      });
      afterAll(() => removeFault());

      it('still answers the work done, never releases the key, and a retry runs nothing again', async () => {
        const key = `lost-${randomUUID()}`;
        const before = await loansNow();
        const first = await submit(key);
        expect(first.status).toBe(201);
        expect(await loansNow()).toBe(before + 1);
        const retry = await submit(key);
        expectProblem(retry, 409, 'IDEMPOTENCY_OUTCOME_UNKNOWN');
        expect(await loansNow()).toBe(before + 1);
      });
    });
  });

  it('refuses a key that is not 1-255 printable ASCII characters', async () => {
    expectProblem(await postCe(t.admin.auth, 'k'.repeat(256), ceBody()), 400, 'INVALID_IDEMPOTENCY_KEY');
    expectProblem(await postCe(t.admin.auth, 'two words', ceBody()), 400, 'INVALID_IDEMPOTENCY_KEY');
    expect((await postCe(t.admin.auth, 'k'.repeat(255), ceBody())).status).toBe(201);
  });

  it('keeps no plain hash of the body: a stored fingerprint cannot be tested against guessed passwords', async () => {
    const key = newKey();
    const body = { username: `idem.${randomBytes(3).toString('hex')}`, password: 'correct-horse-battery', role: 'AUDITOR' };
    expect((await t.http().post('/users').set(t.admin.auth).set('Idempotency-Key', key).send(body)).status).toBe(201);
    const [row] = await t.db.query(`SELECT request_hash FROM idempotency_keys WHERE key = $1`, [key]);
    const plain = createHash('sha256').update('POST /users\n').update(canonicalJson(body)).digest('hex');
    expect(row.request_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.request_hash).not.toBe(plain);
  });

  it('leaves requests without a key alone: each one runs', async () => {
    const body = ceBody();
    expect((await t.http().post('/core-enterprises').set(t.admin.auth).send(body)).status).toBe(201);
    expectProblem(await t.http().post('/core-enterprises').set(t.admin.auth).send(body), 409, 'USCC_TAKEN');
  });
});
