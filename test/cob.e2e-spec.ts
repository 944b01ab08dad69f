import pg from 'pg';
import { addDays } from '../src/common/dates.js';
import { simulate, statementOf } from '../src/servicing/engine.js';
import type { LoanTerms } from '../src/servicing/scenario.js';
import { loadState } from '../src/servicing/servicing-row.js';
import { compileTerms, interestDue, roundedAccruedInterest, schedule } from '../src/servicing/engine.js';
import { daysBetween } from '../src/common/business-date.js';
import { approvedBatch, approvedLoans, executeAndWait, lendingSetup, type LendingSetup } from './support/disbursements.js';
import { approveReq, submitReq } from './support/loans.js';
import { importRoster, rosterBuffer, waitForScreening } from './support/rosters.js';
import { expectFieldError, expectProblem } from './support/problems.js';
import { createTestApp, STANDARD_RULES, type TestApp } from './support/test-app.js';

/** The session lock the service's end-of-day driver takes (cob-runs.service.ts): holding it keeps a run QUEUED. */
const COB_LOCK = 0x636f62;

describe('end of day (COB) through HTTP, on a simulated clock', () => {
  let t: TestApp;
  let s: LendingSetup;
  let other: Record<string, any>;
  let loanIds: string[];
  let supplierIds: string[];
  let pendingElsewhere: string;
  let valueDate: string;
  let firstDue: string;

  const putClock = (today: string) => t.http().put('/clock').set(t.admin.auth).send({ today });
  const postRun = (body: object = {}) => t.http().post('/cob-runs').set(t.admin.auth).send(body);

  async function waitForRun(id: string): Promise<Record<string, any>> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const res = await t.http().get(`/cob-runs/${id}`).set(t.admin.auth);
      expect(res.status).toBe(200);
      if (res.body.status === 'COMPLETED' || res.body.status === 'FAILED') return res.body;
      if (Date.now() > deadline) throw new Error(`run ${id} still ${res.body.status}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function runTo(today: string): Promise<Record<string, any>> {
    expect((await putClock(today)).status).toBe(200);
    const res = await postRun();
    expect(res.status).toBe(202);
    const done = await waitForRun(res.body.id);
    expect(done.status).toBe('COMPLETED');
    return done;
  }

  /** Each loan's servicing row against the engine run over the same terms and dates, with no repayments. */
  async function expectEngineAgrees(asOf: string): Promise<Record<string, any>[]> {
    const rows = await t.db.query(
      `SELECT loan_application_id AS id, terms, state, last_cob_date::text, principal_outstanding::text, dpd, overdue, classification
         FROM loan_servicing WHERE loan_application_id = ANY($1) ORDER BY loan_application_id`,
      [loanIds],
    );
    for (const row of rows) {
      const terms = row.terms as LoanTerms;
      const expected = simulate({ terms, repayments: [], asOf });
      const compiled = compileTerms(terms);
      expect(statementOf(loadState(row.state), compiled, asOf)).toEqual(expected);
      expect(row.last_cob_date).toBe(addDays(asOf, -1));
      expect([row.principal_outstanding, row.dpd, row.overdue, row.classification]).toEqual([
        expected.principalOutstanding,
        expected.dpd,
        expected.overdue,
        expected.classification,
      ]);
    }
    return rows;
  }

  /** ACCRUAL lines = INTEREST_RECEIVABLE = interestDue + round(accrued) per loan; the same for penalty; trial balance zero. */
  async function expectLedgerAgrees(rows: Record<string, any>[]): Promise<void> {
    for (const row of rows) {
      const state = loadState(row.state);
      const terms = compileTerms(row.terms);
      const [b] = await t.db.query(
        `SELECT coalesce(sum(l.debit - l.credit) FILTER (WHERE l.account = 'INTEREST_RECEIVABLE'), 0)::text AS receivable,
                coalesce(sum(l.credit - l.debit) FILTER (WHERE l.account = 'INTEREST_INCOME' AND e.entry_type = 'ACCRUAL'), 0)::text AS accrued,
                coalesce(sum(l.debit - l.credit) FILTER (WHERE l.account = 'PENALTY_RECEIVABLE'), 0)::text AS penalty
           FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id WHERE l.loan_application_id = $1`,
        [row.id],
      );
      const expectedInterest = interestDue(state) + roundedAccruedInterest(state, terms);
      expect(BigInt(b.receivable)).toBe(expectedInterest);
      expect(BigInt(b.accrued)).toBe(expectedInterest);
      const penaltyDue = state.dues.reduce((sum, d) => sum + d.penalty - d.paidPenalty, 0n);
      const roundedPenalty = (2n * state.accruedPenalty + terms.penaltyDenominator) / (2n * terms.penaltyDenominator);
      expect(BigInt(b.penalty)).toBe(penaltyDue + roundedPenalty);
    }
    const tb = await t.http().get('/ledger/trial-balance').set(t.admin.auth);
    expect(tb.status).toBe(200);
    expect(tb.body.totalDebit).toBe(tb.body.totalCredit);
  }

  beforeAll(async () => {
    t = await createTestApp({ CLOCK: 'simulated', COB_SWEEP_MS: '300' });
    s = await lendingSetup(t, {
      eligibilityRules: [...STANDARD_RULES, { name: 'no-overdue', fact: 'hasOverdueLoan', operator: 'isFalse' }],
    });
    // a second programme of the same core enterprise whose rules say nothing about overdue loans
    other = await t.programme(s.ce.id, { name: 'Feed season' });
    valueDate = (await t.http().get('/clock').set(t.admin.auth)).body.today;
    expect((await putClock(valueDate)).status).toBe(200);
    const loans = await approvedLoans(t, s, ['10000.00', '12345.67', '99999.99']);
    loanIds = loans.map((l) => l.loanId);
    supplierIds = loans.map((l) => l.supplierId);
    const done = await executeAndWait(t, s, (await approvedBatch(t, s)).id);
    expect(done.status).toBe('COMPLETED');
    const [row] = await t.db.query(`SELECT terms FROM loan_servicing WHERE loan_application_id = $1`, [loanIds[0]]);
    firstDue = schedule(row.terms as LoanTerms)[0];
    const pending = await submitReq(t, s.applicant, {
      programmeId: other.id,
      supplierId: supplierIds[0],
      amount: '10000.00',
      termDays: 90,
    });
    expect(pending.body.status).toBe('PENDING_REVIEW');
    pendingElsewhere = pending.body.id;
  });

  afterAll(() => t.close());

  it('refuses a date that is not over, a malformed one, and callers other than ADMIN', async () => {
    const notOver = expectProblem(await postRun({ upTo: valueDate }), 422, 'COB_DATE_NOT_OVER');
    expect(notOver.lastClosableDate).toBe(addDays(valueDate, -1));
    expectProblem(await postRun({ upTo: addDays(valueDate, 5) }), 422, 'COB_DATE_NOT_OVER');
    expectFieldError(await postRun({ upTo: '2026-02-30' }), 'upTo', 'INVALID_DATE');
    expectProblem(await t.http().post('/cob-runs').send({}), 401);
    expectProblem(await t.http().post('/cob-runs').set(s.officer.auth).send({}), 403);
    expectProblem(await t.http().get('/cob-runs/00000000-0000-4000-8000-000000000000').set(s.officer.auth), 403);
    expectProblem(await t.http().get('/cob-runs/00000000-0000-4000-8000-000000000000').set(t.admin.auth), 404);
    expectProblem(await t.http().get('/cob-runs/nope').set(t.admin.auth), 400);
  });

  it('answers 200 COMPLETED when nothing is pending yet (the loans were valued today)', async () => {
    const res = await postRun();
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('COMPLETED');
  });

  it('queues a run (202), refuses a second while it is open (409), then closes every date in order', async () => {
    // the first interest day + 3: past due by the days of grace, not overdue yet
    const today = addDays(firstDue, 3);
    const days = daysBetween(valueDate, today);
    expect((await putClock(today)).status).toBe(200);
    // hold the driver's lock so the run stays QUEUED while the second request comes
    const holder = new pg.Client({ connectionString: t.databaseUrl });
    await holder.connect();
    let run: Record<string, any>;
    try {
      await holder.query(`SELECT pg_advisory_lock($1)`, [COB_LOCK]);
      const res = await postRun();
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({ status: 'QUEUED', fromDate: valueDate, toDate: addDays(today, -1), loansProcessed: 0 });
      run = res.body;
      const second = expectProblem(await postRun(), 409, 'COB_RUN_IN_PROGRESS');
      expect(second.runId).toBe(run.id);
    } finally {
      await holder.end();
    }
    const done = await waitForRun(run.id);
    expect(done).toMatchObject({
      id: run.id,
      status: 'COMPLETED',
      error: null,
      fromDate: valueDate,
      toDate: addDays(today, -1),
      loansProcessed: 3 * days,
    });
    const rows = await expectEngineAgrees(today);
    await expectLedgerAgrees(rows);
    const dates = await t.db.query(`SELECT count(*)::int AS n, max(business_date)::text AS last FROM cob_dates`);
    expect(dates[0]).toEqual({ n: days, last: addDays(today, -1) });
    expect(rows.map((r) => [r.dpd, r.overdue, r.classification])).toEqual(rows.map(() => [3, false, 'SPECIAL_MENTION']));
    const explained = await t.http().get(`/suppliers/${supplierIds[0]}/eligibility`).query({ programmeId: other.id }).set(t.admin.auth);
    expect(explained.body.availableLimit).not.toBe('0.00');
  });

  it('changes nothing when the same dates are asked for again', async () => {
    const before = await t.db.query(
      `SELECT (SELECT count(*) FROM journal_lines)::int AS lines, (SELECT json_agg(state ORDER BY loan_application_id) FROM loan_servicing) AS states`,
    );
    const again = await postRun({ upTo: addDays(firstDue, 2) });
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('COMPLETED');
    const earlier = await postRun({ upTo: addDays(valueDate, 10) });
    expect(earlier.status).toBe(200);
    const after = await t.db.query(
      `SELECT (SELECT count(*) FROM journal_lines)::int AS lines, (SELECT json_agg(state ORDER BY loan_application_id) FROM loan_servicing) AS states`,
    );
    expect(after).toEqual(before);
  });

  it('posts one ACCRUAL entry per chunk, date and core enterprise, with at most one line per loan, account and date', async () => {
    const dup = await t.db.query(
      `SELECT l.loan_application_id, e.business_date, l.account, count(*) FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
        WHERE e.entry_type = 'ACCRUAL' GROUP BY 1, 2, 3 HAVING count(*) > 1`,
    );
    expect(dup).toEqual([]);
  });

  it('makes loans overdue after the due date + grace: hasOverdueLoan true, available limit 0 everywhere, approvals refused', async () => {
    await runTo(addDays(firstDue, 4));
    const rows = await expectEngineAgrees(addDays(firstDue, 4));
    expect(rows.map((r) => [r.dpd, r.overdue])).toEqual(rows.map(() => [4, true]));
    await expectLedgerAgrees(rows);

    const withRule = await t
      .http()
      .get(`/suppliers/${supplierIds[0]}/eligibility`)
      .query({ programmeId: s.programme.id })
      .set(t.admin.auth);
    expect(withRule.status).toBe(200);
    expect(withRule.body).toMatchObject({ eligible: false, availableLimit: '0.00' });
    expect(withRule.body.results.find((r: any) => r.fact === 'hasOverdueLoan')).toMatchObject({ actual: true, passed: false });

    // the other programme's rules ignore overdue loans, but the limit is frozen whatever the rules
    const withoutRule = await t.http().get(`/suppliers/${supplierIds[0]}/eligibility`).query({ programmeId: other.id }).set(t.admin.auth);
    expect(withoutRule.status).toBe(200);
    expect(withoutRule.body.availableLimit).toBe('0.00');
    expectProblem(await approveReq(t, s.officer, pendingElsewhere), 409, 'SUPPLIER_HAS_OVERDUE_LOAN');
    const loan = await t.http().get(`/loan-applications/${pendingElsewhere}`).set(t.admin.auth);
    expect(loan.body.status).toBe('PENDING_REVIEW');
  });

  it('catches up past maturity: principal due, penalty accrued and billed at month ends, all as the engine says', async () => {
    const maturity = addDays(valueDate, 180);
    const done = await runTo(addDays(maturity, 40));
    expect(done.fromDate).toBe(addDays(firstDue, 4));
    const rows = await expectEngineAgrees(addDays(maturity, 40));
    expect(rows.every((r) => r.overdue && r.principal_outstanding !== '0.00')).toBe(true);
    await expectLedgerAgrees(rows);
    const penalty = await t.db.query(`SELECT count(*)::int AS n FROM journal_lines WHERE account = 'PENALTY_RECEIVABLE'`);
    expect(penalty[0].n).toBeGreaterThan(0);
  });

  it("closes the loans no chunk's pages held in the date's sweep, as when another update moved a row off its pages", async () => {
    const today = addDays(valueDate, 221);
    const d = addDays(today, -1);
    const [{ run_id }] = await t.db.query(`SELECT run_id FROM cob_dates ORDER BY business_date DESC LIMIT 1`);
    // the date's plan, made before the run: one chunk of pages far beyond the table's end
    await t.db.query(`INSERT INTO cob_chunks (business_date, lo, hi, run_id) VALUES ($1, '(1000000,0)', NULL, $2)`, [d, run_id]);
    const done = await runTo(today);
    expect(done).toMatchObject({ fromDate: d, toDate: d, loansProcessed: 3 });
    const chunks = await t.db.query(`SELECT lo::text, loans, done_at IS NOT NULL AS done FROM cob_chunks WHERE business_date = $1`, [d]);
    expect(chunks).toEqual([{ lo: '(1000000,0)', loans: 0, done: true }]);
    await expectLedgerAgrees(await expectEngineAgrees(today));
  });

  it("re-screens a programme whose many results the date's overdue changes made stale through one queued run", async () => {
    expect((await importRoster(t, s.ce.id, await rosterBuffer({ rows: 250, seed: 11 }))).status).toBe('COMPLETED');
    await waitForScreening(t, other.id);
    // stored results that still say "overdue" for suppliers with no overdue loan, as after a cure
    const [stale] = await t.db.query(
      `WITH made AS (UPDATE screening_results SET facts = jsonb_set(facts, '{hasOverdueLoan}', 'true')
                      WHERE programme_id = $1 AND supplier_id <> ALL($2::uuid[]) RETURNING 1)
       SELECT count(*)::int AS n FROM made`,
      [other.id, supplierIds],
    );
    expect(stale.n).toBe(250);
    await runTo(addDays(valueDate, 222));
    const runs = await t.db.query(
      `SELECT trigger, requested_by FROM screening_runs WHERE programme_id = $1 AND trigger = 'OVERDUE_CHANGE'`,
      [other.id],
    );
    expect(runs).toEqual([{ trigger: 'OVERDUE_CHANGE', requested_by: 'cob' }]);
    await waitForScreening(t, other.id);
    const left = await t.db.query(
      `SELECT count(*)::int AS n FROM screening_results WHERE programme_id = $1 AND (facts ->> 'hasOverdueLoan') = 'true' AND supplier_id <> ALL($2::uuid[])`,
      [other.id, supplierIds],
    );
    expect(left[0].n).toBe(0);
  });
});
