import type { Response } from 'supertest';
import { approveOk, approveReq, approvedSum, cancelReq, counters, fen, fromFen, lending, submitOk, type Lending } from './support/loans.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * The bank's worst failure is an approval beyond a limit. Each race fires every approval at once
 * (Promise.all of supertest calls against one app with a pool of connections) and then checks the
 * counters the API shows against the loans the database holds, to the fen.
 */

/** Splits responses by outcome, insisting that each one is a 200 APPROVED or a 409 with `code`. */
function outcomes(responses: Response[], code: string) {
  const ok = responses.filter((r) => r.status === 200);
  const refused = responses.filter((r) => r.status === 409);
  const other = responses.filter((r) => r.status !== 200 && r.status !== 409);
  if (other.length) throw new Error(`unexpected answers: ${other.map((r) => `${r.status} ${JSON.stringify(r.body)}`).join('\n')}`);
  for (const r of ok) expect(r.body.status).toBe('APPROVED');
  for (const r of refused) expect(r.body.code).toBe(code);
  return { ok, refused };
}

/** The loans' own view of what is reserved: sums by status and the reserved flag, from the database. */
async function dbReserved(t: TestApp, programmeId: string) {
  const r = await t.db.query(
    `SELECT coalesce(sum(amount) FILTER (WHERE reserved), 0)::numeric(18,2)::text AS reserved_sum,
            coalesce(sum(guaranteed_amount) FILTER (WHERE reserved), 0)::numeric(18,2)::text AS guaranteed_sum,
            count(*) FILTER (WHERE reserved)::int AS reserved_count,
            count(*) FILTER (WHERE status = 'PENDING_REVIEW' AND NOT reserved)::int AS pending_unreserved
       FROM loan_applications WHERE programme_id = $1`,
    [programmeId],
  );
  const e = await t.db.query(
    `SELECT coalesce(sum(reserved_amount), 0)::numeric(18,2)::text AS s FROM supplier_exposure WHERE programme_id = $1`,
    [programmeId],
  );
  return { ...r[0], supplierExposureSum: e[0].s as string };
}

/**
 * Submits one application per supplier (or `count` for one supplier), one by one, before any approval;
 * the core enterprise applies, so that every officer may approve any of them.
 */
async function submitAll(t: TestApp, l: Lending, amount: string, supplierIdx: (i: number) => number, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const loan = await submitOk(t, l.enterprise, l.programme.id, l.suppliers[supplierIdx(i)].id, { amount, termDays: 180 });
    expect(loan.status).toBe('PENDING_REVIEW');
    ids.push(loan.id);
  }
  return ids;
}

/** 40 approvals at once, shared between two officers and two seniors. */
function approveAllAtOnce(t: TestApp, l: Lending, ids: string[]): Promise<Response[]> {
  const approvers = [l.officer, l.senior, l.officer2, l.senior2];
  return Promise.all(ids.map((id, i) => approveReq(t, approvers[i % approvers.length], id, { comment: `race ${i}` })));
}

describe('loan approvals under concurrency', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('programme cap: 40 concurrent approvals of 10,000.00 against a cap of 200,000.00 → exactly 20 approved, 20 PROGRAMME_CAP_EXCEEDED', async () => {
    const l = await lending(t, { programme: { programmeCap: '200000.00', fourEyesThreshold: '1000000.00' }, suppliers: 40 });
    const ids = await submitAll(t, l, '10000.00', (i) => i, 40);

    const responses = await approveAllAtOnce(t, l, ids);
    const { ok, refused } = outcomes(responses, 'PROGRAMME_CAP_EXCEEDED');
    expect(ok).toHaveLength(20);
    expect(refused).toHaveLength(20);
    const refusedIds = ids.filter((_, i) => responses[i].status === 409);

    const c = await counters(t, { programmeId: l.programme.id, coreEnterpriseId: l.ce.id });
    expect(c).toEqual({ outstanding: '200000.00', guaranteed: '100000.00' });
    const approved = await approvedSum(t, l.programme.id);
    expect(approved).toEqual({ count: 20, sum: '200000.00' });
    expect(fen(approved.sum)).toBe(fen(c.outstanding));
    const db = await dbReserved(t, l.programme.id);
    expect(db).toEqual({
      reserved_sum: '200000.00',
      guaranteed_sum: '100000.00',
      reserved_count: 20,
      pending_unreserved: 20,
      supplierExposureSum: '200000.00',
    });
    // the ones that got 200 are exactly the ones approved in the database
    const approvedIds = (
      await t.db.query(`SELECT id FROM loan_applications WHERE programme_id = $1 AND status = 'APPROVED'`, [l.programme.id])
    ).map((r: { id: string }) => r.id);
    expect(approvedIds.sort()).toEqual(ok.map((r) => r.body.id as string).sort());

    // releases race too: cancelling all 20 at once gives back exactly everything
    const cancels = await Promise.all(
      ok.map((r, i) => cancelReq(t, i % 2 ? l.enterprise : l.officer, r.body.id, { reason: `release ${i}` })),
    );
    expect(cancels.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(await counters(t, { programmeId: l.programme.id, coreEnterpriseId: l.ce.id })).toEqual({
      outstanding: '0.00',
      guaranteed: '0.00',
    });

    // and the 20 refused ones, still PENDING_REVIEW, now all fit
    const second = outcomes(await approveAllAtOnce(t, l, refusedIds), 'PROGRAMME_CAP_EXCEEDED');
    expect(second.ok).toHaveLength(20);
    expect(await counters(t, { programmeId: l.programme.id, coreEnterpriseId: l.ce.id })).toEqual({
      outstanding: '200000.00',
      guaranteed: '100000.00',
    });
    expect(await approvedSum(t, l.programme.id)).toEqual({ count: 20, sum: '200000.00' });
  });

  it('supplier limit: one supplier (150,000.00), 40 applications of 7,500.00 approved at once → exactly 20, the rest SUPPLIER_LIMIT_EXCEEDED', async () => {
    const l = await lending(t, { programme: { minAmount: '5000.00', fourEyesThreshold: '1000000.00' }, suppliers: 1 });
    const supplier = l.suppliers[0];
    const start = await counters(t, { programmeId: l.programme.id, coreEnterpriseId: l.ce.id, supplierId: supplier.id });
    expect(start).toMatchObject({ reserved: '0.00', available: '150000.00' });
    // submission checks the available limit at the time, so all 40 go in before any approval
    const ids = await submitAll(t, l, '7500.00', () => 0, 40);

    const { ok, refused } = outcomes(await approveAllAtOnce(t, l, ids), 'SUPPLIER_LIMIT_EXCEEDED');
    expect(ok).toHaveLength(20);
    expect(refused).toHaveLength(20);

    const c = await counters(t, { programmeId: l.programme.id, coreEnterpriseId: l.ce.id, supplierId: supplier.id });
    expect(c).toEqual({ outstanding: '150000.00', guaranteed: '75000.00', reserved: '150000.00', available: '0.00' });
    expect(await approvedSum(t, l.programme.id)).toEqual({ count: 20, sum: '150000.00' });
    const db = await dbReserved(t, l.programme.id);
    expect(db).toEqual({
      reserved_sum: '150000.00',
      guaranteed_sum: '75000.00',
      reserved_count: 20,
      pending_unreserved: 20,
      supplierExposureSum: '150000.00',
    });
  });

  it('guarantee cap: ratio 0.5, cap 100,000.00, 40 approvals of 10,000.00 at once → exactly 20, the rest GUARANTEE_CAP_EXCEEDED', async () => {
    const l = await lending(t, {
      ce: { guaranteeCap: '100000.00' },
      programme: { guaranteeRatio: '0.5', fourEyesThreshold: '1000000.00' },
      suppliers: 40,
    });
    const ids = await submitAll(t, l, '10000.00', (i) => i, 40);

    const { ok, refused } = outcomes(await approveAllAtOnce(t, l, ids), 'GUARANTEE_CAP_EXCEEDED');
    expect(ok).toHaveLength(20);
    expect(refused).toHaveLength(20);

    const c = await counters(t, { programmeId: l.programme.id, coreEnterpriseId: l.ce.id });
    expect(c).toEqual({ outstanding: '200000.00', guaranteed: '100000.00' });
    expect(await approvedSum(t, l.programme.id)).toEqual({ count: 20, sum: '200000.00' });
    const db = await dbReserved(t, l.programme.id);
    expect(db).toEqual({
      reserved_sum: '200000.00',
      guaranteed_sum: '100000.00',
      reserved_count: 20,
      pending_unreserved: 20,
      supplierExposureSum: '200000.00',
    });
  });

  it('second approvals race against the cap too: 10 PENDING_SECOND_APPROVAL loans of 60,000.00, room for 5', async () => {
    const l = await lending(t, { programme: { programmeCap: '300000.00', fourEyesThreshold: '50000.00' }, suppliers: 10 });
    const ids = await submitAll(t, l, '60000.00', (i) => i, 10);
    // first approvals reserve nothing, so all ten fit one by one
    for (const id of ids) await approveOk(t, l.officer, id, 'PENDING_SECOND_APPROVAL');
    expect((await counters(t, { programmeId: l.programme.id, coreEnterpriseId: l.ce.id })).outstanding).toBe('0.00');

    const responses = await Promise.all(ids.map((id, i) => approveReq(t, i % 2 ? l.senior : l.senior2, id)));
    const { ok, refused } = outcomes(responses, 'PROGRAMME_CAP_EXCEEDED');
    expect(ok).toHaveLength(5);
    expect(refused).toHaveLength(5);
    expect((await counters(t, { programmeId: l.programme.id, coreEnterpriseId: l.ce.id })).outstanding).toBe('300000.00');
    expect(await approvedSum(t, l.programme.id)).toEqual({ count: 5, sum: '300000.00' });
    const left = await t.db.query(
      `SELECT count(*)::int AS n FROM loan_applications WHERE programme_id = $1 AND status = 'PENDING_SECOND_APPROVAL' AND NOT reserved`,
      [l.programme.id],
    );
    expect(left[0].n).toBe(5);
  });

  it('the same application approved 10 times at once: one 200, nine 409 INVALID_TRANSITION, reserved once', async () => {
    const l = await lending(t, { suppliers: 1 });
    const loan = await submitOk(t, l.enterprise, l.programme.id, l.suppliers[0].id, { amount: '12345.67' });
    const approvers = [l.officer, l.senior, l.officer2, l.senior2];
    const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => approveReq(t, approvers[i % 4], loan.id)));
    const { ok, refused } = outcomes(responses, 'INVALID_TRANSITION');
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(9);
    const c = await counters(t, { programmeId: l.programme.id, coreEnterpriseId: l.ce.id, supplierId: l.suppliers[0].id });
    expect(c).toEqual({
      outstanding: '12345.67',
      guaranteed: '6172.84',
      reserved: '12345.67',
      available: fromFen(fen('150000.00') - fen('12345.67')),
    });
    const approvals = await t.db.query(
      `SELECT count(*)::int AS n FROM loan_application_history WHERE loan_application_id = $1 AND to_status = 'APPROVED'`,
      [loan.id],
    );
    expect(approvals[0].n).toBe(1);
  });

  it('the same APPROVED loan cancelled 10 times at once: released once', async () => {
    const l = await lending(t, { suppliers: 1 });
    const keep = await submitOk(t, l.enterprise, l.programme.id, l.suppliers[0].id, { amount: '20000.00' });
    const loan = await submitOk(t, l.enterprise, l.programme.id, l.suppliers[0].id, { amount: '30000.00' });
    await approveOk(t, l.officer, keep.id);
    await approveOk(t, l.officer, loan.id);
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => cancelReq(t, i % 2 ? l.enterprise : l.officer, loan.id, { reason: `cancel ${i}` })),
    );
    expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
    const refused = responses.filter((r) => r.status !== 200);
    expect(refused).toHaveLength(9);
    for (const r of refused) expect([r.status, r.body.code]).toEqual([409, 'INVALID_TRANSITION']);
    expect(await counters(t, { programmeId: l.programme.id, coreEnterpriseId: l.ce.id, supplierId: l.suppliers[0].id })).toEqual({
      outstanding: '20000.00',
      guaranteed: '10000.00',
      reserved: '20000.00',
      available: '130000.00',
    });
  });

  it('cancels and approvals racing on a full programme cap never overshoot it, and the counters match the loans', async () => {
    const l = await lending(t, { programme: { programmeCap: '200000.00', fourEyesThreshold: '1000000.00' }, suppliers: 40 });
    const ids = await submitAll(t, l, '10000.00', (i) => i, 40);
    const full = ids.slice(0, 20);
    const waiting = ids.slice(20);
    for (const id of full) await approveOk(t, l.officer, id);
    expect((await counters(t, { programmeId: l.programme.id, coreEnterpriseId: l.ce.id })).outstanding).toBe('200000.00');

    const approvers = [l.officer, l.senior, l.officer2, l.senior2];
    const [cancels, approvals] = await Promise.all([
      Promise.all(full.map((id, i) => cancelReq(t, i % 2 ? l.enterprise : l.officer, id, { reason: `race ${i}` }))),
      Promise.all(waiting.map((id, i) => approveReq(t, approvers[i % 4], id))),
    ]);
    expect(cancels.map((r) => r.status)).toEqual(Array(20).fill(200));
    const { ok } = outcomes(approvals, 'PROGRAMME_CAP_EXCEEDED');

    const c = await counters(t, { programmeId: l.programme.id, coreEnterpriseId: l.ce.id });
    expect(fen(c.outstanding)).toBeLessThanOrEqual(fen('200000.00'));
    expect(c.outstanding).toBe(fromFen(BigInt(ok.length) * fen('10000.00')));
    expect(c.guaranteed).toBe(fromFen(BigInt(ok.length) * fen('5000.00')));
    expect(await approvedSum(t, l.programme.id)).toEqual({ count: ok.length, sum: c.outstanding });
    const db = await dbReserved(t, l.programme.id);
    expect(db.reserved_sum).toBe(c.outstanding);
    expect(db.supplierExposureSum).toBe(c.outstanding);
  });

  it('a cancel racing a disbursement batch: each loan ends either cancelled or in the batch, never both', async () => {
    const l = await lending(t, { suppliers: 10 });
    const ids = await submitAll(t, l, '10000.00', (i) => i, 10);
    for (const id of ids) await approveOk(t, l.officer, id);
    const [batch, ...cancels] = await Promise.all([
      t.http().post('/disbursement-batches').set(l.officer.auth).send({ programmeId: l.programme.id }),
      ...ids.map((id, i) => cancelReq(t, l.enterprise, id, { reason: `race ${i}` })),
    ]);
    const inBatch = new Set<string>(
      batch.status === 201 ? batch.body.items.map((i: { loanApplicationId: string }) => i.loanApplicationId) : [],
    );
    if (batch.status !== 201) expect([batch.status, batch.body.code]).toEqual([422, 'NOTHING_TO_DISBURSE']);
    cancels.forEach((r, i) => {
      if (r.status === 200) expect(inBatch.has(ids[i])).toBe(false);
      else {
        expect([r.status, r.body.code]).toEqual([409, 'LOAN_IN_OPEN_BATCH']);
        expect(inBatch.has(ids[i])).toBe(true);
      }
    });
    const cancelled = cancels.filter((r) => r.status === 200).length;
    expect(cancelled + inBatch.size).toBe(10);
    const c = await counters(t, { programmeId: l.programme.id, coreEnterpriseId: l.ce.id });
    expect(c.outstanding).toBe(fromFen(BigInt(inBatch.size) * fen('10000.00')));
    expect((await dbReserved(t, l.programme.id)).reserved_sum).toBe(c.outstanding);
  });
});
