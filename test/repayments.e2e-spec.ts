import { simulate } from '../src/servicing/engine.js';
import type { LoanTerms } from '../src/servicing/scenario.js';
import { approvedBatch, approvedLoans, executeAndWait, lendingSetup, type LendingSetup } from './support/disbursements.js';
import { approveReq, fen, fromFen, getLoan, LIMIT_150K, submitReq } from './support/loans.js';
import { expectFieldError, expectProblem } from './support/problems.js';
import { expectServicingInvariants } from './support/servicing-invariants.js';
import { createTestApp, type TestApp, type TestUser } from './support/test-app.js';

/*
 * Direct repayments and the statement (issue 11). Most scenarios run on the value date V, before
 * any end of day: accrued interest is still 0 and a repayment goes to principal. Then the clock
 * moves past V: without a COB repayments wait for it (409 COB_PENDING); after POST /cob-runs they
 * pay billed and accrued interest first, as the engine does.
 */
const V = '2030-01-15';

describe('direct repayments and the statement', () => {
  let t: TestApp;
  let s: LendingSetup;
  let auditor: TestUser;
  let otherEnterprise: TestUser;
  /** DISBURSED on V: full payoff, partial, concurrency, overshoot race. */
  let full: string;
  let partial: string;
  let parallel: string;
  let race: string;
  let fullSupplier: string;
  /** APPROVED, never paid. */
  let approved: string;

  const repay = (loanId: string, body: unknown, who: { auth: Record<string, string> } = s.officer) =>
    t
      .http()
      .post(`/loan-applications/${loanId}/repayments`)
      .set(who.auth)
      .send(body as object);
  const statement = (loanId: string, who: { auth: Record<string, string> } = s.officer) =>
    t.http().get(`/loan-applications/${loanId}/statement`).set(who.auth);
  const outstanding = async (loanId: string) => (await statement(loanId)).body.principalOutstanding as string;

  /**
   * The engine run from the loan's frozen terms over `earlier` repayments and `amounts` repaid on
   * `asOf` (V unless said): what the statement must say.
   */
  async function engineSays(loanId: string, amounts: string[], asOf = V, earlier: { date: string; amount: string }[] = []) {
    const loan = await getLoan(t, s.officer, loanId);
    const terms: LoanTerms = {
      principal: loan.amount,
      annualRate: loan.terms.annualRate,
      basis: loan.terms.dayCountBasis,
      repaymentType: loan.terms.repaymentType,
      interestDay: loan.terms.interestDay,
      graceDays: loan.terms.graceDays,
      penaltyRateMultiplier: loan.terms.penaltyRateMultiplier,
      valueDate: loan.valueDate,
      termDays: loan.termDays,
    };
    const repayments = [...earlier, ...amounts.map((amount) => ({ date: asOf, amount }))];
    const { refused, ...figures } = simulate({ terms, repayments, asOf });
    expect(refused).toEqual([]);
    return figures;
  }

  beforeAll(async () => {
    t = await createTestApp({ CLOCK: 'simulated' });
    const clock = await t.http().put('/clock').set(t.admin.auth).send({ today: V });
    expect(clock.status).toBe(200);
    s = await lendingSetup(t);
    auditor = await t.user('AUDITOR');
    otherEnterprise = await t.user('ENTERPRISE', (await t.coreEnterprise()).id);
    const loans = await approvedLoans(t, s, ['100000.00', '50000.55', '30000.00', '20000.00'], LIMIT_150K);
    [full, partial, parallel, race] = loans.map((l) => l.loanId);
    fullSupplier = loans[0].supplierId;
    const batch = await approvedBatch(t, s);
    expect((await executeAndWait(t, s, batch.id)).status).toBe('COMPLETED');
    [approved] = (await approvedLoans(t, s, ['10000.00'], LIMIT_150K)).map((l) => l.loanId);
  });

  afterAll(() => t?.close());

  it('opens every paid loan on V with a statement the engine agrees with', async () => {
    const res = await statement(partial);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      ...(await engineSays(partial, [])),
      status: 'DISBURSED',
      asOf: V,
      valueDate: V,
      cobDate: null,
      principal: '50000.55',
      principalOutstanding: '50000.55',
      payoffAmount: '50000.55',
      accruedInterest: '0.0000000000',
      repayments: [],
    });
    // INTEREST_MONTHLY on the 21st, 180 days: the 21st of each month strictly between V and M, then M
    expect(res.body.schedule.map((l: any) => l.dueDate)).toEqual([
      '2030-01-21',
      '2030-02-21',
      '2030-03-21',
      '2030-04-21',
      '2030-05-21',
      '2030-06-21',
      '2030-07-14',
    ]);
    expect(res.body.schedule.at(-1)).toEqual({
      dueDate: '2030-07-14',
      billed: false,
      principal: '50000.55',
      interest: null,
      penalty: '0.00',
      paid: '0.00',
    });
    expect(res.body.entries).toEqual([
      {
        id: expect.any(String),
        type: 'DISBURSEMENT',
        businessDate: V,
        reference: partial,
        postedAt: expect.any(String),
        lines: [
          { account: 'LOAN_PRINCIPAL', debit: '50000.55', credit: '0.00' },
          { account: 'BANK_CLEARING', debit: '0.00', credit: '50000.55' },
        ],
      },
    ]);
    await expectServicingInvariants(t);
  });

  it('applies a partial repayment on V to principal, posts it, frees that much of the limits, and audits it', async () => {
    const res = await repay(partial, { amount: '12000.50', reference: 'BOC-0001' });
    expect(res.status).toBe(201);
    expect(res.body.allocations).toEqual({ penalty: '0.00', interest: '0.00', principal: '12000.50' });
    expect(res.body.statement).toMatchObject({
      ...(await engineSays(partial, ['12000.50'])),
      principalOutstanding: '38000.05',
      payoffAmount: '38000.05',
      paid: { penalty: '0.00', interest: '0.00', principal: '12000.50' },
      repayments: [
        {
          source: 'DIRECT',
          id: expect.any(String),
          settlementId: null,
          reference: 'BOC-0001',
          amount: '12000.50',
          businessDate: V,
          allocations: { penalty: '0.00', interest: '0.00', principal: '12000.50' },
          by: expect.objectContaining({ role: 'OFFICER' }),
          at: expect.any(String),
        },
      ],
    });
    expect(res.body.statement.entries.at(-1)).toEqual({
      id: expect.any(String),
      type: 'REPAYMENT',
      businessDate: V,
      reference: 'BOC-0001',
      postedAt: expect.any(String),
      lines: [
        { account: 'BANK_CLEARING', debit: '12000.50', credit: '0.00' },
        { account: 'LOAN_PRINCIPAL', debit: '0.00', credit: '12000.50' },
      ],
    });
    // what GET answers is what the repayment answered
    expect((await statement(partial)).body).toEqual(res.body.statement);
    // the owner sees its statement, with the officer shown by role only
    const own = await statement(partial, s.applicant);
    expect(own.status).toBe(200);
    expect(own.body.repayments[0].by).toEqual({ kind: 'USER', id: null, name: 'OFFICER', role: 'OFFICER' });

    const audit = await t.http().get('/audit-events').query({ entityType: 'LoanApplication', entityId: partial }).set(auditor.auth);
    expect(audit.body.items.find((e: any) => e.action === 'REPAYMENT_POSTED')).toMatchObject({
      actor: expect.objectContaining({ role: 'OFFICER' }),
      after: {
        status: 'DISBURSED',
        reference: 'BOC-0001',
        amount: '12000.50',
        businessDate: V,
        allocations: { principal: '12000.50' },
      },
    });
    await expectServicingInvariants(t);
  });

  it('answers a repeated reference with the first result and posts nothing twice; another amount under it is 409', async () => {
    const first = await repay(partial, { amount: '1000.00', reference: 'BOC-0002' });
    expect(first.status).toBe(201);
    const again = await repay(partial, { amount: '1000', reference: 'BOC-0002' }, s.senior);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await outstanding(partial)).toBe('37000.05');
    const reused = expectProblem(await repay(partial, { amount: '999.99', reference: 'BOC-0002' }), 409, 'REPAYMENT_REFERENCE_REUSED');
    expect(reused.amount).toBe('1000.00');
    const posted = await t.db.query(`SELECT count(*)::int AS n FROM journal_entries WHERE reference = 'BOC-0002'`);
    expect(posted[0].n).toBe(1);
    await expectServicingInvariants(t);
  });

  it('refuses more than the payoff with 422 naming it, applying nothing', async () => {
    const before = (await statement(partial)).body;
    const res = await repay(partial, { amount: '37000.06', reference: 'BOC-0003' });
    expect(expectProblem(res, 422, 'REPAYMENT_EXCEEDS_PAYOFF').payoffAmount).toBe('37000.05');
    expect((await statement(partial)).body).toEqual(before);
    // refused, so the reference is still free
    expect((await repay(partial, { amount: '0.05', reference: 'BOC-0003' })).status).toBe(201);
    await expectServicingInvariants(t);
  });

  it('makes a loan paid to the fen REPAID, frees its limit at once, and lets the supplier borrow again', async () => {
    // 100,000.00 held of a 150,000.00 limit: another 100,000.00 does not fit
    const tooMuch = await submitReq(t, s.applicant, {
      programmeId: s.programme.id,
      supplierId: fullSupplier,
      amount: '100000.00',
      termDays: 180,
    });
    expectProblem(tooMuch, 422, 'AMOUNT_EXCEEDS_AVAILABLE_LIMIT');

    const res = await repay(full, { amount: '100000.00', reference: 'BOC-PAYOFF' });
    expect(res.status).toBe(201);
    expect(res.body.allocations).toEqual({ penalty: '0.00', interest: '0.00', principal: '100000.00' });
    expect(res.body.statement).toMatchObject({
      ...(await engineSays(full, ['100000.00'])),
      status: 'REPAID',
      principalOutstanding: '0.00',
      payoffAmount: '0.00',
    });
    const loan = await getLoan(t, s.officer, full);
    expect(loan).toMatchObject({ status: 'REPAID', reserved: false });
    expect(loan.history.at(-1)).toMatchObject({ from: 'DISBURSED', to: 'REPAID', reason: 'repaid in full' });
    expect((await statement(full, s.applicant)).body.status).toBe('REPAID');

    // a repeat of the payoff still answers its first result; anything new is refused: nothing is owed
    expect((await repay(full, { amount: '100000.00', reference: 'BOC-PAYOFF' })).body).toEqual(res.body);
    expectProblem(await repay(full, { amount: '1.00', reference: 'BOC-AFTER' }), 409, 'LOAN_NOT_DISBURSED');

    const again = await submitReq(t, s.applicant, {
      programmeId: s.programme.id,
      supplierId: fullSupplier,
      amount: '100000.00',
      termDays: 180,
    });
    expect(again.status).toBe(201);
    const approval = await approveReq(t, s.officer, again.body.id);
    expect(approval.status).toBe(200);
    expect(approval.body.status).toBe('APPROVED');
    await expectServicingInvariants(t);
  });

  it('never applies a fen twice under parallel repayments of one loan, nor posts a repeated reference twice', async () => {
    const distinct = await Promise.all(
      Array.from({ length: 10 }, (_, i) => repay(parallel, { amount: '1000.00', reference: `PAR-${i}` }, i % 2 ? s.senior : s.officer)),
    );
    expect(distinct.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(await outstanding(parallel)).toBe('20000.00');

    const same = await Promise.all(Array.from({ length: 8 }, () => repay(parallel, { amount: '500.00', reference: 'PAR-SAME' })));
    expect(same.map((r) => r.status)).toEqual(Array(8).fill(201));
    for (const r of same) expect(r.body).toEqual(same[0].body);
    expect(await outstanding(parallel)).toBe('19500.00');

    const rows = await t.db.query(`SELECT count(*)::int AS n, sum(amount)::text AS total FROM repayments WHERE loan_application_id = $1`, [
      parallel,
    ]);
    expect(rows[0]).toEqual({ n: 11, total: '10500.00' });
    const entries = (await statement(parallel)).body.entries.filter((e: any) => e.type === 'REPAYMENT');
    expect(entries).toHaveLength(11);
    await expectServicingInvariants(t);
  });

  it('lets racing repayments take no more than the payoff: the ones that come too late are refused whole', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => repay(race, { amount: '6000.00', reference: `RACE-${i}` })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 201, 422, 422]);
    for (const r of results.filter((x) => x.status === 422)) expect(r.body.payoffAmount).toBe('2000.00');
    expect(await outstanding(race)).toBe('2000.00');
    await expectServicingInvariants(t);
  });

  it('refuses a loan that is not DISBURSED with 409, and shows no statement for it', async () => {
    expect(expectProblem(await repay(approved, { amount: '1.00', reference: 'X-1' }), 409, 'LOAN_NOT_DISBURSED').currentStatus).toBe(
      'APPROVED',
    );
    const none = expectProblem(await statement(approved), 404, 'LOAN_NOT_SERVICED');
    expect(none.detail).toMatch(/APPROVED.*no statement/);
    await expectServicingInvariants(t);
  });

  it.each([
    ['a zero amount', { amount: '0.00', reference: 'B-1' }, 'amount', 'NOT_POSITIVE'],
    ['"0"', { amount: '0', reference: 'B-1' }, 'amount', 'NOT_POSITIVE'],
    ['a negative amount', { amount: '-5.00', reference: 'B-1' }, 'amount', 'INVALID_MONEY'],
    ['a JSON number', { amount: 5, reference: 'B-1' }, 'amount', 'INVALID_MONEY'],
    ['three decimals', { amount: '5.001', reference: 'B-1' }, 'amount', 'INVALID_MONEY'],
    ['no amount', { reference: 'B-1' }, 'amount', 'REQUIRED'],
    ['no reference', { amount: '5.00' }, 'reference', 'REQUIRED'],
    ['a blank reference', { amount: '5.00', reference: '  ' }, 'reference', 'BLANK'],
    ['a reference of 101 characters', { amount: '5.00', reference: 'R'.repeat(101) }, 'reference', undefined],
  ])('refuses %s with 400', async (_, body, field, code) => {
    expectFieldError(await repay(partial, body), field, code);
  });

  it('is for officers only, and 404 for an unknown loan; the statement is for staff and the owner only', async () => {
    const body = { amount: '1.00', reference: 'ROLE-1' };
    expectProblem(await t.http().post(`/loan-applications/${partial}/repayments`).send(body), 401, 'UNAUTHENTICATED');
    for (const who of [s.applicant, auditor, t.admin]) expectProblem(await repay(partial, body, who), 403, 'FORBIDDEN');
    expectProblem(await repay('7b0c3a6e-1f0e-4d7e-9a3b-3c1f0e4d7e9a', body), 404, 'NOT_FOUND');
    expectFieldError(await repay('not-a-uuid', body), 'id', 'INVALID_UUID');

    expectProblem(await t.http().get(`/loan-applications/${partial}/statement`), 401, 'UNAUTHENTICATED');
    expectProblem(await statement(partial, otherEnterprise), 404, 'NOT_FOUND');
    expectProblem(await statement('7b0c3a6e-1f0e-4d7e-9a3b-3c1f0e4d7e9a'), 404, 'NOT_FOUND');
    for (const who of [auditor, t.admin, s.senior]) expect((await statement(partial, who)).status).toBe(200);
    await expectServicingInvariants(t);
  });

  it('waits for the end of day once the business date has moved past V (409 COB_PENDING), applying nothing', async () => {
    const before = await outstanding(partial);
    expect((await t.http().put('/clock').set(t.admin.auth).send({ today: '2030-01-16' })).status).toBe(200);
    const res = await repay(partial, { amount: '100.00', reference: 'COB-1' });
    expect(expectProblem(res, 409, 'COB_PENDING').businessDate).toBe('2030-01-16');
    const after = (await statement(partial)).body;
    expect(after).toMatchObject({ asOf: '2030-01-16', cobDate: null, principalOutstanding: before });
    await expectServicingInvariants(t);
  });
  it('once the end of day has caught up, pays interest due, then accrued interest, then principal, as the engine does', async () => {
    const today = '2030-02-25';
    expect((await t.http().put('/clock').set(t.admin.auth).send({ today })).status).toBe(200);
    const run = await t.http().post('/cob-runs').set(t.admin.auth).send({});
    expect(run.status).toBe(202);
    for (let i = 0; ; i++) {
      const r = await t.http().get(`/cob-runs/${run.body.id}`).set(t.admin.auth);
      if (r.body.status === 'COMPLETED') break;
      expect(r.body.status).not.toBe('FAILED');
      if (i > 600) throw new Error(`COB run still ${r.body.status}`);
      await new Promise((done) => setTimeout(done, 50));
    }
    const before = (await statement(partial)).body;
    const onV = before.repayments.map((r: any) => ({ date: r.businessDate, amount: r.amount }));
    // two interest days have passed (21 January and February): interest is due and DPD counts from the first
    expect(before).toMatchObject({ ...(await engineSays(partial, [], today, onV)), cobDate: '2030-02-24', asOf: today });
    expect(before.schedule.slice(0, 2).map((l: any) => l.billed)).toEqual([true, true]);
    expect(before.dpd).toBe(35);

    // everything due, the accrued interest (no penalty before M), and 100.00 of principal
    const interestOwed = fen(before.payoffAmount) - fen(before.principalOutstanding);
    expect(interestOwed).toBeGreaterThan(fen(before.interestDue));
    const money = fromFen(interestOwed + 10000n);
    const res = await repay(partial, { amount: money, reference: 'BOC-FEB' });
    expect(res.status).toBe(201);
    const after = await engineSays(partial, [money], today, onV);
    expect(res.body.statement).toMatchObject({ ...after, dpd: 0, overdue: false, classification: 'NORMAL', interestDue: '0.00' });
    expect(res.body.allocations).toEqual({ penalty: '0.00', interest: fromFen(interestOwed), principal: '100.00' });
    expect(res.body.statement.entries.at(-1).lines).toEqual([
      { account: 'BANK_CLEARING', debit: money, credit: '0.00' },
      { account: 'INTEREST_RECEIVABLE', debit: '0.00', credit: res.body.allocations.interest },
      { account: 'LOAN_PRINCIPAL', debit: '0.00', credit: '100.00' },
    ]);
    await expectServicingInvariants(t);

    // and the payoff, to the fen, closes it
    const payoff = res.body.statement.payoffAmount as string;
    const closed = await repay(partial, { amount: payoff, reference: 'BOC-FEB-2' });
    expect(closed.status).toBe(201);
    expect(closed.body.statement).toMatchObject({ status: 'REPAID', payoffAmount: '0.00', accruedInterest: '0.0000000000' });
    expect((await getLoan(t, s.officer, partial)).status).toBe('REPAID');
    await expectServicingInvariants(t);
  });

  it('has invariants that notice a counter or a servicing row out of step with the ledger', async () => {
    const [row] = await t.db.query(`SELECT supplier_id, programme_id FROM supplier_exposure WHERE reserved_amount > 0 LIMIT 1`);
    const bump = (fen: string) =>
      t.db.query(`UPDATE supplier_exposure SET reserved_amount = reserved_amount + $3 WHERE supplier_id = $1 AND programme_id = $2`, [
        row.supplier_id,
        row.programme_id,
        fen,
      ]);
    await bump('0.01');
    await expect(expectServicingInvariants(t)).rejects.toThrow();
    await bump('-0.01');
    const shift = (fen: string) =>
      t.db.query(
        `UPDATE loan_servicing SET state = jsonb_set(state, '{principalOutstanding}', to_jsonb(((state->>'principalOutstanding')::bigint + $2)::text))
          WHERE loan_application_id = $1`,
        [race, fen],
      );
    await shift('1');
    await expect(expectServicingInvariants(t)).rejects.toThrow();
    await shift('-1');
    await expectServicingInvariants(t);
  });
});
