import { approveReq, submitReq } from './support/loans.js';
import { importRoster, rosterBuffer, waitForScreening } from './support/rosters.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('end to end: roster to disbursement', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('imports, screens, lends and pays', async () => {
    const ce = await t.coreEnterprise();
    const programme = await t.programme(ce.id, { fourEyesThreshold: '300000.00' });
    const file = await rosterBuffer({ rows: 200, seed: 3, errorRate: 0.05, asOf: '2026-11-01' });
    const imp = await importRoster(t, ce.id, file);
    expect(imp.status).toBe('COMPLETED');
    expect(imp.acceptedRows + imp.rejectedRows).toBe(200);
    expect(imp.rejectedRows).toBeGreaterThan(0);
    const errors = await t.http().get(`/roster-imports/${imp.importId}/errors`).set(t.admin.auth);
    expect(errors.status).toBe(200);
    expect(errors.body.total).toBeGreaterThanOrEqual(imp.rejectedRows);

    await waitForScreening(t, programme.id);
    const eligible = await t.db.query(
      `SELECT supplier_id, credit_limit FROM screening_results WHERE programme_id = $1 AND eligible AND credit_limit >= 20000 LIMIT 5`,
      [programme.id],
    );
    expect(eligible.length).toBeGreaterThan(0);

    const applicant = await t.user('ENTERPRISE', ce.id);
    const officer = await t.user('OFFICER');
    const senior = await t.user('SENIOR_OFFICER');
    const ids: string[] = [];
    for (const s of eligible) {
      const res = await submitReq(t, applicant, {
        programmeId: programme.id,
        supplierId: s.supplier_id,
        amount: '10000.00',
        termDays: 180,
      });
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('PENDING_REVIEW');
      ids.push(res.body.id);
      const ok = await approveReq(t, officer, res.body.id);
      expect(ok.status).toBe(200);
      expect(ok.body.status).toBe('APPROVED');
    }
    const batch = await t.http().post('/disbursement-batches').set(officer.auth).send({ programmeId: programme.id });
    expect(batch.status).toBe(201);
    expect(batch.body.counts.items).toBe(ids.length);
    const approved = await t.http().post(`/disbursement-batches/${batch.body.id}/approve`).set(senior.auth).send();
    expect(approved.status).toBe(200);
    const exec = await t.http().post(`/disbursement-batches/${batch.body.id}/execute`).set(officer.auth).send();
    expect(exec.status).toBe(202);
    let view;
    for (let i = 0; i < 100; i++) {
      view = await t.http().get(`/disbursement-batches/${batch.body.id}`).set(officer.auth);
      if (view.body.status !== 'EXECUTING') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(view!.body.status).toBe('COMPLETED');
    const loan = await t.http().get(`/loan-applications/${ids[0]}`).set(officer.auth);
    expect(loan.body.status).toBe('DISBURSED');
    const transfers = await t.http().get(`/bank-sim/transfers?reference=${ids[0]}`).set(officer.auth);
    expect(transfers.body.total).toBe(1);
    expect(transfers.body.items[0].status).toBe('SETTLED');
    const pain = await t.http().get(`/disbursement-batches/${batch.body.id}/pain001`).set(officer.auth);
    expect(pain.status).toBe(200);
    expect(pain.text).toContain('<NbOfTxs>');
  });
});
