import { approvedBatch, approvedLoans, executeAndWait, lendingSetup, type LendingSetup } from './support/disbursements.js';
import { expectProblem } from './support/problems.js';
import { createTestApp, type TestApp, type TestUser } from './support/test-app.js';

describe('ledger, servicing opened at disbursement, and the portfolio', () => {
  let t: TestApp;
  let s: LendingSetup;
  let auditor: TestUser;
  let loanIds: string[];

  beforeAll(async () => {
    t = await createTestApp();
    s = await lendingSetup(t);
    auditor = await t.user('AUDITOR');
    const loans = await approvedLoans(t, s, ['10000.00', '12500.55']);
    loanIds = loans.map((l) => l.loanId);
    const batch = await approvedBatch(t, s);
    const done = await executeAndWait(t, s, batch.id);
    expect(done.status).toBe('COMPLETED');
  });

  afterAll(() => t.close());

  it('opens a servicing row per paid loan, with its frozen terms and the value date', async () => {
    const rows = await t.db.query(
      `SELECT ls.loan_application_id, ls.status, ls.value_date::text, ls.maturity_date::text, ls.principal_outstanding::text, ls.terms,
              la.value_date::text AS loan_value_date
         FROM loan_servicing ls JOIN loan_applications la ON la.id = ls.loan_application_id ORDER BY ls.principal_outstanding`,
    );
    expect(rows.map((r: any) => r.principal_outstanding)).toEqual(['10000.00', '12500.55']);
    for (const r of rows) {
      expect(r.status).toBe('DISBURSED');
      expect(r.value_date).toBe(r.loan_value_date);
      expect(r.terms).toMatchObject({ termDays: 180, basis: 'ACT/360', repaymentType: 'INTEREST_MONTHLY', interestDay: 21 });
    }
  });

  it('posts each disbursement as Dr LOAN_PRINCIPAL / Cr BANK_CLEARING, and the trial balance is zero', async () => {
    const res = await t.http().get('/ledger/trial-balance').set(auditor.auth);
    expect(res.status).toBe(200);
    const byAccount = Object.fromEntries(res.body.accounts.map((a: any) => [a.account, a]));
    expect(byAccount.LOAN_PRINCIPAL).toMatchObject({ debit: '22500.55', credit: '0.00', balance: '22500.55' });
    expect(byAccount.BANK_CLEARING).toMatchObject({ debit: '0.00', credit: '22500.55', balance: '-22500.55' });
    expect(res.body.totalDebit).toBe(res.body.totalCredit);
    const perLoan = await t.db.query(
      `SELECT loan_application_id, sum(debit) - sum(credit) AS net FROM journal_lines WHERE loan_application_id = ANY($1) GROUP BY 1`,
      [loanIds],
    );
    expect(perLoan.map((r: any) => Number(r.net))).toEqual([0, 0]);
  });

  it('answers one programme, and an empty ledger for a programme with no loans', async () => {
    const own = await t.http().get('/ledger/trial-balance').query({ programmeId: s.programme.id }).set(t.admin.auth);
    expect(own.body.totalDebit).toBe('22500.55');
    const other = await t.programme(s.ce.id);
    const none = await t.http().get('/ledger/trial-balance').query({ programmeId: other.id }).set(t.admin.auth);
    expect(none.status).toBe(200);
    expect([none.body.totalDebit, none.body.totalCredit]).toEqual(['0.00', '0.00']);
  });

  it('is for ADMIN and AUDITOR only, and refuses a malformed programme id', async () => {
    const refused = [
      expectProblem(await t.http().get('/ledger/trial-balance'), 401),
      expectProblem(await t.http().get('/ledger/trial-balance').set(s.officer.auth), 403),
      expectProblem(await t.http().get('/ledger/trial-balance').set(s.applicant.auth), 403),
      expectProblem(await t.http().get('/ledger/trial-balance').query({ programmeId: 'nope' }).set(t.admin.auth), 400),
    ];
    expect(refused.map((p) => p.status)).toEqual([401, 403, 403, 400]);
  });

  it('refuses to change or delete a posted line (the ledger is append-only)', async () => {
    await expect(t.db.query(`UPDATE journal_lines SET debit = debit + 1 WHERE debit > 0`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM journal_entries`)).rejects.toThrow(/append-only/);
  });

  it('refuses an entry that does not balance', async () => {
    const [entry] = await t.db.query(
      `INSERT INTO journal_entries (entry_type, business_date, core_enterprise_id) VALUES ('ACCRUAL', '2026-01-01', $1) RETURNING id`,
      [s.ce.id],
    );
    await expect(
      t.db.query(
        `INSERT INTO journal_lines (entry_id, loan_application_id, programme_id, core_enterprise_id, account, debit, credit)
         VALUES ($1, $2, $3, $4, 'INTEREST_RECEIVABLE', 5, 0)`,
        [entry.id, loanIds[0], s.programme.id, s.ce.id],
      ),
    ).rejects.toThrow(/does not balance/);
  });

  it('refuses lines of an entry or a loan that does not exist, and deleting a loan that has lines', async () => {
    const [entry] = await t.db.query(
      `INSERT INTO journal_entries (entry_type, business_date, core_enterprise_id) VALUES ('ACCRUAL', '2026-01-01', $1) RETURNING id`,
      [s.ce.id],
    );
    const pair = (entryId: string, loanId: string) =>
      t.db.query(
        `INSERT INTO journal_lines (entry_id, loan_application_id, programme_id, core_enterprise_id, account, debit, credit)
         VALUES ($1, $2, $3, $4, 'INTEREST_RECEIVABLE', 5, 0), ($1, $2, $3, $4, 'INTEREST_INCOME', 0, 5)`,
        [entryId, loanId, s.programme.id, s.ce.id],
      );
    await expect(pair('999999999', loanIds[0])).rejects.toThrow(/journal entry 999999999 does not exist/);
    await expect(pair(entry.id, '00000000-0000-4000-8000-000000000000')).rejects.toThrow(/loan application .* does not exist/);
    // a line is of its entry's core enterprise: none goes to an entry of another, or of none (the
    // end of day's entries of before each core enterprise had its own)
    const other = await t.coreEnterprise();
    const [foreign] = await t.db.query(
      `INSERT INTO journal_entries (entry_type, business_date, core_enterprise_id) VALUES ('ACCRUAL', '2026-01-01', $1) RETURNING id`,
      [other.id],
    );
    const [legacy] = await t.db.query(
      `INSERT INTO journal_entries (entry_type, business_date) VALUES ('ACCRUAL', '2026-01-01') RETURNING id`,
    );
    await expect(pair(foreign.id, loanIds[0])).rejects.toThrow(/does not exist in the core enterprise of its line/);
    await expect(pair(legacy.id, loanIds[0])).rejects.toThrow(/does not exist in the core enterprise of its line/);
    await expect(
      t.db.query(`INSERT INTO journal_entries (entry_type, business_date) VALUES ('REPAYMENT', '2026-01-01')`),
    ).rejects.toMatchObject({ constraint: 'ck_journal_entries_core_enterprise' });
    await expect(t.db.query(`DELETE FROM loan_applications WHERE id = $1`, [loanIds[0]])).rejects.toThrow(/has ledger lines/);
    await expect(t.db.query(`UPDATE loan_applications SET id = gen_random_uuid() WHERE id = $1`, [loanIds[0]])).rejects.toThrow(
      /has ledger lines/,
    );
  });

  it("shows a programme's portfolio to its owner and the bank's staff", async () => {
    for (const who of [s.applicant, s.officer, auditor]) {
      const res = await t.http().get(`/programmes/${s.programme.id}/portfolio`).set(who.auth);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        programmeId: s.programme.id,
        loans: 2,
        principalOutstanding: '22500.55',
        interestAccrued: '0.00',
        penaltyAccrued: '0.00',
        overduePrincipal: '0.00',
        byClassification: { NORMAL: { count: 2, principal: '22500.55' }, LOSS: { count: 0, principal: '0.00' } },
      });
      expect(res.body.byDpd[0]).toEqual({ bucket: '0', count: 2, principal: '22500.55' });
      expect(res.body.byDpd.map((b: any) => b.bucket)).toEqual(['0', '1-30', '31-60', '61-90', '91-180', '181-360', '>360']);
    }
  });

  it('answers another core enterprise as if the programme did not exist, and refuses bad ids and anonymous callers', async () => {
    const otherCe = await t.coreEnterprise();
    const stranger = await t.user('ENTERPRISE', otherCe.id);
    const refused = [
      expectProblem(await t.http().get(`/programmes/${s.programme.id}/portfolio`).set(stranger.auth), 404),
      expectProblem(await t.http().get(`/programmes/00000000-0000-4000-8000-000000000000/portfolio`).set(t.admin.auth), 404),
      expectProblem(await t.http().get(`/programmes/nope/portfolio`).set(t.admin.auth), 400),
      expectProblem(await t.http().get(`/programmes/${s.programme.id}/portfolio`), 401),
    ];
    expect(refused.map((p) => p.status)).toEqual([404, 404, 400, 401]);
  });
});
