import { BankSimService } from '../src/bank-sim/bank-sim.service.js';
import { DisbursementExecutor } from '../src/disbursements/disbursement-executor.js';
import {
  approvedBatch,
  approvedLoans,
  bankTransfers,
  calmBank,
  lendingSetup,
  loanStatus,
  settledCounts,
  spyOnCredits,
  sumFen,
  fenAmounts,
  waitForBatch,
  waitUntil,
  type LendingSetup,
} from './support/disbursements.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Puts an APPROVED batch where a driver that died mid-batch leaves it: EXECUTING on the API channel,
 * every item SENT (in flight, endToEndId fixed) and every loan DISBURSING, with the dead driver's lease.
 */
async function orphan(t: TestApp, batchId: string, lease: 'lapsed' | 'live' = 'lapsed'): Promise<void> {
  await t.db.transaction(async (m) => {
    await m.query(
      `UPDATE disbursement_batches SET status = 'EXECUTING', channel = 'API', executed_by = 'crashed-test', execute_requested_at = now(),
              lease_owner = 'dead-host:4242:deadbeef', lease_expires_at = now() + $2::interval
        WHERE id = $1 AND status = 'APPROVED'`,
      [batchId, lease === 'lapsed' ? '-1 minute' : '10 minutes'],
    );
    await m.query(
      `UPDATE disbursement_items SET status = 'SENT', attempts = 1, sent_at = now(), next_attempt_at = now() + interval '1 hour' WHERE batch_id = $1`,
      [batchId],
    );
    await m.query(
      `UPDATE loan_applications SET status = 'DISBURSING' WHERE id IN (SELECT loan_application_id FROM disbursement_items WHERE batch_id = $1)`,
      [batchId],
    );
  });
}

/** What the bank would have booked had the dead driver's call got through. */
async function bookedByBank(t: TestApp, item: Record<string, any>, account: string, status: 'SETTLED' | 'REJECTED'): Promise<void> {
  await t.db.query(
    `INSERT INTO bank_sim.transfers (end_to_end_id, reference, amount, creditor_account, creditor_name, status, reason_code, reason_text, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now() - interval '30 seconds')`,
    [
      item.endToEndId,
      item.loanApplicationId,
      item.amount,
      account,
      item.creditorName,
      status,
      status === 'REJECTED' ? 'AC01' : null,
      status === 'REJECTED' ? 'Incorrect account number' : null,
    ],
  );
}

describe('disbursement recovery: time-outs, crashes and leases', () => {
  let t: TestApp;
  let s: LendingSetup;

  beforeAll(async () => {
    // The sweeper runs once at start-up only, so that the tests decide when orphans are picked up.
    t = await createTestApp({ DISBURSE_SWEEP_MS: '600000', DISBURSE_LEASE_SECONDS: '5' });
    s = await lendingSetup(t);
  });
  afterAll(async () => {
    await t?.close();
  });
  afterEach(() => {
    calmBank(t);
  });

  it('retries time-outs under the same endToEndId and still pays every loan exactly once', async () => {
    const amounts = fenAmounts(30);
    const loans = await approvedLoans(t, s, amounts);
    const ids = loans.map((l) => l.loanId);
    const batch = await approvedBatch(t, s, ids);
    const e2eOf = new Map<string, string>(batch.items.map((i: any) => [i.loanApplicationId, i.endToEndId]));
    const spy = spyOnCredits(t);
    try {
      t.app.get(BankSimService).configure({ timeoutShare: 0.5 });
      const exec = await t.http().post(`/disbursement-batches/${batch.id}/execute`).set(s.officer.auth).send();
      expect(exec.status).toBe(202);
      const done = await waitForBatch(t, batch.id, s.officer, undefined, 40_000);

      expect(done.status).toBe('COMPLETED');
      expect(done.counts).toEqual({ items: 30, pending: 0, sent: 0, settled: 30, failed: 0 });
      expect(done.totals.settled).toBe(sumFen(amounts));
      // the same endToEndId throughout: the one the batch was made with
      for (const i of done.items) expect(i.endToEndId).toBe(e2eOf.get(i.loanApplicationId));
      const retried = done.items.filter((i: any) => i.attempts > 1);
      expect(retried.length).toBeGreaterThan(0);
      // every item was credited, only ever under its own id (a time-out before booking means another credit call)
      expect(new Set(spy.calls)).toEqual(new Set(e2eOf.values()));
      expect(spy.calls.length).toBeGreaterThanOrEqual(30);

      const transfers = await bankTransfers(t, ids);
      expect(transfers).toHaveLength(30);
      expect([...(await settledCounts(t, ids)).values()].every((n) => n === 1)).toBe(true);
      for (const tr of transfers) expect(tr.end_to_end_id).toBe(e2eOf.get(tr.reference));
      for (const id of ids) expect((await loanStatus(t, id)).status).toBe('DISBURSED');
    } finally {
      spy.restore();
    }
  });

  it('resolves SENT items of a crashed driver by asking the bank first: no second payment, and one payment for what the bank never saw', async () => {
    const loans = await approvedLoans(t, s, ['10000.10', '20000.20', '30000.30']);
    const ids = loans.map((l) => l.loanId);
    const batch = await approvedBatch(t, s, ids);
    const item = (loanId: string) => batch.items.find((i: any) => i.loanApplicationId === loanId);
    const [booked, refused, unseen] = loans;

    await orphan(t, batch.id);
    await bookedByBank(t, item(booked.loanId), booked.bankAccount, 'SETTLED');
    await bookedByBank(t, item(refused.loanId), refused.bankAccount, 'REJECTED');

    const spy = spyOnCredits(t);
    try {
      const queued = await t.app.get(DisbursementExecutor).resumeOrphans();
      expect(queued).toBe(1);
      const done = await waitForBatch(t, batch.id, s.officer);

      expect(done.status).toBe('PARTIALLY_FAILED');
      expect(done.counts).toEqual({ items: 3, pending: 0, sent: 0, settled: 2, failed: 1 });
      expect(done.totals).toEqual({ amount: '60000.60', settled: '40000.40', failed: '20000.20', outstanding: '0.00' });
      const view = (loanId: string) => done.items.find((i: any) => i.loanApplicationId === loanId);
      expect(view(booked.loanId)).toEqual(expect.objectContaining({ status: 'SETTLED', attempts: 2 }));
      expect(view(refused.loanId)).toEqual(
        expect.objectContaining({ status: 'FAILED', failureCode: 'AC01', failureReason: 'Incorrect account number' }),
      );
      expect(view(unseen.loanId)).toEqual(expect.objectContaining({ status: 'SETTLED', attempts: 2 }));

      // the bank was only asked to pay what it had never seen
      expect(spy.calls).toEqual([item(unseen.loanId).endToEndId]);
      const transfers = await bankTransfers(t, ids);
      expect(transfers).toHaveLength(3);
      expect(await settledCounts(t, ids)).toEqual(
        new Map([
          [booked.loanId, 1],
          [refused.loanId, 0],
          [unseen.loanId, 1],
        ]),
      );

      expect(await loanStatus(t, booked.loanId)).toEqual(expect.objectContaining({ status: 'DISBURSED', value_date: expect.any(String) }));
      expect(await loanStatus(t, unseen.loanId)).toEqual(expect.objectContaining({ status: 'DISBURSED', value_date: expect.any(String) }));
      expect(await loanStatus(t, refused.loanId)).toEqual(expect.objectContaining({ status: 'APPROVED', reserved: false }));
      const lease = await t.db.query(`SELECT lease_owner, lease_expires_at FROM disbursement_batches WHERE id = $1`, [batch.id]);
      expect(lease[0]).toEqual({ lease_owner: null, lease_expires_at: null });
    } finally {
      spy.restore();
    }
  });

  it('leaves a batch to the instance holding a live lease, and takes it over once the lease lapses', async () => {
    const loans = await approvedLoans(t, s, ['12345.67', '23456.78']);
    const ids = loans.map((l) => l.loanId);
    const batch = await approvedBatch(t, s, ids);
    await orphan(t, batch.id, 'live');
    const executor = t.app.get(DisbursementExecutor);
    const spy = spyOnCredits(t);
    try {
      expect(await executor.resumeOrphans()).toBe(0);
      await executor.drive(batch.id);
      expect(spy.calls).toEqual([]);
      const untouched = await t.http().get(`/disbursement-batches/${batch.id}`).set(s.officer.auth);
      expect(untouched.body.status).toBe('EXECUTING');
      expect(untouched.body.counts.sent).toBe(2);
      const lease = await t.db.query(`SELECT lease_owner FROM disbursement_batches WHERE id = $1`, [batch.id]);
      expect(lease[0].lease_owner).toBe('dead-host:4242:deadbeef');

      // its owner died: the lease is not renewed and lapses
      await t.db.query(`UPDATE disbursement_batches SET lease_expires_at = now() - interval '1 second' WHERE id = $1`, [batch.id]);
      await executor.drive(batch.id);
      const done = await t.http().get(`/disbursement-batches/${batch.id}`).set(s.officer.auth);
      expect(done.body.status).toBe('COMPLETED');
      expect(done.body.totals.settled).toBe('35802.45');
      expect(spy.calls.sort()).toEqual(batch.items.map((i: any) => i.endToEndId).sort());
      expect([...(await settledCounts(t, ids)).values()]).toEqual([1, 1]);

      // driving a finished batch again does nothing
      await executor.drive(batch.id);
      expect(spy.calls).toHaveLength(2);
      expect(await bankTransfers(t, ids)).toHaveLength(2);
    } finally {
      spy.restore();
    }
  });

  it('lets only one driver work a batch at a time, even two in the same instance (a re-queued job while the first is busy)', async () => {
    const loans = await approvedLoans(t, s, ['10000.00', '20000.00', '30000.00']);
    const ids = loans.map((l) => l.loanId);
    const batch = await approvedBatch(t, s, ids);
    await orphan(t, batch.id);
    const executor = t.app.get(DisbursementExecutor);
    const spy = spyOnCredits(t);
    try {
      t.app.get(BankSimService).configure({ latencyMs: 1500 });
      const first = executor.drive(batch.id);
      // wait until the first driver has the items in flight at the bank
      await waitUntil(() => spy.calls.length >= 3, 5000);
      expect(spy.calls).toHaveLength(3);
      // the lease is held by a live driver: the second one leaves it alone and sends nothing
      await executor.drive(batch.id);
      expect(spy.calls).toHaveLength(3);
      await first;
      expect(spy.calls).toHaveLength(3);
      const done = await t.http().get(`/disbursement-batches/${batch.id}`).set(s.officer.auth);
      expect(done.body.status).toBe('COMPLETED');
      expect(done.body.items.map((i: any) => i.attempts)).toEqual([2, 2, 2]);
      expect([...(await settledCounts(t, ids)).values()]).toEqual([1, 1, 1]);
    } finally {
      spy.restore();
    }
  });

  it('does not drive a batch that is not EXECUTING', async () => {
    const loans = await approvedLoans(t, s, ['10000.00']);
    const batch = await approvedBatch(t, s, [loans[0].loanId]);
    const spy = spyOnCredits(t);
    try {
      await t.app.get(DisbursementExecutor).drive(batch.id);
      expect(spy.calls).toEqual([]);
      const v = await t.http().get(`/disbursement-batches/${batch.id}`).set(s.officer.auth);
      expect(v.body.status).toBe('APPROVED');
      expect(v.body.counts.pending).toBe(1);
      expect((await loanStatus(t, loans[0].loanId)).status).toBe('APPROVED');
    } finally {
      spy.restore();
    }
  });

  it('pays a batch whose driver is slow only once when another driver takes over after its lease lapsed', async () => {
    const loans = await approvedLoans(t, s, ['10000.00', '10000.50', '11000.00', '11000.50']);
    const ids = loans.map((l) => l.loanId);
    const batch = await approvedBatch(t, s, ids);
    const spy = spyOnCredits(t);
    try {
      // A slow bank keeps the first driver's calls in flight.
      t.app.get(BankSimService).configure({ latencyMs: 2500 });
      const exec = await t.http().post(`/disbursement-batches/${batch.id}/execute`).set(s.officer.auth).send();
      expect(exec.status).toBe(202);
      // the first driver's four calls are at the bank
      await waitUntil(() => spy.calls.length >= 4, 10_000);
      expect(spy.calls).toHaveLength(4);
      // The first driver looks dead (its lease was not renewed in time); another one takes over meanwhile.
      await t.db.query(
        `UPDATE disbursement_batches SET lease_owner = 'other-host:1:cafe', lease_expires_at = now() - interval '1 second' WHERE id = $1`,
        [batch.id],
      );
      const second = t.app.get(DisbursementExecutor).drive(batch.id);
      const done = await waitForBatch(t, batch.id, s.officer, undefined, 15_000);
      await second;
      expect(done.status).toBe('COMPLETED');
      expect(done.counts.settled).toBe(4);
      await new Promise((r) => setTimeout(r, 200));
      // Both drivers sent the in-flight items (the take-over found nothing at the bank yet), under the same ids...
      expect(spy.calls.length).toBeGreaterThan(4);
      expect(new Set(spy.calls)).toEqual(new Set(batch.items.map((i: any) => i.endToEndId)));
      // ...and the bank booked each once.
      expect([...(await settledCounts(t, ids)).values()]).toEqual([1, 1, 1, 1]);
      expect(await bankTransfers(t, ids)).toHaveLength(4);
      for (const id of ids) expect((await loanStatus(t, id)).status).toBe('DISBURSED');
    } finally {
      spy.restore();
    }
  });
});

describe('disbursement recovery: the sweeper', () => {
  let t: TestApp;
  let s: LendingSetup;

  beforeAll(async () => {
    t = await createTestApp({ DISBURSE_SWEEP_MS: '300', DISBURSE_LEASE_SECONDS: '3' });
    s = await lendingSetup(t);
  });
  afterAll(async () => {
    await t?.close();
  });
  afterEach(() => {
    calmBank(t);
  });

  it('renews the lease while a slow bank keeps the driver busy, so the sweeper leaves the batch to it', async () => {
    const loans = await approvedLoans(t, s, ['10000.00']);
    const batch = await approvedBatch(t, s, [loans[0].loanId]);
    const spy = spyOnCredits(t);
    try {
      // one call takes twice the 3 s lease
      t.app.get(BankSimService).configure({ latencyMs: 6000 });
      const exec = await t.http().post(`/disbursement-batches/${batch.id}/execute`).set(s.officer.auth).send();
      expect(exec.status).toBe(202);
      await waitUntil(() => spy.calls.length >= 1, 5000);
      expect(spy.calls).toHaveLength(1);
      // past the lease the call started under
      await new Promise((r) => setTimeout(r, 4000));
      const lease = await t.db.query(
        `SELECT status, lease_owner, lease_expires_at > now() AS live FROM disbursement_batches WHERE id = $1`,
        [batch.id],
      );
      expect(lease[0]).toEqual({ status: 'EXECUTING', lease_owner: expect.any(String), live: true });
      const done = await waitForBatch(t, batch.id, s.officer, undefined, 15_000);
      expect(done.status).toBe('COMPLETED');
      expect(done.items[0].attempts).toBe(1);
      // one call to the bank: nobody took the batch over while the first call was in flight
      expect(spy.calls).toEqual([batch.items[0].endToEndId]);
    } finally {
      spy.restore();
    }
  });

  it('picks up an EXECUTING batch whose lease lapsed without anyone asking, and finishes it', async () => {
    const loans = await approvedLoans(t, s, ['10000.10', '20000.20']);
    const ids = loans.map((l) => l.loanId);
    const batch = await approvedBatch(t, s, ids);
    await orphan(t, batch.id);
    await bookedByBank(
      t,
      batch.items.find((i: any) => i.loanApplicationId === loans[0].loanId),
      loans[0].bankAccount,
      'SETTLED',
    );
    const done = await waitForBatch(t, batch.id, s.officer, undefined, 15_000);
    expect(done.status).toBe('COMPLETED');
    expect(done.totals).toEqual({ amount: '30000.30', settled: '30000.30', failed: '0.00', outstanding: '0.00' });
    expect([...(await settledCounts(t, ids)).values()]).toEqual([1, 1]);
    expect(await bankTransfers(t, ids)).toHaveLength(2);
  });

  it('leaves FILE-channel batches alone', async () => {
    const loans = await approvedLoans(t, s, ['10000.00']);
    const batch = await approvedBatch(t, s, [loans[0].loanId]);
    await t.db.query(`UPDATE disbursement_batches SET status = 'EXECUTING', channel = 'FILE' WHERE id = $1`, [batch.id]);
    await t.db.query(`UPDATE disbursement_items SET status = 'SENT', attempts = 1 WHERE batch_id = $1`, [batch.id]);
    expect(await t.app.get(DisbursementExecutor).resumeOrphans()).toBe(0);
    await new Promise((r) => setTimeout(r, 1000));
    const v = await t.http().get(`/disbursement-batches/${batch.id}`).set(s.officer.auth);
    expect(v.body.status).toBe('EXECUTING');
    expect(v.body.counts.sent).toBe(1);
    expect(await bankTransfers(t, [loans[0].loanId])).toEqual([]);
  });
});
