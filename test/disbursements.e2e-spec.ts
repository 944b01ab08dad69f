import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { BankSimService } from '../src/bank-sim/bank-sim.service.js';
import { buildPain002 } from '../src/disbursements/iso20022/pain002.js';
import {
  approvedBatch,
  approvedLoans,
  bankTransfers,
  calmBank,
  createBatchReq,
  executeAndWait,
  lendingSetup,
  loanStatus,
  settledCounts,
  sumFen,
  waitForBatch,
  type LendingSetup,
} from './support/disbursements.js';
import { submitReq } from './support/loans.js';
import { expectProblem } from './support/problems.js';
import { insertSuppliers } from './support/suppliers.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const maskedAccount = (account: string) => `${account.slice(0, 4)}${'*'.repeat(account.length - 8)}${account.slice(-4)}`;

describe('disbursement batches', () => {
  let t: TestApp;
  let s: LendingSetup;

  beforeAll(async () => {
    t = await createTestApp();
    s = await lendingSetup(t);
  });
  afterAll(async () => {
    await t?.close();
  });
  afterEach(() => {
    calmBank(t);
  });

  it('creates, approves and executes a batch, paying each loan once, with totals exact to the fen', async () => {
    const amounts = ['10000.10', '20000.20', '30000.30', '45678.91'];
    const loans = await approvedLoans(t, s, amounts);
    const ids = loans.map((l) => l.loanId);
    const total = '105679.51';
    expect(sumFen(amounts)).toBe(total);

    const created = await createBatchReq(t, s, ids);
    expect(created.status).toBe(201);
    const b = created.body;
    expect(b).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        programmeId: s.programme.id,
        coreEnterpriseId: s.ce.id,
        status: 'DRAFT',
        channel: null,
        messageId: expect.stringMatching(/^[A-Za-z0-9]{1,35}$/),
        createdBy: s.officer.username,
        approvedBy: null,
        counts: { items: 4, pending: 4, sent: 0, settled: 0, failed: 0 },
        totals: { amount: total, settled: '0.00', failed: '0.00', outstanding: total },
      }),
    );
    expect(b.items).toHaveLength(4);
    expect(b.items.map((i: any) => i.loanApplicationId).sort()).toEqual([...ids].sort());
    const e2eIds = new Set<string>();
    for (const item of b.items) {
      const loan = loans.find((l) => l.loanId === item.loanApplicationId)!;
      expect(item.amount).toBe(loan.amount);
      expect(item.status).toBe('PENDING');
      expect(item.attempts).toBe(0);
      expect(item.failureCode).toBeNull();
      expect(item.failureReason).toBeNull();
      expect(item.creditorName).toEqual(expect.any(String));
      // masked: never the full account in the API
      expect(item.creditorAccount).not.toBe(loan.bankAccount);
      expect(item.creditorAccount).toBe(maskedAccount(loan.bankAccount));
      expect(item.endToEndId).toMatch(/^[A-Za-z0-9]{1,35}$/);
      e2eIds.add(item.endToEndId);
    }
    expect(e2eIds.size).toBe(4);
    expect(JSON.stringify(b)).not.toContain(loans[0].bankAccount);

    // a DRAFT pays nothing and keeps the loans APPROVED
    for (const id of ids) expect((await loanStatus(t, id)).status).toBe('APPROVED');

    const approved = await t.http().post(`/disbursement-batches/${b.id}/approve`).set(s.senior.auth).send();
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('APPROVED');
    expect(approved.body.approvedBy).toBe(s.senior.username);
    expect(approved.body.approvedAt).toEqual(expect.any(String));

    const exec = await t.http().post(`/disbursement-batches/${b.id}/execute`).set(s.officer.auth).send();
    expect(exec.status).toBe(202);
    expect(['EXECUTING', 'COMPLETED']).toContain(exec.body.status);
    expect(exec.body.channel).toBe('API');

    const done = await waitForBatch(t, b.id, s.officer);
    expect(done.status).toBe('COMPLETED');
    expect(done.finishedAt).toEqual(expect.any(String));
    expect(done.counts).toEqual({ items: 4, pending: 0, sent: 0, settled: 4, failed: 0 });
    expect(done.totals).toEqual({ amount: total, settled: total, failed: '0.00', outstanding: '0.00' });
    for (const item of done.items) {
      expect(item.status).toBe('SETTLED');
      expect(item.attempts).toBe(1);
      expect(e2eIds.has(item.endToEndId)).toBe(true);
    }

    for (const l of loans) {
      const loan = await t.http().get(`/loan-applications/${l.loanId}`).set(s.officer.auth);
      expect(loan.body.status).toBe('DISBURSED');
      expect(loan.body.valueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(loan.body.history.map((h: any) => h.to)).toEqual(expect.arrayContaining(['APPROVED', 'DISBURSING', 'DISBURSED']));

      const transfers = await t.http().get('/bank-sim/transfers').query({ reference: l.loanId }).set(s.officer.auth);
      expect(transfers.status).toBe(200);
      expect(transfers.body.total).toBe(1);
      const [tr] = transfers.body.items;
      const item = done.items.find((i: any) => i.loanApplicationId === l.loanId);
      // the simulator's read API masks the account like every other list (PIPL)
      expect(tr).toEqual(
        expect.objectContaining({
          endToEndId: item.endToEndId,
          reference: l.loanId,
          amount: l.amount,
          creditorAccount: maskedAccount(l.bankAccount),
          status: 'SETTLED',
          createdAt: expect.any(String),
        }),
      );
      const byE2e = await t.http().get('/bank-sim/transfers').query({ endToEndId: item.endToEndId }).set(s.senior.auth);
      expect(byE2e.body.total).toBe(1);
      expect(byE2e.body.items[0].reference).toBe(l.loanId);
      const one = await t.http().get(`/bank-sim/transfers/${item.endToEndId}`).set(s.officer.auth);
      expect(one.status).toBe(200);
      expect(one.body.creditorAccount).toBe(maskedAccount(l.bankAccount));
      expect(JSON.stringify([transfers.body, byE2e.body, one.body])).not.toContain(l.bankAccount);
    }

    const list = await t.http().get('/disbursement-batches').query({ programmeId: s.programme.id, status: 'COMPLETED' }).set(s.senior.auth);
    expect(list.status).toBe(200);
    const summary = list.body.items.find((x: any) => x.id === b.id);
    expect(summary).toEqual(expect.objectContaining({ status: 'COMPLETED', totals: done.totals, counts: done.counts }));
    expect(summary.items).toBeUndefined();
  });

  it('makes a batch of every APPROVED loan of the programme when no ids are given, and none twice', async () => {
    const own = await lendingSetup(t);
    const loans = await approvedLoans(t, own, ['11111.11', '22222.22', '33333.33']);
    const first = await createBatchReq(t, own, [loans[0].loanId]);
    expect(first.status).toBe(201);

    const rest = await createBatchReq(t, own);
    expect(rest.status).toBe(201);
    expect(rest.body.items.map((i: any) => i.loanApplicationId).sort()).toEqual([loans[1].loanId, loans[2].loanId].sort());
    expect(rest.body.totals.amount).toBe('55555.55');

    const none = await createBatchReq(t, own);
    expectProblem(none, 422, 'NOTHING_TO_DISBURSE');
  });

  it('refuses loans that cannot go into a batch', async () => {
    const other = await lendingSetup(t);
    const [inOther] = await approvedLoans(t, other, ['15000.00']);
    const loans = await approvedLoans(t, s, ['12000.00', '13000.00']);

    const first = await createBatchReq(t, s, [loans[0].loanId]);
    expect(first.status).toBe(201);

    // already in an open (DRAFT) batch
    const twice = await createBatchReq(t, s, [loans[0].loanId, loans[1].loanId]);
    expectProblem(twice, 409, 'LOAN_IN_OPEN_BATCH');
    expect(twice.body.detail).toContain(loans[0].loanId);

    // still open once approved
    const ok = await t.http().post(`/disbursement-batches/${first.body.id}/approve`).set(s.senior.auth).send();
    expect(ok.status).toBe(200);
    const again = await createBatchReq(t, s, [loans[0].loanId]);
    expectProblem(again, 409, 'LOAN_IN_OPEN_BATCH');

    const foreign = await createBatchReq(t, s, [inOther.loanId]);
    expectProblem(foreign, 422, 'LOAN_NOT_IN_PROGRAMME');

    const unknown = await createBatchReq(t, s, [randomUUID()]);
    expectProblem(unknown, 404);

    // a loan still waiting for review
    const [sup] = await insertSuppliers(t, s.ce.id, [{}]);
    const pending = await submitReq(t, s.officer, { programmeId: s.programme.id, supplierId: sup.id, amount: '10000.00', termDays: 180 });
    expect(pending.body.status).toBe('PENDING_REVIEW');
    const notApproved = await createBatchReq(t, s, [pending.body.id]);
    expectProblem(notApproved, 409, 'LOAN_NOT_APPROVED');

    // nothing was made by the refused requests: only the first batch holds any of these loans
    const items = await t.db.query(`SELECT DISTINCT batch_id FROM disbursement_items WHERE loan_application_id = ANY($1::uuid[])`, [
      [...loans.map((l) => l.loanId), inOther.loanId, pending.body.id],
    ]);
    expect(items.map((r: any) => r.batch_id)).toEqual([first.body.id]);

    const badBody = await createBatchReq(t, s, ['nope']);
    expectProblem(badBody, 400, 'VALIDATION_FAILED');
    const noProgramme = await t.http().post('/disbursement-batches').set(s.officer.auth).send({ programmeId: randomUUID() });
    expectProblem(noProgramme, 404);
  });

  it('pays no loan of a supplier blacklisted after its approval: not put in a batch, nor approved in one', async () => {
    const own = await lendingSetup(t);
    const [early, late, clean] = await approvedLoans(t, own, ['10000.00', '20000.00', '30000.00']);
    const blacklist = (supplierId: string) =>
      t.http().post(`/suppliers/${supplierId}/blacklist`).set(own.officer.auth).send({ reason: 'forged delivery records' });

    // a DRAFT made before the blacklisting is not approved by the checker
    const draft = await createBatchReq(t, own, [late.loanId]);
    expect(draft.status).toBe(201);
    expect((await blacklist(late.supplierId)).status).toBe(200);
    const approve = await t.http().post(`/disbursement-batches/${draft.body.id}/approve`).set(own.senior.auth).send();
    expectProblem(approve, 409, 'SUPPLIER_BLACKLISTED');
    expect(approve.body.detail).toContain(late.loanId);
    expect((await t.http().delete(`/disbursement-batches/${draft.body.id}`).set(own.officer.auth)).status).toBe(204);

    // named: refused; all of the programme: left out
    expect((await blacklist(early.supplierId)).status).toBe(200);
    const named = await createBatchReq(t, own, [early.loanId, clean.loanId]);
    expectProblem(named, 409, 'SUPPLIER_BLACKLISTED');
    expect(named.body.detail).toContain(early.loanId);
    const all = await createBatchReq(t, own);
    expect(all.status).toBe(201);
    expect(all.body.items.map((i: any) => i.loanApplicationId)).toEqual([clean.loanId]);
  });

  it('puts a loan into one batch only when two officers make batches at the same moment', async () => {
    const own = await lendingSetup(t);
    const other = await t.user('OFFICER');
    const loans = await approvedLoans(t, own, ['10000.00', '20000.00', '30000.00']);
    const ids = loans.map((l) => l.loanId);

    const byIds = await Promise.all(
      [own.officer, other].map((u) =>
        t.http().post('/disbursement-batches').set(u.auth).send({ programmeId: own.programme.id, loanApplicationIds: ids }),
      ),
    );
    expect(byIds.map((r) => r.status).sort()).toEqual([201, 409]);
    expectProblem(
      byIds.find((r) => r.status === 409)!,
      409,
      'LOAN_IN_OPEN_BATCH',
    );
    const winner = byIds.find((r) => r.status === 201)!;
    expect(await t.http().delete(`/disbursement-batches/${winner.body.id}`).set(own.officer.auth)).toHaveProperty('status', 204);

    const all = await Promise.all(
      [own.officer, other].map((u) => t.http().post('/disbursement-batches').set(u.auth).send({ programmeId: own.programme.id })),
    );
    const made = all.filter((r) => r.status === 201);
    expect(made).toHaveLength(1);
    const refused = all.find((r) => r.status !== 201)!;
    expect([409, 422]).toContain(refused.status);
    expectProblem(refused, refused.status);
    expect(made[0].body.counts.items).toBe(3);
    const open = await t.db.query(
      `SELECT loan_application_id, count(*)::int AS n FROM disbursement_items WHERE loan_application_id = ANY($1::uuid[]) AND status IN ('PENDING', 'SENT') GROUP BY 1`,
      [ids],
    );
    expect(open.map((r: any) => r.n)).toEqual([1, 1, 1]);
  });

  it('honours Idempotency-Key when making a batch', async () => {
    const own = await lendingSetup(t);
    await approvedLoans(t, own, ['10000.00', '20000.00']);
    const send = () =>
      t
        .http()
        .post('/disbursement-batches')
        .set(own.officer.auth)
        .set('Idempotency-Key', 'make-batch-1')
        .send({ programmeId: own.programme.id });
    const first = await send();
    expect(first.status).toBe(201);
    const again = await send();
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    const batches = await t.db.query(`SELECT count(*)::int AS n FROM disbursement_batches WHERE programme_id = $1`, [own.programme.id]);
    expect(batches[0].n).toBe(1);
    const reused = await t
      .http()
      .post('/disbursement-batches')
      .set(own.officer.auth)
      .set('Idempotency-Key', 'make-batch-1')
      .send({ programmeId: s.programme.id });
    expectProblem(reused, 422, 'IDEMPOTENCY_KEY_REUSED');
  });

  it('refuses to start, paying nothing, when a loan of the batch is no longer APPROVED', async () => {
    const loans = await approvedLoans(t, s, ['10000.00', '20000.00']);
    const batch = await approvedBatch(
      t,
      s,
      loans.map((l) => l.loanId),
    );
    // (the API refuses to cancel a loan in an open batch; the state is forced here to exercise the guard)
    await t.db.query(`UPDATE loan_applications SET status = 'CANCELLED', reserved = false WHERE id = $1`, [loans[1].loanId]);
    const res = await t.http().post(`/disbursement-batches/${batch.id}/execute`).set(s.officer.auth).send();
    expectProblem(res, 409, 'LOAN_NOT_APPROVED');
    const after = await t.http().get(`/disbursement-batches/${batch.id}`).set(s.officer.auth);
    expect(after.body.status).toBe('APPROVED');
    expect(after.body.counts.pending).toBe(2);
    expect(
      await bankTransfers(
        t,
        loans.map((l) => l.loanId),
      ),
    ).toEqual([]);
    expect((await loanStatus(t, loans[0].loanId)).status).toBe('APPROVED');
  });

  it('is approved by a senior officer other than its maker, once', async () => {
    const own = await lendingSetup(t);
    const loans = await approvedLoans(t, own, ['10000.00']);
    const created = await createBatchReq(t, own);
    expect(created.status).toBe(201);
    const id = created.body.id;

    const byOfficer = await t.http().post(`/disbursement-batches/${id}/approve`).set(own.officer.auth).send();
    expectProblem(byOfficer, 403, 'FORBIDDEN');

    // The maker promoted to senior officer is still the maker.
    await t.db.query(`UPDATE users SET role = 'SENIOR_OFFICER' WHERE id = $1`, [own.officer.id]);
    const promoted = await t.login(own.officer.username, own.officer.password);
    const selfApproval = await t.http().post(`/disbursement-batches/${id}/approve`).set('Authorization', `Bearer ${promoted}`).send();
    expectProblem(selfApproval, 409, 'MAKER_CHECKER_SAME_USER');
    const still = await t.http().get(`/disbursement-batches/${id}`).set(own.senior.auth);
    expect(still.body.status).toBe('DRAFT');
    expect(still.body.approvedBy).toBeNull();

    const ok = await t.http().post(`/disbursement-batches/${id}/approve`).set(own.senior.auth).send();
    expect(ok.status).toBe(200);
    const twice = await t.http().post(`/disbursement-batches/${id}/approve`).set(own.senior.auth).send();
    expectProblem(twice, 409, 'INVALID_BATCH_TRANSITION');
    // a senior officer cannot make batches
    const seniorMakes = await t.http().post('/disbursement-batches').set(own.senior.auth).send({ programmeId: own.programme.id });
    expectProblem(seniorMakes, 403, 'FORBIDDEN');
    expect((await loanStatus(t, loans[0].loanId)).status).toBe('APPROVED');
  });

  it('refuses to execute a DRAFT and pays nothing', async () => {
    const loans = await approvedLoans(t, s, ['10500.50']);
    const created = await createBatchReq(t, s, [loans[0].loanId]);
    const exec = await t.http().post(`/disbursement-batches/${created.body.id}/execute`).set(s.officer.auth).send();
    expectProblem(exec, 409, 'INVALID_BATCH_TRANSITION');
    const view = await t.http().get(`/disbursement-batches/${created.body.id}`).set(s.officer.auth);
    expect(view.body.status).toBe('DRAFT');
    expect(view.body.counts.pending).toBe(1);
    expect(await bankTransfers(t, [loans[0].loanId])).toEqual([]);
    expect((await loanStatus(t, loans[0].loanId)).status).toBe('APPROVED');
  });

  it('executes once however often it is asked, with one transfer per loan', async () => {
    const amounts = ['10000.01', '20000.02', '30000.03', '40000.04', '50000.05'];
    const loans = await approvedLoans(t, s, amounts);
    const ids = loans.map((l) => l.loanId);
    const batch = await approvedBatch(t, s, ids);

    const [a, b] = await Promise.all([
      t.http().post(`/disbursement-batches/${batch.id}/execute`).set(s.officer.auth).send(),
      t.http().post(`/disbursement-batches/${batch.id}/execute`).set(s.senior.auth).send(),
    ]);
    expect(a.status).toBe(202);
    expect(b.status).toBe(202);
    const third = await t.http().post(`/disbursement-batches/${batch.id}/execute`).set(s.officer.auth).send();
    expect(third.status).toBe(202);
    expect(third.body.id).toBe(batch.id);

    const done = await waitForBatch(t, batch.id, s.officer);
    expect(done.status).toBe('COMPLETED');
    expect(done.totals.settled).toBe(sumFen(amounts));

    // after it is finished: answered as it stands
    const late = await t.http().post(`/disbursement-batches/${batch.id}/execute`).set(s.senior.auth).send();
    expect(late.status).toBe(202);
    expect(late.body.status).toBe('COMPLETED');
    expect(late.body.counts).toEqual(done.counts);

    await new Promise((r) => setTimeout(r, 300));
    const transfers = await bankTransfers(t, ids);
    expect(transfers).toHaveLength(5);
    expect([...(await settledCounts(t, ids)).values()]).toEqual([1, 1, 1, 1, 1]);
    const executing = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = 'DISBURSEMENT_BATCH_EXECUTING'`,
      [batch.id],
    );
    expect(executing[0].n).toBe(1);
  });

  it('discards a DRAFT, freeing its loans, but nothing further along', async () => {
    const loans = await approvedLoans(t, s, ['14000.14', '16000.16']);
    const ids = loans.map((l) => l.loanId);
    const draft = await createBatchReq(t, s, ids);
    expect(draft.status).toBe(201);

    const del = await t.http().delete(`/disbursement-batches/${draft.body.id}`).set(s.officer.auth);
    expect(del.status).toBe(204);
    expectProblem(await t.http().get(`/disbursement-batches/${draft.body.id}`).set(s.officer.auth), 404);
    expectProblem(await t.http().delete(`/disbursement-batches/${draft.body.id}`).set(s.officer.auth), 404);
    for (const id of ids) {
      const l = await loanStatus(t, id);
      expect(l.status).toBe('APPROVED');
      expect(l.reserved).toBe(true);
    }

    const batch = await approvedBatch(t, s, ids);
    expect(batch.counts.items).toBe(2);
    expectProblem(await t.http().delete(`/disbursement-batches/${batch.id}`).set(s.officer.auth), 409, 'INVALID_BATCH_TRANSITION');
    expect((await t.http().get(`/disbursement-batches/${batch.id}`).set(s.officer.auth)).body.status).toBe('APPROVED');
    expectProblem(await t.http().delete(`/disbursement-batches/${batch.id}`).set(s.senior.auth), 403, 'FORBIDDEN');
  });

  it('fails the item the bank refuses (AC01), returns its loan to APPROVED and lets it be paid in a later batch', async () => {
    const loans = await approvedLoans(t, s, ['10000.10', '20000.20', '30000.30']);
    const ids = loans.map((l) => l.loanId);
    const bad = loans[1];
    const before = await t
      .http()
      .get(`/suppliers/${bad.supplierId}/eligibility`)
      .query({ programmeId: s.programme.id })
      .set(s.officer.auth);
    expect(before.status).toBe(200);

    t.app.get(BankSimService).configure({ badAccounts: [bad.bankAccount] });
    const batch = await approvedBatch(t, s, ids);
    const done = await executeAndWait(t, s, batch.id);

    expect(done.status).toBe('PARTIALLY_FAILED');
    expect(done.counts).toEqual({ items: 3, pending: 0, sent: 0, settled: 2, failed: 1 });
    expect(done.totals).toEqual({ amount: '60000.60', settled: '40000.40', failed: '20000.20', outstanding: '0.00' });
    const failed = done.items.find((i: any) => i.loanApplicationId === bad.loanId);
    expect(failed).toEqual(
      expect.objectContaining({ status: 'FAILED', failureCode: 'AC01', failureReason: expect.stringMatching(/account/i) }),
    );

    const loan = await t.http().get(`/loan-applications/${bad.loanId}`).set(s.officer.auth);
    expect(loan.body.status).toBe('APPROVED');
    expect(loan.body.reserved).toBe(false);
    expect(loan.body.valueDate).toBeNull();
    expect(loan.body.history.at(-1)).toEqual(
      expect.objectContaining({ from: 'DISBURSING', to: 'APPROVED', reason: expect.stringContaining('AC01') }),
    );
    // its reservation went back: the supplier's available limit is the whole limit again
    const after = await t.http().get(`/suppliers/${bad.supplierId}/eligibility`).query({ programmeId: s.programme.id }).set(s.officer.auth);
    expect(after.body.availableLimit).toBe(after.body.creditLimit);
    expect(before.body.availableLimit).not.toBe(before.body.creditLimit);

    const rejected = await bankTransfers(t, [bad.loanId]);
    expect(rejected).toEqual([expect.objectContaining({ status: 'REJECTED', reason_code: 'AC01', end_to_end_id: failed.endToEndId })]);
    for (const l of [loans[0], loans[2]]) expect((await loanStatus(t, l.loanId)).status).toBe('DISBURSED');

    // The account is put right; the loan goes into a new batch and is paid under a new endToEndId.
    t.app.get(BankSimService).configure({ badAccounts: [] });
    const retry = await approvedBatch(t, s, [bad.loanId]);
    expect(retry.items[0].endToEndId).not.toBe(failed.endToEndId);
    const paid = await executeAndWait(t, s, retry.id);
    expect(paid.status).toBe('COMPLETED');
    expect((await loanStatus(t, bad.loanId)).status).toBe('DISBURSED');
    expect((await settledCounts(t, [bad.loanId])).get(bad.loanId)).toBe(1);
    expect(await bankTransfers(t, [bad.loanId])).toHaveLength(2);
  });

  it('ends FAILED when the bank refuses every item', async () => {
    const loans = await approvedLoans(t, s, ['10000.00', '10000.01']);
    t.app.get(BankSimService).configure({ badAccounts: loans.map((l) => l.bankAccount) });
    const batch = await approvedBatch(
      t,
      s,
      loans.map((l) => l.loanId),
    );
    const done = await executeAndWait(t, s, batch.id);
    expect(done.status).toBe('FAILED');
    expect(done.counts).toEqual({ items: 2, pending: 0, sent: 0, settled: 0, failed: 2 });
    expect(done.totals).toEqual({ amount: '20000.01', settled: '0.00', failed: '20000.01', outstanding: '0.00' });
    for (const i of done.items) expect(i.failureCode).toBe('AC01');
    for (const l of loans) expect(await loanStatus(t, l.loanId)).toEqual(expect.objectContaining({ status: 'APPROVED', reserved: false }));
  });

  it('lets a loan have only one SETTLED payment, whatever writes it', async () => {
    const [loan] = await approvedLoans(t, s, ['10100.01']);
    const batch = await approvedBatch(t, s, [loan.loanId]);
    expect((await executeAndWait(t, s, batch.id)).status).toBe('COMPLETED');
    // a second SETTLED item for the same loan, as a bug or a hand edit would write it
    const other = await t.db.query(
      `INSERT INTO disbursement_batches (programme_id, core_enterprise_id, status, message_id, created_by_id, created_by)
       VALUES ($1, $2, 'EXECUTING', 'CLBSECONDPAYMENT', 'x', 'x') RETURNING id`,
      [s.programme.id, s.ce.id],
    );
    const second = t.db.query(
      `INSERT INTO disbursement_items (batch_id, core_enterprise_id, seq, loan_application_id, amount, creditor_name, creditor_account,
                                       end_to_end_id, status)
       VALUES ($1, $4, 1, $2, $3, 'x', '6228480000000000000', 'CLSECONDPAYMENT', 'SETTLED')`,
      [other[0].id, loan.loanId, loan.amount, s.ce.id],
    );
    await expect(second).rejects.toMatchObject({ code: '23505', constraint: 'uq_disbursement_items_settled_loan' });
    // failed attempts are no payment: any number of them may stand beside the one that paid
    await t.db.query(
      `INSERT INTO disbursement_items (batch_id, core_enterprise_id, seq, loan_application_id, amount, creditor_name, creditor_account,
                                       end_to_end_id, status)
       VALUES ($1, $4, 1, $2, $3, 'x', '6228480000000000000', 'CLFAILEDATTEMPT', 'FAILED')`,
      [other[0].id, loan.loanId, loan.amount, s.ce.id],
    );
  });

  describe('access', () => {
    let draftId: string;
    let approvedId: string;
    let finishedId: string;
    let report: string;

    beforeAll(async () => {
      const loans = await approvedLoans(t, s, ['10000.00', '11000.00', '12000.00']);
      draftId = (
        await t
          .http()
          .post('/disbursement-batches')
          .set(s.officer.auth)
          .send({ programmeId: s.programme.id, loanApplicationIds: [loans[0].loanId] })
      ).body.id;
      const approved = await approvedBatch(t, s, [loans[1].loanId]);
      approvedId = approved.id;
      report = buildPain002({
        messageId: 'ACCESS-TEST-1',
        createdAt: new Date(),
        originalMessageId: approved.messageId,
        originalMessageType: 'pain.001.001.09',
        transactions: [{ endToEndId: approved.items[0].endToEndId, status: 'ACSC' }],
      });
      const finished = await approvedBatch(t, s, [loans[2].loanId]);
      finishedId = finished.id;
      await executeAndWait(t, s, finishedId);
    });

    type Headers = Record<string, string>;
    const endpoints = (id: string, xml: string): [string, (h: Headers) => Promise<Response>][] => [
      ['POST /disbursement-batches', (h) => t.http().post('/disbursement-batches').set(h).send({ programmeId: s.programme.id })],
      ['GET /disbursement-batches', (h) => t.http().get('/disbursement-batches').set(h)],
      ['GET /disbursement-batches/:id', (h) => t.http().get(`/disbursement-batches/${id}`).set(h)],
      ['DELETE /disbursement-batches/:id', (h) => t.http().delete(`/disbursement-batches/${id}`).set(h)],
      ['POST /disbursement-batches/:id/approve', (h) => t.http().post(`/disbursement-batches/${id}/approve`).set(h).send()],
      ['POST /disbursement-batches/:id/execute', (h) => t.http().post(`/disbursement-batches/${id}/execute`).set(h).send()],
      ['GET /disbursement-batches/:id/pain001', (h) => t.http().get(`/disbursement-batches/${id}/pain001`).set(h)],
      [
        'POST /disbursement-batches/:id/status-report',
        (h) => t.http().post(`/disbursement-batches/${id}/status-report`).set(h).set('Content-Type', 'application/xml').send(xml),
      ],
      ['POST /disbursement-batches/:id/send-as-file', (h) => t.http().post(`/disbursement-batches/${id}/send-as-file`).set(h).send()],
      [
        'POST /disbursement-batches/:id/items/:itemId/reconcile',
        (h) =>
          t
            .http()
            .post(`/disbursement-batches/${id}/items/${randomUUID()}/reconcile`)
            .set(h)
            .send({ outcome: 'NOT_PAID', note: 'not on the statement' }),
      ],
      ['GET /bank-sim/transfers', (h) => t.http().get('/bank-sim/transfers').set(h)],
    ];

    it('refuses ENTERPRISE callers (user or API key) on every batch endpoint, even for their own core enterprise', async () => {
      const ent = await t.user('ENTERPRISE', s.ce.id);
      const key = await t.apiKey(s.ce.id);
      for (const id of [draftId, approvedId]) {
        for (const [name, call] of endpoints(id, report)) {
          for (const auth of [ent.auth, key.auth]) {
            const res = await call(auth);
            if (res.status !== 403) throw new Error(`${name} as ENTERPRISE: ${res.status}`);
            expectProblem(res, 403, 'FORBIDDEN');
          }
        }
      }
      const v = await t.http().get(`/disbursement-batches/${approvedId}`).set(s.officer.auth);
      expect(v.body.status).toBe('APPROVED');
      expect(v.body.counts.pending).toBe(1);
    });

    it('lets an AUDITOR read (accounts masked) but neither take the payment file nor change anything', async () => {
      const auditor = await t.user('AUDITOR');
      const get = await t.http().get(`/disbursement-batches/${finishedId}`).set(auditor.auth);
      expect(get.status).toBe(200);
      expect(get.body.status).toBe('COMPLETED');
      const list = await t.http().get('/disbursement-batches').set(auditor.auth);
      expect(list.status).toBe(200);
      expect(list.body.total).toBeGreaterThanOrEqual(3);
      const transfers = await t
        .http()
        .get('/bank-sim/transfers')
        .query({ reference: get.body.items[0].loanApplicationId })
        .set(auditor.auth);
      expect(transfers.status).toBe(200);
      expect(transfers.body.total).toBe(1);
      expect(transfers.body.items[0].creditorAccount).toMatch(/^\d{4}\*+\d{4}$/);
      const one = await t.http().get(`/bank-sim/transfers/${get.body.items[0].endToEndId}`).set(auditor.auth);
      expect(one.status).toBe(200);
      expect(one.body.status).toBe('SETTLED');
      expect(one.body.creditorAccount).toBe(transfers.body.items[0].creditorAccount);

      const refused: [string, () => Promise<Response>][] = [
        // the payment file carries full bank accounts: only the people who send it may take it
        ['pain001', () => t.http().get(`/disbursement-batches/${finishedId}/pain001`).set(auditor.auth)],
        ['create', () => t.http().post('/disbursement-batches').set(auditor.auth).send({ programmeId: s.programme.id })],
        ['approve', () => t.http().post(`/disbursement-batches/${draftId}/approve`).set(auditor.auth).send()],
        ['execute', () => t.http().post(`/disbursement-batches/${approvedId}/execute`).set(auditor.auth).send()],
        ['discard', () => t.http().delete(`/disbursement-batches/${draftId}`).set(auditor.auth)],
        [
          'status-report',
          () =>
            t
              .http()
              .post(`/disbursement-batches/${approvedId}/status-report`)
              .set(auditor.auth)
              .set('Content-Type', 'application/xml')
              .send(report),
        ],
        ['send-as-file', () => t.http().post(`/disbursement-batches/${approvedId}/send-as-file`).set(auditor.auth).send()],
      ];
      for (const [name, call] of refused) {
        const res = await call();
        if (res.status !== 403) throw new Error(`${name} as AUDITOR: ${res.status}`);
        expectProblem(res, 403, 'FORBIDDEN');
      }
      expect((await t.http().get(`/disbursement-batches/${draftId}`).set(auditor.auth)).body.status).toBe('DRAFT');
      expect((await t.http().get(`/disbursement-batches/${approvedId}`).set(auditor.auth)).body.status).toBe('APPROVED');
    });

    it('exports pain.001 to OFFICER and SENIOR_OFFICER only, and every export is an audit event', async () => {
      const batch = (await t.http().get(`/disbursement-batches/${approvedId}`).set(s.officer.auth)).body;
      const exportsOf = () =>
        t.db.query(
          `SELECT actor_id, actor_role, core_enterprise_id, after FROM audit_events WHERE entity_type = 'DisbursementBatch' AND entity_id = $1 AND action = 'PAIN001_EXPORTED' ORDER BY id`,
          [approvedId],
        );
      expect(await exportsOf()).toEqual([]);

      for (const user of [s.officer, s.senior]) {
        const res = await t.http().get(`/disbursement-batches/${approvedId}/pain001`).set(user.auth);
        expect(res.status).toBe(200);
        expect(res.text).toContain(batch.messageId);
      }
      const admin = await t.http().get(`/disbursement-batches/${approvedId}/pain001`).set(t.admin.auth);
      expectProblem(admin, 403, 'FORBIDDEN');

      const events = await exportsOf();
      expect(events).toEqual(
        [s.officer, s.senior].map((u) => ({
          actor_id: u.id,
          actor_role: u.role,
          core_enterprise_id: s.ce.id,
          after: { messageId: batch.messageId, items: batch.counts.items, total: batch.totals.amount },
        })),
      );
      // the audit trail is no back door to the accounts
      expect(JSON.stringify(events)).not.toMatch(/\d{12,}/);
    });

    it('answers 401 to anonymous callers', async () => {
      for (const [name, call] of endpoints(approvedId, report)) {
        const res = await call({});
        if (res.status !== 401) throw new Error(`${name} anonymously: ${res.status}`);
        expectProblem(res, 401, 'UNAUTHENTICATED');
      }
      const bogus = await t.http().get(`/disbursement-batches/${approvedId}`).set('Authorization', 'Bearer not-a-token');
      expect(bogus.status).toBe(401);
    });

    it('answers 404 for an unknown batch and 400 for an id that is not a uuid', async () => {
      const unknown = randomUUID();
      const unknownReport = buildPain002({
        messageId: 'ACCESS-TEST-2',
        createdAt: new Date(),
        originalMessageId: 'CLBNOSUCHBATCH',
        originalMessageType: 'pain.001.001.09',
        transactions: [{ endToEndId: 'CLNOSUCHITEM', status: 'ACSC' }],
      });
      for (const [name, call] of endpoints(unknown, unknownReport)) {
        if (!name.includes(':id')) continue;
        const res = await call(name.includes('approve') ? s.senior.auth : s.officer.auth);
        if (res.status !== 404) throw new Error(`${name} of an unknown batch: ${res.status} ${JSON.stringify(res.body)}`);
        expectProblem(res, 404, 'NOT_FOUND');
      }
      for (const [name, call] of endpoints('not-a-uuid', report)) {
        if (!name.includes(':id')) continue;
        const res = await call(name.includes('approve') ? s.senior.auth : s.officer.auth);
        if (res.status !== 400) throw new Error(`${name} with a bad id: ${res.status}`);
        expectProblem(res, 400, 'VALIDATION_FAILED');
        expect(res.body.errors).toEqual([expect.objectContaining({ field: 'id', code: 'INVALID_UUID' })]);
      }
      const noTransfer = await t.http().get('/bank-sim/transfers/CLNOSUCHITEM').set(s.officer.auth);
      expectProblem(noTransfer, 404);
    });
  });
});
