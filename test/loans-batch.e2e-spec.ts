import { randomUUID } from 'node:crypto';
import { counters, getLoan, lending, type Lending } from './support/loans.js';
import { expectFieldError, expectProblem } from './support/problems.js';
import { installFault } from './support/faults.js';
import { createTestApp, type TestApp } from './support/test-app.js';

type Result = {
  index: number;
  id?: string;
  status?: string;
  error?: { status: number; code: string; title: string; detail: string; errors?: { field: string; code: string }[] };
};

describe('bulk loan applications', () => {
  let t: TestApp;
  let l: Lending;
  let other: Lending;
  beforeAll(async () => {
    t = await createTestApp();
    // suppliers: 0-2 valid, 3 ineligible (too little experience)
    l = await lending(t, { suppliers: [{}, {}, {}, { yearsExperience: '1' }] });
    other = await lending(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const batch = (who: { auth: Record<string, string> }, programmeId: string, body: unknown, headers: Record<string, string> = {}) =>
    t
      .http()
      .post(`/programmes/${programmeId}/loan-applications:batch`)
      .set(who.auth)
      .set(headers)
      .send(body as object);
  const item = (supplierId: string, overrides: Record<string, unknown> = {}) => ({
    supplierId,
    amount: '20000.00',
    termDays: 180,
    ...overrides,
  });
  const loansIn = async (programmeId: string) =>
    (await t.db.query(`SELECT count(*)::int AS n FROM loan_applications WHERE programme_id = $1`, [programmeId]))[0].n as number;

  it('mixed items: HTTP 200, one result per item in order; bad items never sink the good ones', async () => {
    const before = await loansIn(l.programme.id);
    const applications: unknown[] = [
      item(l.suppliers[0].id, { purpose: 'silage' }), // 0 valid
      item(l.suppliers[1].id, { amount: 20000 }), // 1 money as a JSON number
      item(randomUUID()), // 2 unknown supplier
      item(other.suppliers[0].id), // 3 another core enterprise's supplier
      item(l.suppliers[3].id), // 4 ineligible
      item(l.suppliers[1].id, { amount: '9999.99' }), // 5 amount below the product
      item(l.suppliers[1].id, { termDays: 400 }), // 6 term above the product
      item(l.suppliers[1].id, { amount: '150000.01' }), // 7 above the available limit
      'not an object', // 8
      item(l.suppliers[1].id, { programmeId: l.programme.id }), // 9 unknown field
      { amount: '20000.00', termDays: 180 }, // 10 no supplier
      item(l.suppliers[2].id, { amount: '150000.00', termDays: 90 }), // 11 valid, the whole limit
    ];
    const res = await batch(l.officer, l.programme.id, { applications });
    expect(res.status).toBe(200);
    const results = res.body.results as Result[];
    expect(results.map((r) => r.index)).toEqual(applications.map((_, i) => i));

    expect(results[0]).toEqual({ index: 0, id: expect.any(String), status: 'PENDING_REVIEW' });
    expect(results[4]).toEqual({ index: 4, id: expect.any(String), status: 'REJECTED_INELIGIBLE' });
    expect(results[11]).toEqual({ index: 11, id: expect.any(String), status: 'PENDING_REVIEW' });

    const err = (i: number) => {
      expect(results[i].id).toBeUndefined();
      expect(results[i].status).toBeUndefined();
      const e = results[i].error!;
      expect(e).toEqual(
        expect.objectContaining({
          status: expect.any(Number),
          code: expect.any(String),
          title: expect.any(String),
          detail: expect.any(String),
        }),
      );
      // the item's problem, not a whole HTTP problem document
      expect(e).not.toHaveProperty('type');
      expect(e).not.toHaveProperty('correlationId');
      return e;
    };
    expect(err(1)).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      errors: [expect.objectContaining({ field: 'amount', code: 'INVALID_MONEY' })],
    });
    expect(err(2)).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(err(3)).toMatchObject({ status: 422, code: 'SUPPLIER_NOT_IN_PROGRAMME' });
    expect(err(5)).toMatchObject({ status: 422, code: 'AMOUNT_OUT_OF_RANGE' });
    expect(err(6)).toMatchObject({ status: 422, code: 'TERM_OUT_OF_RANGE' });
    expect(err(7)).toMatchObject({ status: 422, code: 'AMOUNT_EXCEEDS_AVAILABLE_LIMIT' });
    expect(err(8)).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(err(9)).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      errors: [expect.objectContaining({ field: 'programmeId', code: 'UNKNOWN_FIELD' })],
    });
    expect(err(10)).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      errors: [expect.objectContaining({ field: 'supplierId', code: 'REQUIRED' })],
    });

    // exactly the three accepted items exist, as answered
    expect(await loansIn(l.programme.id)).toBe(before + 3);
    const first = await getLoan(t, l.officer, results[0].id!);
    expect(first).toMatchObject({
      supplierId: l.suppliers[0].id,
      amount: '20000.00',
      termDays: 180,
      purpose: 'silage',
      status: 'PENDING_REVIEW',
    });
    expect(first.submittedBy).toEqual({ kind: 'USER', name: l.officer.username, role: 'OFFICER' });
    expect(first.history.map((h: { from: string | null; to: string }) => [h.from, h.to])).toEqual([
      [null, 'SUBMITTED'],
      ['SUBMITTED', 'PENDING_REVIEW'],
    ]);
    const ineligible = await getLoan(t, l.officer, results[4].id!);
    expect(ineligible.failedRules).toEqual(['experience']);
    expect(ineligible.screening.results.find((r: { rule: string }) => r.rule === 'experience').passed).toBe(false);
    // nothing is reserved by submitting
    expect((await counters(t, { programmeId: l.programme.id, coreEnterpriseId: l.ce.id })).outstanding).toBe('0.00');
  });

  it("an ENTERPRISE batches for its own suppliers; another core enterprise's supplier is 404 in its item", async () => {
    const res = await batch(l.enterprise, l.programme.id, {
      applications: [item(l.suppliers[0].id), item(other.suppliers[0].id), item(l.suppliers[1].id)],
    });
    expect(res.status).toBe(200);
    const results = res.body.results as Result[];
    expect(results[0]).toMatchObject({ index: 0, status: 'PENDING_REVIEW' });
    expect(results[1]).toMatchObject({ index: 1, error: { status: 404, code: 'NOT_FOUND' } });
    expect(results[2]).toMatchObject({ index: 2, status: 'PENDING_REVIEW' });
    expect(JSON.stringify(results[1])).not.toContain(other.suppliers[0].supplierCode);
  });

  it('an ENTERPRISE of another core enterprise gets 404 for the programme; nothing is created', async () => {
    const before = await loansIn(l.programme.id);
    expectProblem(await batch(other.enterprise, l.programme.id, { applications: [item(l.suppliers[0].id)] }), 404, 'NOT_FOUND');
    expect(await loansIn(l.programme.id)).toBe(before);
  });

  it('more than 1,000 items is 400; 1,000 is accepted and answered item by item', async () => {
    const before = await loansIn(l.programme.id);
    const tooMany = Array.from({ length: 1001 }, () => item(l.suppliers[0].id));
    const refused = await batch(l.officer, l.programme.id, { applications: tooMany });
    expectFieldError(refused, 'applications');
    expect(await loansIn(l.programme.id)).toBe(before);

    // 1,000 items that are each refused on their own (cheap: no database work): still 200 with 1,000 results
    const thousand = Array.from({ length: 1000 }, (_, i) => item(l.suppliers[0].id, { amount: i }));
    const ok = await batch(l.officer, l.programme.id, { applications: thousand });
    expect(ok.status).toBe(200);
    expect(ok.body.results).toHaveLength(1000);
    expect((ok.body.results as Result[]).every((r, i) => r.index === i && r.error?.status === 400)).toBe(true);
    expect(await loansIn(l.programme.id)).toBe(before);
  });

  it('an item that is null, an array, a number or nested rubbish is refused on its own (400), never a 500', async () => {
    const before = await loansIn(l.programme.id);
    const applications = [
      null,
      [],
      [item(l.suppliers[0].id)],
      42,
      true,
      { supplierId: { $ne: null }, amount: '20000.00', termDays: 180 },
      item(l.suppliers[0].id),
    ];
    const res = await batch(l.officer, l.programme.id, { applications });
    expect(res.status).toBe(200);
    const results = res.body.results as Result[];
    expect(results.map((r) => [r.index, r.error?.status ?? r.status])).toEqual([
      [0, 400],
      [1, 400],
      [2, 400],
      [3, 400],
      [4, 400],
      [5, 400],
      [6, 'PENDING_REVIEW'],
    ]);
    for (const r of results.slice(0, 6)) expect(r.error?.code).toBe('VALIDATION_FAILED');
    // each names what was wrong: an array is no application either
    expect(results[1].error?.errors).toEqual([expect.objectContaining({ field: 'item', code: 'INVALID_OBJECT' })]);
    expect(await loansIn(l.programme.id)).toBe(before + 1);
  });

  it('an empty list, a missing list or a list that is not one is 400', async () => {
    const refused = [
      expectFieldError(await batch(l.officer, l.programme.id, { applications: [] }), 'applications'),
      expectFieldError(await batch(l.officer, l.programme.id, {}), 'applications'),
      expectFieldError(await batch(l.officer, l.programme.id, { applications: { supplierId: l.suppliers[0].id } }), 'applications'),
    ];
    expect(refused.map((e) => e.field)).toEqual(['applications', 'applications', 'applications']);
  });

  it('roles, unknown and malformed programme ids', async () => {
    const body = { applications: [item(l.suppliers[0].id)] };
    const refusals = [
      expectProblem(await batch(l.auditor, l.programme.id, body), 403, 'FORBIDDEN'),
      expectProblem(await batch(l.senior, l.programme.id, body), 403, 'FORBIDDEN'),
      expectProblem(await batch(t.admin, l.programme.id, body), 403, 'FORBIDDEN'),
      expectProblem(await batch({ auth: {} }, l.programme.id, body), 401, 'UNAUTHENTICATED'),
      expectProblem(await batch(l.officer, randomUUID(), body), 404, 'NOT_FOUND'),
    ];
    expect(refusals.map((p) => p.code)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND']);
    const badId = expectFieldError(await batch(l.officer, 'not-a-uuid', body), 'id', 'INVALID_UUID');
    expect(badId).toMatchObject({ field: 'id', code: 'INVALID_UUID' });
  });

  it('an inactive programme refuses every item with 422 PROGRAMME_INACTIVE', async () => {
    const closed = await t.programme(l.ce.id, { active: false, name: 'closed' });
    const res = await batch(l.officer, closed.id, { applications: [item(l.suppliers[0].id), item(l.suppliers[1].id)] });
    expect(res.status).toBe(200);
    expect((res.body.results as Result[]).map((r) => [r.index, r.error?.code])).toEqual([
      [0, 'PROGRAMME_INACTIVE'],
      [1, 'PROGRAMME_INACTIVE'],
    ]);
    expect(await loansIn(closed.id)).toBe(0);
  });

  it('Idempotency-Key: the replay answers the same results and creates nothing more', async () => {
    const body = { applications: [item(l.suppliers[0].id, { amount: '11000.00' }), item(randomUUID())] };
    const key = `batch-${randomUUID()}`;
    const first = await batch(l.enterprise, l.programme.id, body, { 'Idempotency-Key': key });
    expect(first.status).toBe(200);
    const count = await loansIn(l.programme.id);
    const again = await batch(l.enterprise, l.programme.id, body, { 'Idempotency-Key': key });
    expect(again.status).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await loansIn(l.programme.id)).toBe(count);
  });

  describe('an item the database refuses unexpectedly', () => {
    // A test-only fault: the database refuses any application with this purpose, as a broken
    // constraint or a lost connection would, in the middle of a bulk submission.
    let removeFault: () => Promise<void>;
    beforeAll(async () => {
      removeFault = await installFault(t, 'test_refuse_application', 'loan_applications', 'INSERT', `NEW.purpose = 'db-fault'`);
    });
    afterAll(() => removeFault());

    it("is that item's error (no internals); the committed items keep their results, and a retry with the same key creates nothing new", async () => {
      const body = {
        applications: [
          item(l.suppliers[0].id, { amount: '12000.00' }),
          item(l.suppliers[1].id, { amount: '12000.00', purpose: 'db-fault' }),
          item(l.suppliers[2].id, { amount: '12000.00' }),
        ],
      };
      const key = `batch-fault-${randomUUID()}`;
      const before = await loansIn(l.programme.id);
      const first = await batch(l.enterprise, l.programme.id, body, { 'Idempotency-Key': key });
      expect(first.status).toBe(200);
      const results = first.body.results as Result[];
      expect(results.map((r) => [r.index, r.status ?? r.error?.code])).toEqual([
        [0, 'PENDING_REVIEW'],
        [1, 'INTERNAL'],
        [2, 'PENDING_REVIEW'],
      ]);
      expect(results[1]).toEqual({
        index: 1,
        error: { status: 500, code: 'INTERNAL', title: expect.any(String), detail: expect.any(String) },
      });
      expect(JSON.stringify(results[1])).not.toMatch(/test fault|refused by the database|loan_applications/);
      expect(await loansIn(l.programme.id)).toBe(before + 2);

      const again = await batch(l.enterprise, l.programme.id, body, { 'Idempotency-Key': key });
      expect(again.status).toBe(200);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
      expect(await loansIn(l.programme.id)).toBe(before + 2);
    });
  });
});
