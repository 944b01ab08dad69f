import { BankSimService } from '../src/bank-sim/bank-sim.service.js';
import { maskBankAccount, maskIdNumber, maskPhone } from '../src/common/identifiers.js';
import { Dec } from '../src/common/money.js';
import { PayeeAndFileChannel1764748800000 } from '../src/database/migrations/1764748800000-payee-and-file-channel.js';
import {
  approvedBatch,
  approvedLoans,
  bankTransfers,
  createBatchReq,
  executeAndWait,
  lendingSetup,
  loanStatus,
  type LendingSetup,
} from './support/disbursements.js';
import { bankCard, mobile, residentId } from './support/ids.js';
import { approveReq, submitReq } from './support/loans.js';
import { expectProblem } from './support/problems.js';
import { csvFile, entity, individual, uploadAndWait, type Row } from './support/roster-files.js';
import { waitForScreening } from './support/rosters.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Issue 9, item 3: the payee is frozen when a loan is finally approved; a roster re-upload that
 * changes a supplier's bank account, identity or credit facts sends its loans that have not started
 * paying back to review; every supplier an import changes leaves an audit event; the batch checker
 * sees a payee that changed since approval.
 */
describe('the payee: frozen at approval, guarded against roster changes', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A core enterprise whose programme needs two approvals above 50,000.00. */
  const setup = () => lendingSetup(t, { fourEyesThreshold: '50000.00' });

  async function importRows(s: LendingSetup, rows: Row[]): Promise<Record<string, any>> {
    const done = await uploadAndWait(t, s.ce.id, csvFile(rows));
    if (done.status !== 'COMPLETED') throw new Error(`import: ${JSON.stringify(done)}`);
    await waitForScreening(t, s.programme.id);
    return done;
  }

  async function supplierIds(s: LendingSetup): Promise<Map<string, string>> {
    const rows: { id: string; supplier_code: string }[] = await t.db.query(
      `SELECT id, supplier_code FROM suppliers WHERE core_enterprise_id = $1`,
      [s.ce.id],
    );
    return new Map(rows.map((r) => [r.supplier_code, r.id]));
  }

  /**
   * The officer submits a loan and the senior officer approves it once (APPROVED up to 50,000.00,
   * PENDING_SECOND_APPROVAL above).
   */
  async function loanFor(s: LendingSetup, supplierId: string, amount: string): Promise<Record<string, any>> {
    const res = await submitReq(t, s.officer, { programmeId: s.programme.id, supplierId, amount, termDays: 180 });
    if (res.status !== 201 || res.body.status !== 'PENDING_REVIEW') throw new Error(`submit: ${res.status} ${JSON.stringify(res.body)}`);
    const ok = await approveReq(t, s.senior, res.body.id);
    if (ok.status !== 200) throw new Error(`approve: ${ok.status} ${JSON.stringify(ok.body)}`);
    return ok.body;
  }

  const sub = (a: string, b: string) => new Dec(a).minus(b).toFixed(2);
  const getLoan = async (s: LendingSetup, id: string) => (await t.http().get(`/loan-applications/${id}`).set(s.officer.auth)).body;
  const available = async (s: LendingSetup, supplierId: string) =>
    (await t.http().get(`/suppliers/${supplierId}/eligibility`).query({ programmeId: s.programme.id }).set(s.officer.auth)).body;
  const auditOf = (entityType: string, entityId: string, action: string) =>
    t.db.query(
      `SELECT actor_kind, actor_id, core_enterprise_id, before, after, correlation_id FROM audit_events WHERE entity_type = $1 AND entity_id = $2 AND action = $3 ORDER BY id`,
      [entityType, entityId, action],
    );

  it('freezes the payee at final approval: batches and the pain.001 pay the approved account, not the supplier row of the day', async () => {
    const s = await setup();
    const [loan] = await approvedLoans(t, s, ['20000.00']);
    const approvedView = await getLoan(s, loan.loanId);
    expect(approvedView.payee).toEqual({
      name: expect.any(String),
      bankAccount: maskBankAccount(loan.bankAccount),
      bankName: '中国农业银行',
    });

    // the supplier row changes by a path that bypasses the roster guard (a hand edit, a future API)
    const newAccount = bankCard();
    await t.db.query(`UPDATE suppliers SET bank_account = $2, name = '改名牧户', bank_name = '中国工商银行' WHERE id = $1`, [
      loan.supplierId,
      newAccount,
    ]);

    const created = await createBatchReq(t, s, [loan.loanId]);
    expect(created.status).toBe(201);
    const [item] = created.body.items;
    expect(item).toEqual(
      expect.objectContaining({
        creditorName: approvedView.payee.name,
        creditorAccount: maskBankAccount(loan.bankAccount),
        creditorBank: '中国农业银行',
        payeeChanged: true,
      }),
    );
    expect(created.body.payeeChanged).toBe(1);
    const approved = await t.http().post(`/disbursement-batches/${created.body.id}/approve`).set(s.senior.auth).send();
    expect(approved.body.payeeChanged).toBe(1);
    const listed = await t.http().get('/disbursement-batches').query({ programmeId: s.programme.id }).set(s.senior.auth);
    expect(listed.body.items.find((b: any) => b.id === created.body.id).payeeChanged).toBe(1);

    const pain = await t.http().get(`/disbursement-batches/${created.body.id}/pain001`).set(s.officer.auth);
    expect(pain.text).toContain(`<Id>${loan.bankAccount}</Id>`);
    expect(pain.text).not.toContain(newAccount);
    const done = await executeAndWait(t, s, created.body.id);
    expect(done.status).toBe('COMPLETED');
    // once paid there is nothing left to decide: the flag is for items still to be paid
    expect(done.payeeChanged).toBe(0);
    expect(done.items[0].payeeChanged).toBe(false);
    expect(await bankTransfers(t, [loan.loanId])).toEqual([
      expect.objectContaining({ creditor_account: loan.bankAccount, status: 'SETTLED' }),
    ]);
    expect((await getLoan(s, loan.loanId)).payee).toEqual(approvedView.payee);
  });

  it('sends an APPROVED loan back to review when a roster changes its bank account, releasing the reservation, with history and audit naming the import', async () => {
    const s = await setup();
    const rows = [individual('PAY-A'), individual('PAY-B')];
    await importRows(s, rows);
    const ids = await supplierIds(s);
    const a = await loanFor(s, ids.get('PAY-A')!, '20000.00');
    const b = await loanFor(s, ids.get('PAY-B')!, '30000.00');
    expect([a.status, b.status]).toEqual(['APPROVED', 'APPROVED']);
    const before = await available(s, ids.get('PAY-A')!);
    expect(before.availableLimit).toBe(sub(before.creditLimit, '20000.00'));

    const newAccount = bankCard();
    const again = await importRows(s, [{ ...rows[0], bank_account: newAccount }, rows[1]]);
    expect(again).toEqual(expect.objectContaining({ updatedCount: 1, unchangedCount: 1 }));

    const back = await getLoan(s, a.id);
    expect(back).toEqual(
      expect.objectContaining({
        status: 'PENDING_REVIEW',
        reserved: false,
        approval: null,
        firstApproval: null,
        fourEyesRequired: null,
        payee: null,
      }),
    );
    expect(back.history.at(-1)).toEqual(
      expect.objectContaining({
        from: 'APPROVED',
        to: 'PENDING_REVIEW',
        actor: expect.objectContaining({ kind: 'SYSTEM' }),
        reason: expect.stringContaining(again.id),
      }),
    );
    expect(back.history.at(-1).reason).toContain('bankAccount');
    expect(await loanStatus(t, a.id)).toEqual(expect.objectContaining({ status: 'PENDING_REVIEW', reserved: false }));
    const after = await available(s, ids.get('PAY-A')!);
    expect(after.availableLimit).toBe(after.creditLimit);
    expect(await auditOf('LoanApplication', a.id, 'LOAN_APPLICATION_SENT_BACK')).toEqual([
      expect.objectContaining({
        actor_kind: 'SYSTEM',
        core_enterprise_id: s.ce.id,
        correlation_id: again.id,
        before: { status: 'APPROVED', reserved: true },
        after: { status: 'PENDING_REVIEW', importId: again.id, changedFields: ['bankAccount'], released: '20000.00' },
      }),
    ]);
    // the other supplier did not change: its loan is untouched
    expect(await getLoan(s, b.id)).toEqual(expect.objectContaining({ status: 'APPROVED', reserved: true }));

    // it cannot be paid before someone looks again; when approved again, the new account is frozen
    const refused = await createBatchReq(t, s, [a.id]);
    expectProblem(refused, 409, 'LOAN_NOT_APPROVED');
    const reapproved = await t
      .http()
      .post(`/loan-applications/${a.id}/approve`)
      .set(s.senior.auth)
      .send({ comment: 'new account confirmed with the farmer' });
    expect(reapproved.status).toBe(200);
    expect(reapproved.body).toEqual(
      expect.objectContaining({
        status: 'APPROVED',
        reserved: true,
        payee: expect.objectContaining({ bankAccount: maskBankAccount(newAccount) }),
      }),
    );
    const batch = await approvedBatch(t, s, [a.id]);
    expect(batch.items[0]).toEqual(expect.objectContaining({ creditorAccount: maskBankAccount(newAccount), payeeChanged: false }));
    expect(batch.payeeChanged).toBe(0);
  });

  it('sends back second approvals too, on identity and credit facts as well as the payee, but not on a phone or farm name', async () => {
    const s = await setup();
    const rows = ['ID', 'HERD', 'PHONE', 'NAME', 'PEND', 'SETTLE', 'BANK'].map((c) => individual(`CHG-${c}`));
    await importRows(s, rows);
    const ids = await supplierIds(s);
    const loans = {
      id: await loanFor(s, ids.get('CHG-ID')!, '60000.00'),
      herd: await loanFor(s, ids.get('CHG-HERD')!, '20000.00'),
      phone: await loanFor(s, ids.get('CHG-PHONE')!, '20000.00'),
      name: await loanFor(s, ids.get('CHG-NAME')!, '70000.00'),
      settle: await loanFor(s, ids.get('CHG-SETTLE')!, '20000.00'),
      bank: await loanFor(s, ids.get('CHG-BANK')!, '20000.00'),
    };
    const pendingReview = (
      await submitReq(t, s.officer, { programmeId: s.programme.id, supplierId: ids.get('CHG-PEND'), amount: '20000.00', termDays: 180 })
    ).body;
    expect(loans.id.status).toBe('PENDING_SECOND_APPROVAL');
    expect(loans.name.status).toBe('PENDING_SECOND_APPROVAL');
    const pendingHistory = (await getLoan(s, pendingReview.id)).history.length;

    const changed = rows.map((r) => {
      switch (r.supplier_code) {
        case 'CHG-ID':
          return { ...r, id_number: residentId('1979-02-03') };
        case 'CHG-HERD':
          return { ...r, herd_size: '150' };
        case 'CHG-PHONE':
          return { ...r, phone: mobile(), farm_name: '新牧场' };
        case 'CHG-NAME':
          return { ...r, name: '王新名' };
        case 'CHG-PEND':
          return { ...r, bank_account: bankCard() };
        case 'CHG-SETTLE':
          return { ...r, avg_monthly_settlement: '61000.00' };
        default:
          return { ...r, bank_name: '中国建设银行' };
      }
    });
    const imp = await importRows(s, changed);
    expect(imp.updatedCount).toBe(7);

    const reason = async (id: string) => (await getLoan(s, id)).history.at(-1).reason as string;
    const idLoan = await getLoan(s, loans.id.id);
    expect(idLoan).toEqual(
      expect.objectContaining({ status: 'PENDING_REVIEW', firstApproval: null, fourEyesRequired: null, reserved: false }),
    );
    expect(idLoan.history.at(-1)).toEqual(expect.objectContaining({ from: 'PENDING_SECOND_APPROVAL', to: 'PENDING_REVIEW' }));
    expect(await reason(loans.id.id)).toMatch(/idNumber.*birthDate|birthDate.*idNumber/);
    expect(await auditOf('LoanApplication', loans.id.id, 'LOAN_APPLICATION_SENT_BACK')).toEqual([
      expect.objectContaining({
        after: { status: 'PENDING_REVIEW', importId: imp.id, changedFields: ['birthDate', 'idNumber'], released: null },
      }),
    ]);
    expect((await getLoan(s, loans.name.id)).status).toBe('PENDING_REVIEW');
    expect(await reason(loans.name.id)).toContain('name');
    for (const [l, field] of [
      [loans.herd, 'herdSize'],
      [loans.settle, 'avgMonthlySettlement'],
      [loans.bank, 'bankName'],
    ] as const) {
      expect(await loanStatus(t, l.id)).toEqual(expect.objectContaining({ status: 'PENDING_REVIEW', reserved: false }));
      expect(await reason(l.id)).toContain(field);
    }
    // contact details change nothing about the lending decision
    expect(await loanStatus(t, loans.phone.id)).toEqual(expect.objectContaining({ status: 'APPROVED', reserved: true }));
    // already in review: nothing to send back
    const pend = await getLoan(s, pendingReview.id);
    expect(pend.status).toBe('PENDING_REVIEW');
    expect(pend.history).toHaveLength(pendingHistory);
  });

  it('lets loans in an open batch or already paying keep their frozen payee, and shows the batch checker that the payee changed', async () => {
    const s = await setup();
    const rows = [individual('OPEN-DRAFT'), individual('OPEN-FILE'), individual('OPEN-SAME')];
    await importRows(s, rows);
    const ids = await supplierIds(s);
    const draftLoan = await loanFor(s, ids.get('OPEN-DRAFT')!, '20000.00');
    const fileLoan = await loanFor(s, ids.get('OPEN-FILE')!, '21000.00');
    const sameLoan = await loanFor(s, ids.get('OPEN-SAME')!, '22000.00');
    const draft = await createBatchReq(t, s, [draftLoan.id, sameLoan.id]);
    expect(draft.body.payeeChanged).toBe(0);
    const sent = await approvedBatch(t, s, [fileLoan.id]);
    expect((await t.http().post(`/disbursement-batches/${sent.id}/send-as-file`).set(s.officer.auth).send()).status).toBe(200);

    const imp = await importRows(s, [
      { ...rows[0], bank_account: bankCard() },
      { ...rows[1], bank_account: bankCard(), name: '改名合作社' },
      { ...rows[2], phone: mobile() },
    ]);
    expect(imp.updatedCount).toBe(3);

    expect(await loanStatus(t, draftLoan.id)).toEqual(expect.objectContaining({ status: 'APPROVED', reserved: true }));
    expect(await loanStatus(t, fileLoan.id)).toEqual(expect.objectContaining({ status: 'DISBURSING', reserved: true }));
    for (const l of [draftLoan, fileLoan]) expect(await auditOf('LoanApplication', l.id, 'LOAN_APPLICATION_SENT_BACK')).toEqual([]);

    const view = (await t.http().get(`/disbursement-batches/${draft.body.id}`).set(s.senior.auth)).body;
    expect(view.payeeChanged).toBe(1);
    const itemOf = (loanId: string) => view.items.find((i: any) => i.loanApplicationId === loanId);
    expect(itemOf(draftLoan.id)).toEqual(
      expect.objectContaining({
        payeeChanged: true,
        creditorAccount: draft.body.items.find((i: any) => i.loanApplicationId === draftLoan.id).creditorAccount,
      }),
    );
    expect(itemOf(sameLoan.id).payeeChanged).toBe(false);
    const fileView = (await t.http().get(`/disbursement-batches/${sent.id}`).set(s.senior.auth)).body;
    expect(fileView.payeeChanged).toBe(1);
    expect(fileView.items[0].payeeChanged).toBe(true);

    // the checker approves knowingly: the money goes where it was approved to go
    const approved = await t.http().post(`/disbursement-batches/${draft.body.id}/approve`).set(s.senior.auth).send();
    expect(approved.status).toBe(200);
    expect((await executeAndWait(t, s, draft.body.id)).status).toBe('COMPLETED');
    const paid = await bankTransfers(t, [draftLoan.id]);
    const frozen = await t.db.query(`SELECT payee_account FROM loan_applications WHERE id = $1`, [draftLoan.id]);
    expect(paid).toEqual([expect.objectContaining({ creditor_account: frozen[0].payee_account })]);
    const current = await t.db.query(`SELECT bank_account FROM suppliers WHERE id = $1`, [ids.get('OPEN-DRAFT')]);
    expect(paid[0].creditor_account).not.toBe(current[0].bank_account);
  });

  it('writes one SUPPLIER_UPDATED audit event per changed supplier, with masked before/after of the changed fields only; an unchanged re-import writes none', async () => {
    const s = await setup();
    const rows = [individual('AUD-IND'), entity('AUD-ENT'), individual('AUD-SAME')];
    await importRows(s, rows);
    const ids = await supplierIds(s);
    const newId = residentId('1982-11-30');
    const newPhone = mobile();
    const newAccount = bankCard();
    const newRep = residentId('1970-01-02');
    const changed = [
      {
        ...rows[0],
        id_number: newId,
        phone: newPhone,
        bank_account: newAccount,
        herd_size: '130',
        years_experience: '9.5',
        epidemic_cert_expiry: '2098-06-30',
      },
      { ...rows[1], legal_rep_id_number: newRep, bank_name: '内蒙古农村信用社', avg_monthly_settlement: '' },
      rows[2],
    ];
    const imp = await importRows(s, changed);
    expect(imp).toEqual(expect.objectContaining({ updatedCount: 2, unchangedCount: 1 }));

    const ind = await auditOf('Supplier', ids.get('AUD-IND')!, 'SUPPLIER_UPDATED');
    expect(ind).toEqual([
      {
        actor_kind: 'SYSTEM',
        actor_id: 'roster-import',
        core_enterprise_id: s.ce.id,
        correlation_id: imp.id,
        before: {
          idNumber: maskIdNumber(rows[0].id_number),
          birthDate: '1980-05-17',
          phone: maskPhone(rows[0].phone),
          bankAccount: maskBankAccount(rows[0].bank_account),
          herdSize: 120,
          yearsExperience: '8.00',
          epidemicCertExpiry: '2099-12-31',
        },
        after: {
          idNumber: maskIdNumber(newId),
          birthDate: '1982-11-30',
          phone: maskPhone(newPhone),
          bankAccount: maskBankAccount(newAccount),
          herdSize: 130,
          yearsExperience: '9.50',
          epidemicCertExpiry: '2098-06-30',
        },
      },
    ]);
    const ent = await auditOf('Supplier', ids.get('AUD-ENT')!, 'SUPPLIER_UPDATED');
    expect(ent).toEqual([
      expect.objectContaining({
        // an ENTITY's age is its legal representative's: the birth date follows the new representative
        before: {
          legalRepIdNumber: maskIdNumber(rows[1].legal_rep_id_number),
          birthDate: '1975-03-09',
          bankName: '中国农业银行',
          avgMonthlySettlement: '60000.00',
        },
        after: {
          legalRepIdNumber: maskIdNumber(newRep),
          birthDate: '1970-01-02',
          bankName: '内蒙古农村信用社',
          avgMonthlySettlement: null,
        },
      }),
    ]);
    expect(await auditOf('Supplier', ids.get('AUD-SAME')!, 'SUPPLIER_UPDATED')).toEqual([]);
    // no full identifier anywhere in the trail
    const trail = JSON.stringify([ind, ent]);
    for (const v of [
      rows[0].id_number,
      newId,
      rows[0].phone,
      newPhone,
      rows[0].bank_account,
      newAccount,
      rows[1].legal_rep_id_number,
      newRep,
    ])
      expect(trail).not.toContain(v);

    // the same file again changes nothing and records nothing
    const countEvents = async () =>
      (
        await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'SUPPLIER_UPDATED' AND core_enterprise_id = $1`, [
          s.ce.id,
        ])
      )[0].n;
    expect(await countEvents()).toBe(2);
    const same = await importRows(s, changed);
    expect(same).toEqual(expect.objectContaining({ updatedCount: 0, unchangedCount: 3 }));
    expect(await countEvents()).toBe(2);
  });

  it('masks identifiers in SQL exactly as the service masks them', async () => {
    const samples = [
      null,
      '',
      '1',
      '1234',
      '12345678',
      '123456789',
      '1381234567',
      '13812345678',
      '150102198005171234',
      '11010519491231002X',
      '6228480402564890018',
      '110060123456789012',
      '12345678901234567890123456789012',
      '张三',
      '张三丰李四王五赵六钱七',
    ];
    const rows: { v: string | null; id: string | null; account: string | null; phone: string | null }[] = await t.db.query(
      `SELECT v, mask_id_number(v) AS id, mask_bank_account(v) AS account, mask_phone(v) AS phone FROM unnest($1::text[]) WITH ORDINALITY AS x(v, n) ORDER BY n`,
      [samples],
    );
    expect(rows).toEqual(samples.map((v) => ({ v, id: maskIdNumber(v), account: maskBankAccount(v), phone: maskPhone(v) })));
  });

  it('backfills the payee of approved and paid loans: from their latest batch item, else from the supplier', async () => {
    const s = await setup();
    const [paid, waiting, again] = await approvedLoans(t, s, ['10000.00', '11000.00', '12000.00']);
    const first = await approvedBatch(t, s, [paid.loanId, again.loanId]);
    // the bank refuses `again`: it goes back to APPROVED and waits for another batch
    t.app.get(BankSimService).configure({ badAccounts: [again.bankAccount] });
    try {
      expect((await executeAndWait(t, s, first.id)).status).toBe('PARTIALLY_FAILED');
    } finally {
      t.app.get(BankSimService).configure({ badAccounts: [] });
    }
    const submitted = await submitReq(t, s.officer, {
      programmeId: s.programme.id,
      supplierId: (await approvedLoans(t, s, ['10000.00']))[0].supplierId,
      amount: '10000.00',
      termDays: 180,
    });
    expect(submitted.body.status).toBe('PENDING_REVIEW');
    // the supplier rows move on after the batch was made
    await t.db.query(
      `UPDATE suppliers SET bank_account = '6228' || substr(bank_account, 5, 11) || '0000', name = name || '（新）' WHERE core_enterprise_id = $1`,
      [s.ce.id],
    );
    const supplier = async (id: string) => (await t.db.query(`SELECT name, bank_account, bank_name FROM suppliers WHERE id = $1`, [id]))[0];
    const itemOf = (loanId: string) => first.items.find((i: any) => i.loanApplicationId === loanId);

    const runner = t.db.createQueryRunner();
    await runner.connect();
    try {
      const migration = new PayeeAndFileChannel1764748800000();
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }

    const payees: { id: string; payee_name: string | null; payee_account: string | null; payee_bank: string | null }[] = await t.db.query(
      `SELECT id, payee_name, payee_account, payee_bank FROM loan_applications WHERE id = ANY($1::uuid[])`,
      [[paid.loanId, waiting.loanId, again.loanId, submitted.body.id]],
    );
    const of = (id: string) => payees.find((p) => p.id === id)!;
    // paid, and refused by the bank: what their batch item carried
    for (const l of [paid, again]) {
      expect(of(l.loanId)).toEqual(
        expect.objectContaining({ payee_name: itemOf(l.loanId).creditorName, payee_account: l.bankAccount, payee_bank: '中国农业银行' }),
      );
    }
    // approved, never in a batch: the supplier as it stands
    const now = await supplier(waiting.supplierId);
    expect(of(waiting.loanId)).toEqual(
      expect.objectContaining({ payee_name: now.name, payee_account: now.bank_account, payee_bank: now.bank_name }),
    );
    expect(now.bank_account).not.toBe(waiting.bankAccount);
    // not approved: nothing to freeze
    expect(of(submitted.body.id)).toEqual(expect.objectContaining({ payee_name: null, payee_account: null, payee_bank: null }));
    expect((await loanStatus(t, paid.loanId)).status).toBe('DISBURSED');
  });
});
