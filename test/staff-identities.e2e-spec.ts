import type { Response } from 'supertest';
import { approvedBatch, executeAndWait } from './support/disbursements.js';
import { approveOk, cancelReq, lending, rejectReq, submitOk, type Lending } from './support/loans.js';
import { DEALER_HEADERS, counterpartyCsv, dealerRow, importCounterparties } from './support/counterparties.js';
import { importRoster, rosterBuffer } from './support/rosters.js';
import { routesFor } from './support/routes.js';
import { createTestApp, type TestApp, type TestUser } from './support/test-app.js';

/**
 * Core enterprises (their users and API keys) never see the bank's staff by name or id, only by role;
 * the bank's own people still see who did what. Every route an ENTERPRISE caller may call is walked
 * after staff have acted on its records, and each answer is searched for the staff's names and ids.
 */
describe("what core enterprises see of the bank's staff", () => {
  let t: TestApp;
  let l: Lending;
  let staff: TestUser[];
  let apiKey: { auth: Record<string, string> };
  /** by name: the applications staff have acted on */
  const loans: Record<string, Record<string, any>> = {};
  let cancelledByEnterprise: Response;
  let importId: string;
  let runId: string;
  let settlementId: string;
  let dealerId: string;
  let orderId: string;

  beforeAll(async () => {
    t = await createTestApp();
    l = await lending(t, { programme: { fourEyesThreshold: '50000.00' }, suppliers: 3 });
    staff = [l.officer, l.officer2, l.senior, l.senior2];
    apiKey = await t.apiKey(l.ce.id, 'erp nightly');
    // the admin changes the rules (a second ruleset) and uploads a roster
    expect(
      (
        await t
          .http()
          .patch(`/programmes/${l.programme.id}`)
          .set(t.admin.auth)
          .send({ eligibilityRules: l.programme.eligibilityRules.slice(0, 4) })
      ).status,
    ).toBe(200);
    importId = (await importRoster(t, l.ce.id, await rosterBuffer({ rows: 5, seed: 9, errorRate: 0.5, asOf: '2026-11-01' }))).importId;
    // an officer submits and two others approve; a senior rejects; an officer approves what the enterprise then cancels
    loans.staffSubmitted = await submitOk(t, l.officer, l.programme.id, l.suppliers[0].id, { amount: '60000.00' });
    await approveOk(t, l.officer2, loans.staffSubmitted.id, 'PENDING_SECOND_APPROVAL', 'first look fine');
    await approveOk(t, l.senior, loans.staffSubmitted.id, 'APPROVED', 'checked');
    loans.rejected = await submitOk(t, l.enterprise, l.programme.id, l.suppliers[1].id, { amount: '20000.00' });
    expect((await rejectReq(t, l.senior2, loans.rejected.id, { reason: 'herd count not confirmed' })).status).toBe(200);
    loans.cancelled = await submitOk(t, l.enterprise, l.programme.id, l.suppliers[1].id, { amount: '15000.00' });
    await approveOk(t, l.officer2, loans.cancelled.id, 'APPROVED');
    cancelledByEnterprise = await cancelReq(t, l.enterprise, loans.cancelled.id, { reason: 'the farmer sold the herd' });
    expect(cancelledByEnterprise.status).toBe(200);
    // an officer blacklists a supplier and asks for a re-screen
    expect(
      (await t.http().post(`/suppliers/${l.suppliers[2].id}/blacklist`).set(l.officer.auth).send({ reason: 'fraudulent delivery records' }))
        .status,
    ).toBe(200);
    const run = await t.http().post(`/programmes/${l.programme.id}/evaluations`).set(l.officer.auth).send();
    expect(run.status).toBe(202);
    runId = run.body.jobId;
    // the enterprise uploads a settlement (nothing due: deduction 0) and an officer confirms it
    const uploaded = await t
      .http()
      .post(`/core-enterprises/${l.ce.id}/settlements`)
      .set(l.enterprise.auth)
      .attach('file', Buffer.from('supplier_code,payable_amount\nX-1,100.00\n'), 'settlement.csv');
    expect(uploaded.status).toBe(202);
    settlementId = uploaded.body.settlementId;
    for (let i = 0; i < 200; i++) {
      const s = await t.http().get(`/settlements/${settlementId}`).set(l.officer.auth);
      if (s.body.status !== 'QUEUED') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const confirmed = await t.http().post(`/settlements/${settlementId}/confirm`).set(l.officer.auth).send({ remittedAmount: '0.00' });
    expect(confirmed.status).toBe(200);
    // staff pay a loan and record a repayment of it: its statement names who entered the repayment
    loans.paid = await submitOk(t, l.enterprise, l.programme.id, l.suppliers[1].id, { amount: '10000.00' });
    await approveOk(t, l.officer2, loans.paid.id, 'APPROVED');
    const payer = { ce: l.ce, programme: l.programme, applicant: l.enterprise, officer: l.officer, senior: l.senior };
    const batch = await approvedBatch(t, payer, [loans.paid.id]);
    expect((await executeAndWait(t, payer, batch.id)).status).toBe('COMPLETED');
    const repaid = await t
      .http()
      .post(`/loan-applications/${loans.paid.id}/repayments`)
      .set(l.officer.auth)
      .send({ amount: '100.00', reference: 'BOC-1' });
    expect(repaid.status).toBe(201);
    // the admin sets the dealers' roster schema; the enterprise imports a dealer and confirms an order of it
    expect(
      (
        await t
          .http()
          .put(`/core-enterprises/${l.ce.id}/roster-schema`)
          .set(t.admin.auth)
          .send({ role: 'DEALER', template: 'DEALER', attributes: [] })
      ).status,
    ).toBe(200);
    await importCounterparties(t, l.ce.id, counterpartyCsv([dealerRow('D-1')], DEALER_HEADERS), 'DEALER', l.enterprise.auth);
    const dealers = await t.http().get(`/core-enterprises/${l.ce.id}/counterparties`).query({ role: 'DEALER' }).set(l.enterprise.auth);
    dealerId = dealers.body.items[0].id;
    const order = await t
      .http()
      .post(`/core-enterprises/${l.ce.id}/purchase-orders`)
      .set(l.enterprise.auth)
      .send({ counterpartyId: dealerId, orderNo: 'PO-1', amount: '100000.00', orderDate: '2026-11-01' });
    expect(order.status).toBe(201);
    orderId = order.body.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Each staff member's name and id, and the bootstrap admin's, as they would appear in JSON or CSV. */
  const secrets = () => [...staff.flatMap((u) => [u.username, u.id]), t.admin.id, `"${t.admin.username}"`];
  const leaks = (text: string) => secrets().filter((s) => text.includes(s));

  /** GET with the caller's credentials; JSON, or CSV when asked for. */
  const read = async (auth: Record<string, string>, path: string, accept?: string) => {
    const req = t.http().get(path).set(auth);
    const res = await (accept ? req.set('Accept', accept) : req);
    expect([path, res.status]).toEqual([path, 200]);
    return res;
  };

  /** Every route an ENTERPRISE caller may call, each with the request that exercises it. */
  function walk(auth: Record<string, string>): Record<string, () => Promise<Response>> {
    const p = l.programme.id;
    const s = l.suppliers[0].id;
    const post = (path: string, body: object = {}) => t.http().post(path).set(auth).send(body);
    return {
      'GET /users/me': () => read(auth, '/users/me'),
      'GET /core-enterprises': () => read(auth, '/core-enterprises'),
      'GET /core-enterprises/:id': () => read(auth, `/core-enterprises/${l.ce.id}`),
      'GET /programmes': () => read(auth, '/programmes'),
      'GET /programmes/:id': () => read(auth, `/programmes/${p}`),
      'GET /programmes/:id/rulesets': () => read(auth, `/programmes/${p}/rulesets`),
      'GET /programmes/:id/portfolio': () => read(auth, `/programmes/${p}/portfolio`),
      'GET /programmes/:id/screening-runs': () => read(auth, `/programmes/${p}/screening-runs`),
      'GET /programmes/:id/screening-results': () => read(auth, `/programmes/${p}/screening-results`),
      'GET /screening-runs/:id': () => read(auth, `/screening-runs/${runId}`),
      'GET /core-enterprises/:id/suppliers': () => read(auth, `/core-enterprises/${l.ce.id}/suppliers`),
      'GET /suppliers/:id': () => read(auth, `/suppliers/${l.suppliers[2].id}`),
      'GET /suppliers/:id/eligibility': () => read(auth, `/suppliers/${s}/eligibility?programmeId=${p}`),
      'GET /core-enterprises/:id/roster-imports': () => read(auth, `/core-enterprises/${l.ce.id}/roster-imports`),
      'GET /roster-imports/:id': () => read(auth, `/roster-imports/${importId}`),
      'GET /roster-imports/:id/errors': async () => {
        const json = await read(auth, `/roster-imports/${importId}/errors`);
        const csv = await read(auth, `/roster-imports/${importId}/errors`, 'text/csv');
        return { ...json, text: `${json.text}\n${csv.text}` } as Response;
      },
      'GET /loan-applications': () => read(auth, '/loan-applications'),
      'GET /loan-applications/:id': async () => {
        const views = await Promise.all(Object.values(loans).map((x) => read(auth, `/loan-applications/${x.id}`)));
        return { text: views.map((v) => v.text).join('\n') } as Response;
      },
      'GET /loan-applications/:id/statement': () => read(auth, `/loan-applications/${loans.paid.id}/statement`),
      'POST /loan-applications': () => post('/loan-applications', { programmeId: p, supplierId: s, amount: '10000.00', termDays: 180 }),
      'POST /programmes/:id/loan-applications:batch': () =>
        post(`/programmes/${p}/loan-applications:batch`, { applications: [{ supplierId: s, amount: '10000.00', termDays: 180 }] }),
      'POST /loan-applications/:id/cancel': async () => {
        // an APPROVED loan the staff decided on (cancelling it answers its view), and one already cancelled (409)
        const approved = await submitOk(t, l.enterprise, p, l.suppliers[1].id, { amount: '10000.00' });
        await approveOk(t, l.senior2, approved.id, 'APPROVED');
        const res = await post(`/loan-applications/${approved.id}/cancel`, { reason: 'no longer needed' });
        expect(res.status).toBe(200);
        const again = await post(`/loan-applications/${loans.cancelled.id}/cancel`, { reason: 'twice' });
        return { text: `${res.text}\n${again.text}` } as Response;
      },
      'POST /core-enterprises/:id/rosters': () =>
        t.http().post(`/core-enterprises/${l.ce.id}/rosters`).set(auth).attach('file', Buffer.from('supplier_code\nX-1\n'), 'tiny.csv'),
      'POST /roster-imports/:id/retry': () => post(`/roster-imports/${importId}/retry`),
      'POST /core-enterprises/:id/settlements': () =>
        t
          .http()
          .post(`/core-enterprises/${l.ce.id}/settlements`)
          .set(auth)
          .attach('file', Buffer.from('supplier_code,payable_amount\nX-1,1.00\n'), 's.csv'),
      'GET /settlements/:id': () => read(auth, `/settlements/${settlementId}`),
      'GET /settlements/:id/lines': async () => {
        const json = await read(auth, `/settlements/${settlementId}/lines`);
        const csv = await read(auth, `/settlements/${settlementId}/lines`, 'text/csv');
        return { ...json, text: `${json.text}\n${csv.text}` } as Response;
      },
      // a CONFIRMED settlement: the refusal names nobody
      'POST /settlements/:id/recompute': () => post(`/settlements/${settlementId}/recompute`),
      'GET /roster-templates': () => read(auth, '/roster-templates'),
      'GET /core-enterprises/:id/roster-schema': () => read(auth, `/core-enterprises/${l.ce.id}/roster-schema?role=DEALER`),
      'GET /core-enterprises/:id/counterparties': () => read(auth, `/core-enterprises/${l.ce.id}/counterparties`),
      'GET /counterparties/:id': () => read(auth, `/counterparties/${dealerId}`),
      'POST /core-enterprises/:id/purchase-orders': () =>
        post(`/core-enterprises/${l.ce.id}/purchase-orders`, {
          counterpartyId: dealerId,
          orderNo: 'PO-1',
          amount: '100000.00',
          orderDate: '2026-11-01',
        }),
      'GET /core-enterprises/:id/purchase-orders': () => read(auth, `/core-enterprises/${l.ce.id}/purchase-orders`),
      'GET /purchase-orders/:id': () => read(auth, `/purchase-orders/${orderId}`),
      // a wrong current password: the refusal names nobody
      'POST /users/me/password': () =>
        post('/users/me/password', { currentPassword: 'not-the-password-1', newPassword: 'a-new-password-22' }),
    };
  }

  it('covers every route an ENTERPRISE caller may call (the control for the walk below)', () => {
    expect(Object.keys(walk({})).sort()).toEqual(routesFor(t.app, 'ENTERPRISE'));
  });

  it.each([
    ['an ENTERPRISE user', () => l.enterprise.auth],
    ['an API key', () => apiKey.auth],
  ])('shows %s no staff name or id on any route', async (_who, auth) => {
    const found: Record<string, string[]> = {};
    for (const [route, call] of Object.entries(walk(auth()))) {
      const res = await call();
      const text = res.text ?? JSON.stringify(res.body);
      if (leaks(text).length) found[route] = leaks(text);
    }
    expect(found).toEqual({});
  });

  it('shows staff to a core enterprise by role label, ids null, in every part of a loan view', async () => {
    const view = (await read(l.enterprise.auth, `/loan-applications/${loans.staffSubmitted.id}`)).body;
    expect(view.submittedBy).toEqual({ kind: 'USER', name: 'OFFICER', role: 'OFFICER' });
    expect(view.firstApproval).toEqual({ by: 'OFFICER', byId: null, at: expect.any(String) });
    expect(view.approval).toEqual({ by: 'SENIOR_OFFICER', byId: null, at: expect.any(String) });
    expect(view.history.map((h: { actor: unknown }) => h.actor)).toEqual([
      { kind: 'USER', id: null, name: 'OFFICER', role: 'OFFICER' },
      { kind: 'USER', id: null, name: 'OFFICER', role: 'OFFICER' },
      { kind: 'USER', id: null, name: 'OFFICER', role: 'OFFICER' },
      { kind: 'USER', id: null, name: 'SENIOR_OFFICER', role: 'SENIOR_OFFICER' },
    ]);
    // its own people it still sees as they are
    const rejected = (await read(l.enterprise.auth, `/loan-applications/${loans.rejected.id}`)).body;
    expect(rejected.submittedBy).toEqual({ kind: 'USER', name: l.enterprise.username, role: 'ENTERPRISE' });
    expect(rejected.history.map((h: { actor: { name: string } }) => h.actor.name)).toEqual([
      l.enterprise.username,
      l.enterprise.username,
      'SENIOR_OFFICER',
    ]);
    expect(cancelledByEnterprise.body.approval).toEqual({ by: 'OFFICER', byId: null, at: expect.any(String) });
    const list = (await read(l.enterprise.auth, `/loan-applications?status=APPROVED`)).body.items;
    expect(list.find((x: { id: string }) => x.id === loans.staffSubmitted.id).approval).toEqual({
      by: 'SENIOR_OFFICER',
      byId: null,
      at: expect.any(String),
    });
    const rulesets = (await read(apiKey.auth, `/programmes/${l.programme.id}/rulesets`)).body;
    expect(rulesets.map((r: { createdBy: string }) => r.createdBy)).toEqual(['ADMIN', 'ADMIN']);
  });

  it("still shows the bank's own people who did what, by name and id", async () => {
    const view = (await read(l.auditor.auth, `/loan-applications/${loans.staffSubmitted.id}`)).body;
    expect(view.submittedBy).toEqual({ kind: 'USER', name: l.officer.username, role: 'OFFICER' });
    expect(view.firstApproval).toEqual({ by: l.officer2.username, byId: l.officer2.id, at: expect.any(String) });
    expect(view.approval).toEqual({ by: l.senior.username, byId: l.senior.id, at: expect.any(String) });
    expect(view.history.at(-1).actor).toEqual({ kind: 'USER', id: l.senior.id, name: l.senior.username, role: 'SENIOR_OFFICER' });
    const rulesets = (await read(l.officer.auth, `/programmes/${l.programme.id}/rulesets`)).body;
    expect(rulesets.map((r: { createdBy: string }) => r.createdBy)).toEqual([t.admin.username, t.admin.username]);
  });
});
