import iconv from 'iconv-lite';
import { approveReq, submitReq } from './support/loans.js';
import {
  approvedBatch,
  approvedLoans,
  executeAndWait,
  lendingSetup,
  type ApprovedLoan,
  type LendingSetup,
} from './support/disbursements.js';
import { expectProblem } from './support/problems.js';
import { expectServicingInvariants } from './support/servicing-invariants.js';
import { insertSuppliers } from './support/suppliers.js';
import { parseCsv, rawBody, xlsxFile } from './support/roster-files.js';
import { createTestApp, type TestApp, type TestUser } from './support/test-app.js';

type Auth = Record<string, string>;

/** A settlement CSV: the header, then rows of cells. */
function csv(header: string[], rows: string[][]): string {
  return [header, ...rows].map((r) => r.join(',')).join('\r\n') + '\r\n';
}

describe('settlement files: deductions computed, the payment run, confirmation by the bank (the 1+N loop)', () => {
  let t: TestApp;
  let s: LendingSetup;
  let auditor: TestUser;
  let otherEnterprise: TestUser;
  /** Supplier A has two loans, B one; C is a supplier without loans. */
  let a: ApprovedLoan;
  let a2Id: string;
  let b: ApprovedLoan;
  let codes: { a: string; b: string; c: string };

  const upload = (ceId: string, file: Buffer, name: string, auth: Auth) =>
    t.http().post(`/core-enterprises/${ceId}/settlements`).set(auth).attach('file', file, name);
  const settlement = (id: string, auth: Auth = t.admin.auth) => t.http().get(`/settlements/${id}`).set(auth);
  const lines = async (id: string, auth: Auth = t.admin.auth) =>
    (await t.http().get(`/settlements/${id}/lines`).query({ pageSize: 500 }).set(auth)).body.items as Record<string, any>[];
  const confirm = (id: string, auth: Auth, remittedAmount: unknown) =>
    t.http().post(`/settlements/${id}/confirm`).set(auth).send({ remittedAmount });

  async function waitComputed(id: string, auth: Auth = t.admin.auth): Promise<Record<string, any>> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const res = await settlement(id, auth);
      if (res.status !== 200) throw new Error(`settlement ${id}: ${res.status} ${JSON.stringify(res.body)}`);
      if (res.body.status !== 'QUEUED') return res.body;
      if (Date.now() > deadline) throw new Error(`settlement ${id} still QUEUED`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function uploadAndWait(ceId: string, file: Buffer, name: string, auth: Auth = s.applicant.auth) {
    const res = await upload(ceId, file, name, auth);
    if (res.status !== 202) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`);
    expect(res.body).toEqual({ settlementId: expect.any(String), status: 'QUEUED' });
    return waitComputed(res.body.settlementId, auth);
  }

  const servicing = async (ids: string[]) =>
    (await t.db.query(
      `SELECT loan_application_id AS id, status, principal_outstanding::text AS outstanding FROM loan_servicing
        WHERE loan_application_id = ANY($1) ORDER BY loan_application_id`,
      [ids],
    )) as { id: string; status: string; outstanding: string }[];
  const journalCount = async () => Number((await t.db.query(`SELECT count(*) AS n FROM journal_entries`))[0].n);

  /** Trial balance zero; per loan, LOAN_PRINCIPAL = principal outstanding; the reservations hold the principal still out. */
  async function expectBooksAgree() {
    const tb = await t.http().get('/ledger/trial-balance').set(auditor.auth);
    expect(tb.body.totalDebit).toBe(tb.body.totalCredit);
    const mismatched = await t.db.query(
      `SELECT ls.loan_application_id FROM loan_servicing ls
         LEFT JOIN (SELECT loan_application_id, sum(debit) - sum(credit) AS bal FROM journal_lines WHERE account = 'LOAN_PRINCIPAL' GROUP BY 1) j
                USING (loan_application_id)
        WHERE coalesce(j.bal, 0) <> ls.principal_outstanding * 100`,
    );
    expect(mismatched).toEqual([]);
    const exposure = await t.db.query(
      `SELECT e.supplier_id, e.reserved_amount::text AS reserved,
              (SELECT coalesce(sum(ls.principal_outstanding), 0)::numeric(18,2)::text FROM loan_servicing ls
                WHERE ls.supplier_id = e.supplier_id AND ls.programme_id = e.programme_id) AS outstanding
         FROM supplier_exposure e WHERE e.programme_id = $1`,
      [s.programme.id],
    );
    for (const e of exposure) expect(e.reserved).toBe(e.outstanding);
  }

  beforeAll(async () => {
    t = await createTestApp({ CLOCK: 'simulated' });
    s = await lendingSetup(t, { prepayFromSettlement: true });
    auditor = await t.user('AUDITOR');
    const other = await t.coreEnterprise();
    otherEnterprise = await t.user('ENTERPRISE', other.id);
    const stamp = Date.now().toString(36);
    codes = { a: `SA-${stamp}`, b: `SB-${stamp}`, c: `SC-${stamp}` };
    [a, b] = await approvedLoans(t, s, ['10000.00', '20000.00'], [{ supplierCode: codes.a }, { supplierCode: codes.b }]);
    const second = await submitReq(t, s.applicant, {
      programmeId: s.programme.id,
      supplierId: a.supplierId,
      amount: '15000.00',
      termDays: 180,
    });
    expect(second.status).toBe(201);
    expect((await approveReq(t, s.officer, second.body.id)).status).toBe(200);
    a2Id = second.body.id;
    await insertSuppliers(t, s.ce.id, [{ supplierCode: codes.c }]);
    const batch = await approvedBatch(t, s);
    expect((await executeAndWait(t, s, batch.id)).status).toBe('COMPLETED');
  });

  afterAll(() => t?.close());

  let main: Record<string, any>;

  it('computes a UTF-8 file with English headers: prepayment on the value date, unknown codes and suppliers without loans deduct 0', async () => {
    const file = csv(
      ['supplier_code', 'payable_amount', 'period'],
      [
        [codes.a, '20000.00', '2026-01'],
        [codes.b, '12345.67', '2026-01'],
        [codes.c, '500', '2026-01'],
        ['NOBODY-1', '800.00', '2026-01'],
      ],
    );
    main = await uploadAndWait(s.ce.id, Buffer.from(file, 'utf8'), 'settlement.csv');
    const today = (await t.db.query(`SELECT value_date::text AS v FROM loan_servicing LIMIT 1`))[0].v;
    expect(main).toMatchObject({
      status: 'COMPUTED',
      rows: 4,
      matchedRows: 3,
      totalPayable: '33645.67',
      totalDeduction: '25876.53', // 16,000.00 (A) + floor(12,345.67 × 0.8) = 9,876.53 (B)
      businessDate: today,
      problemCount: 0,
    });
    const got = await lines(main.id, s.applicant.auth);
    // A's two loans have the same value date and nothing due: ordered by loan id, the first prepaid in full
    const [first, second] = [a.loanId, a2Id].sort();
    const principalOf = (id: string) => (id === a.loanId ? '10000.00' : '15000.00');
    const firstTakes = principalOf(first);
    const secondTakes = (16000 - Number(firstTakes)).toFixed(2);
    expect(got).toEqual([
      {
        row: 2,
        supplierCode: codes.a,
        supplierId: a.supplierId,
        period: '2026-01',
        payable: '20000.00',
        deduction: '16000.00',
        netPayable: '4000.00',
        allocations: [
          { loanApplicationId: first, penalty: '0.00', interest: '0.00', principal: firstTakes },
          { loanApplicationId: second, penalty: '0.00', interest: '0.00', principal: secondTakes },
        ],
        note: null,
      },
      expect.objectContaining({
        row: 3,
        deduction: '9876.53',
        netPayable: '2469.14',
        allocations: [{ loanApplicationId: b.loanId, penalty: '0.00', interest: '0.00', principal: '9876.53' }],
      }),
      expect.objectContaining({
        row: 4,
        supplierCode: codes.c,
        deduction: '0.00',
        netPayable: '500.00',
        allocations: [],
        note: 'NO_OPEN_LOAN',
      }),
      expect.objectContaining({ row: 5, supplierCode: 'NOBODY-1', supplierId: null, deduction: '0.00', note: 'UNKNOWN_SUPPLIER_CODE' }),
    ]);
  });

  it('gives the core enterprise its payment run as CSV', async () => {
    const res = await t
      .http()
      .get(`/settlements/${main.id}/lines`)
      .set(s.applicant.auth)
      .set('Accept', 'text/csv')
      .buffer(true)
      .parse(rawBody);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const rows = parseCsv((res.body as Buffer).toString('utf8').replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual(['row', 'supplier_code', 'period', 'payable', 'deduction', 'net_payable', 'note']);
    expect(rows.slice(1).map((r) => [r[1], r[3], r[4], r[5]])).toEqual([
      [codes.a, '20000.00', '16000.00', '4000.00'],
      [codes.b, '12345.67', '9876.53', '2469.14'],
      [codes.c, '500.00', '0.00', '500.00'],
      ['NOBODY-1', '800.00', '0.00', '800.00'],
    ]);
  });

  it('hides a settlement from another core enterprise (404) and refuses the core enterprise’s own confirmation (403)', async () => {
    expectProblem(await settlement(main.id, otherEnterprise.auth), 404);
    expectProblem(await t.http().get(`/settlements/${main.id}/lines`).set(otherEnterprise.auth), 404);
    expectProblem(await confirm(main.id, s.applicant.auth, main.totalDeduction), 403);
    expectProblem(await confirm(main.id, auditor.auth, main.totalDeduction), 403);
    expectProblem(await confirm(main.id, s.officer.auth, '25876.52'), 422, 'SETTLEMENT_AMOUNT_MISMATCH');
    expectProblem(await confirm(main.id, s.officer.auth, 'lots'), 400);
    expectProblem(await settlement('not-a-uuid'), 400);
    expectProblem(await settlement('00000000-0000-4000-8000-000000000000'), 404);
    expect((await settlement(main.id)).body.status).toBe('COMPUTED');
  });

  it('posts every allocation when the officer confirms, once', async () => {
    const before = await journalCount();
    const res = await confirm(main.id, s.officer.auth, '25876.53');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'CONFIRMED', remittedAmount: '25876.53', confirmedBy: { id: s.officer.id } });
    // one REPAYMENT entry for the settlement, with the lines of its three loans
    expect(await journalCount()).toBe(before + 1);
    const [first] = [a.loanId, a2Id].sort();
    const rows = await servicing([a.loanId, a2Id, b.loanId]);
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId[first]).toMatchObject({ status: 'REPAID', outstanding: '0.00' });
    expect(byId[b.loanId]).toMatchObject({ status: 'DISBURSED', outstanding: '10123.47' });
    const loan = await t.db.query(`SELECT status FROM loan_applications WHERE id = $1`, [first]);
    expect(loan[0].status).toBe('REPAID');
    await expectBooksAgree();
    expectProblem(await confirm(main.id, s.officer.auth, '25876.53'), 409, 'SETTLEMENT_ALREADY_CONFIRMED');
    expect(await journalCount()).toBe(before + 1);
    const audit = await t.http().get('/audit-events').query({ entityType: 'Settlement', entityId: main.id }).set(t.admin.auth);
    expect(audit.body.items.map((e: any) => e.action).sort()).toEqual(['SETTLEMENT_CONFIRMED', 'SETTLEMENT_UPLOADED']);
  });

  it("lists each loan's settlement allocation among its statement's repayments, beside direct ones, as the ledger holds them", async () => {
    const [first, second] = [a.loanId, a2Id].sort();
    const statement = async (id: string, auth: Auth = s.officer.auth) =>
      (await t.http().get(`/loan-applications/${id}/statement`).set(auth)).body as Record<string, any>;
    const fromMain = (principal: string) => ({
      source: 'SETTLEMENT',
      id: null,
      settlementId: main.id,
      reference: `settlement:${main.id}`,
      amount: principal,
      businessDate: main.businessDate,
      allocations: { penalty: '0.00', interest: '0.00', principal },
      by: null,
      at: expect.any(String),
    });
    const paid = await statement(first);
    expect(paid).toMatchObject({ status: 'REPAID', principalOutstanding: '0.00' });
    expect(paid.repayments).toEqual([fromMain(first === a.loanId ? '10000.00' : '15000.00')]);
    const settled = paid.entries.find((e: any) => e.type === 'REPAYMENT');
    expect(settled).toMatchObject({ reference: `settlement:${main.id}`, postedAt: paid.repayments[0].at });

    // a direct repayment after the settlement comes after it, with its own reference and officer
    const left = (await statement(second)).principalOutstanding as string;
    const direct = await t
      .http()
      .post(`/loan-applications/${second}/repayments`)
      .set(s.officer.auth)
      .send({ amount: '100.00', reference: 'BOC-AFTER-SETTLEMENT' });
    expect(direct.status).toBe(201);
    const both = await statement(second, s.applicant.auth);
    expect(both.repayments).toEqual([
      fromMain((16000 - Number(first === a.loanId ? '10000.00' : '15000.00')).toFixed(2)),
      expect.objectContaining({
        source: 'DIRECT',
        id: expect.any(String),
        settlementId: null,
        reference: 'BOC-AFTER-SETTLEMENT',
        amount: '100.00',
        allocations: { penalty: '0.00', interest: '0.00', principal: '100.00' },
        by: { kind: 'USER', id: null, name: 'OFFICER', role: 'OFFICER' },
      }),
    ]);
    expect(both.principalOutstanding).toBe((Number(left) - 100).toFixed(2));
    // every REPAYMENT entry of the loan is one repayment, for the same amount
    const entries = both.entries.filter((e: any) => e.type === 'REPAYMENT');
    expect(entries.map((e: any) => e.lines.find((l: any) => l.account === 'BANK_CLEARING').debit)).toEqual(
      both.repayments.map((r: any) => r.amount),
    );
    expect((await statement(b.loanId)).repayments).toEqual([fromMain('9876.53')]);
    await expectServicingInvariants(t);
  });

  it('reads GBK files with Chinese headers; two concurrent confirmations post once; a settlement whose loans moved is stale', async () => {
    const file = iconv.encode(csv(['供应商编号', '应付金额', '结算期'], [[codes.b, '1000.00', '2026年1月']]), 'gb18030');
    const x = await uploadAndWait(s.ce.id, file, '结算单.csv');
    const y = await uploadAndWait(s.ce.id, file, '结算单.csv', s.officer.auth);
    expect([x.status, x.totalDeduction, y.totalDeduction]).toEqual(['COMPUTED', '800.00', '800.00']);
    expect((await lines(x.id))[0]).toMatchObject({ supplierCode: codes.b, period: '2026年1月', deduction: '800.00' });

    const before = await journalCount();
    const both = await Promise.all([confirm(x.id, s.officer.auth, '800.00'), confirm(x.id, s.senior.auth, '800')]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await journalCount()).toBe(before + 1);
    expect((await servicing([b.loanId]))[0].outstanding).toBe('9323.47');

    expectProblem(await confirm(y.id, s.officer.auth, '800.00'), 409, 'SETTLEMENT_STALE');
    const again = await t.http().post(`/settlements/${y.id}/recompute`).set(s.officer.auth).send();
    expect(again.status).toBe(202);
    expect((await waitComputed(y.id)).status).toBe('COMPUTED');
    expect((await confirm(y.id, s.officer.auth, '800.00')).status).toBe(200);
    expect((await servicing([b.loanId]))[0].outstanding).toBe('8523.47');
    expectProblem(await t.http().post(`/settlements/${y.id}/recompute`).set(s.officer.auth).send(), 409, 'SETTLEMENT_NOT_RECOMPUTABLE');
    await expectBooksAgree();
  });

  it('refuses a file with bad rows as a whole, row by row, and posts nothing', async () => {
    const before = await journalCount();
    const file = csv(
      ['supplier_code', 'payable_amount'],
      [
        [codes.a, 'abc'],
        [codes.b, '-5.00'],
        ['X-1', '1.234'],
        ['X-2', '10.00'],
        ['X-2', '11.00'],
        [codes.c, '100.00'],
      ],
    );
    const bad = await uploadAndWait(s.ce.id, Buffer.from(file), 'bad.csv');
    expect(bad).toMatchObject({ status: 'FAILED', failure: { code: 'INVALID_FILE' }, problemCount: 4, totalDeduction: null });
    expect(bad.problems.map((p: any) => [p.row, p.field, p.code])).toEqual([
      [2, 'payable_amount', 'NOT_A_NUMBER'],
      [3, 'payable_amount', 'NEGATIVE_AMOUNT'],
      [4, 'payable_amount', 'TOO_MANY_DECIMALS'],
      [6, 'supplier_code', 'DUPLICATE_SUPPLIER_CODE'],
    ]);
    expect(await lines(bad.id)).toEqual([]);
    expectProblem(await confirm(bad.id, s.officer.auth, '0.00'), 409, 'SETTLEMENT_NOT_COMPUTED');

    const noColumn = await uploadAndWait(s.ce.id, Buffer.from(csv(['supplier_code', 'amount'], [[codes.a, '1.00']])), 'cols.csv');
    expect(noColumn.problems).toEqual([expect.objectContaining({ row: 1, field: 'payable_amount', code: 'MISSING_COLUMN' })]);
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(csv(['supplier_code', 'payable_amount'], [[codes.a, '1.00']]), 'utf16le'),
    ]);
    const encoding = await uploadAndWait(s.ce.id, utf16, 'unicode.csv');
    expect(encoding).toMatchObject({ status: 'FAILED', problems: [expect.objectContaining({ row: null, code: 'NOT_TEXT' })] });
    expect(await journalCount()).toBe(before);
  });

  it('checks who may upload, and what', async () => {
    const file = Buffer.from(csv(['supplier_code', 'payable_amount'], [[codes.a, '1.00']]));
    expectProblem(await t.http().post(`/core-enterprises/${s.ce.id}/settlements`).attach('file', file, 'a.csv'), 401);
    expectProblem(await upload(s.ce.id, file, 'a.csv', auditor.auth), 403);
    expectProblem(await upload(s.ce.id, file, 'a.csv', t.admin.auth), 403);
    expectProblem(await upload(s.ce.id, file, 'a.csv', otherEnterprise.auth), 404);
    expectProblem(await upload('00000000-0000-4000-8000-000000000000', file, 'a.csv', s.officer.auth), 404);
    expectProblem(await upload(s.ce.id, file, 'a.pdf', s.officer.auth), 415, 'SETTLEMENT_UNSUPPORTED_TYPE');
    expectProblem(
      await t.http().post(`/core-enterprises/${s.ce.id}/settlements`).set(s.officer.auth).field('other', 'x'),
      400,
      'SETTLEMENT_FILE_MISSING',
    );
    expectProblem(
      await t.http().post(`/core-enterprises/${s.ce.id}/settlements`).set(s.officer.auth).send({ file: 'x' }),
      415,
      'SETTLEMENT_NOT_MULTIPART',
    );
  });

  it('deducts nothing on the value date when the programme does not prepay from settlements (an .xlsx with Chinese headers)', async () => {
    const n = await lendingSetup(t, { prepayFromSettlement: false });
    const [loan] = await approvedLoans(t, n, ['30000.00'], [{ supplierCode: `SN-${Date.now().toString(36)}` }]);
    const batch = await approvedBatch(t, n);
    expect((await executeAndWait(t, n, batch.id)).status).toBe('COMPLETED');
    const code = (await t.db.query(`SELECT supplier_code FROM suppliers WHERE id = $1`, [loan.supplierId]))[0].supplier_code;
    const file = await xlsxFile([
      ['供应商编号', '应付金额'],
      [code, 50000.5],
    ]);
    const done = await uploadAndWait(n.ce.id, file, '结算.xlsx', n.applicant.auth);
    expect(done).toMatchObject({ status: 'COMPUTED', rows: 1, matchedRows: 1, totalPayable: '50000.50', totalDeduction: '0.00' });
    expect(await lines(done.id)).toEqual([
      expect.objectContaining({ deduction: '0.00', netPayable: '50000.50', note: 'NOTHING_DUE', allocations: [] }),
    ]);
    const before = await journalCount();
    expect((await confirm(done.id, n.officer.auth, '0.00')).status).toBe(200);
    expect(await journalCount()).toBe(before);
  });

  it('is stale once the business date moves on, and cannot compute while COB is behind', async () => {
    const file = Buffer.from(csv(['supplier_code', 'payable_amount'], [[codes.b, '100.00']]));
    const z = await uploadAndWait(s.ce.id, file, 'z.csv');
    expect(z.status).toBe('COMPUTED');
    const tomorrow = new Date(Date.parse(`${z.businessDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect((await t.http().put('/clock').set(t.admin.auth).send({ today: tomorrow })).status).toBe(200);
    const stale = expectProblem(await confirm(z.id, s.officer.auth, z.totalDeduction), 409, 'SETTLEMENT_STALE');
    expect(stale).toMatchObject({ businessDate: z.businessDate, today: tomorrow });
    expect((await t.http().post(`/settlements/${z.id}/recompute`).set(s.applicant.auth).send()).status).toBe(202);
    const behind = await waitComputed(z.id);
    expect(behind).toMatchObject({ status: 'FAILED', failure: { code: 'COB_PENDING' } });
    expect(behind.problems[0]).toMatchObject({ row: 2, code: 'COB_PENDING' });
    await expectBooksAgree();
  });
});
