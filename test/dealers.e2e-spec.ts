import { DEALER_HEADERS, counterpartyCsv, dealerRow, importCounterparties } from './support/counterparties.js';
import { approveReq, startDisbursement, submitReq, waitForBatch } from './support/loans.js';
import { expectFieldError, expectProblem } from './support/problems.js';
import { createTestApp, programmeBody, type TestApp, type TestUser } from './support/test-app.js';

const COLLECTION_ACCOUNT = '0602003309022107715';

/**
 * Dealer financing (domain.md "Downstream"), end to end: dealers imported with the DEALER template,
 * screened on their own rules and formula, financed on purchase orders the core enterprise confirmed,
 * paid to the core enterprise's collection account, and repaid by the dealer.
 */
describe('a DOWNSTREAM programme, end to end', () => {
  let t: TestApp;
  let ce: { id: string; name: string };
  let otherCe: { id: string };
  let enterprise: TestUser;
  let otherEnterprise: TestUser;
  let officer: TestUser;
  let senior: TestUser;
  let programme: Record<string, any>;
  const dealers: Record<string, string> = {};
  const orders: Record<string, string> = {};

  const RULES = [
    { name: 'cooperation', fact: 'cooperation_years', operator: '>=', value: 2 },
    { name: 'orders', fact: 'orders_12m', operator: '>=', value: 6 },
  ];
  const FORMULA = { maxAmount: '1000000.00', terms: [{ fact: 'annual_purchase_amount', multiple: '0.25' }], roundDownTo: '1000' };
  const createProgramme = (overrides: Record<string, unknown>) =>
    t.http().post('/programmes').set(t.admin.auth).send(programmeBody(ce.id, overrides));
  const confirm = (body: unknown, auth = enterprise.auth, id = ce.id) =>
    t
      .http()
      .post(`/core-enterprises/${id}/purchase-orders`)
      .set(auth)
      .send(body as object);
  const apply = (dealer: string, order: string | undefined, amount: string, auth = enterprise) =>
    submitReq(t, auth, {
      programmeId: programme.id,
      supplierId: dealers[dealer],
      amount,
      termDays: 120,
      ...(order ? { purchaseOrderId: orders[order] } : {}),
    });

  beforeAll(async () => {
    t = await createTestApp();
    ce = await t.coreEnterprise({
      name: '伊利乳业集团',
      collectionAccount: COLLECTION_ACCOUNT,
      collectionBankName: '中国工商银行呼和浩特分行',
    });
    otherCe = await t.coreEnterprise({ collectionAccount: '1234567890123', collectionBankName: '中国银行' });
    enterprise = await t.user('ENTERPRISE', ce.id);
    otherEnterprise = await t.user('ENTERPRISE', otherCe.id);
    officer = await t.user('OFFICER');
    senior = await t.user('SENIOR_OFFICER');
    const imp = await importCounterparties(
      t,
      ce.id,
      counterpartyCsv(
        [dealerRow('D-001'), dealerRow('D-002', { years: '1' }), dealerRow('D-003', { purchases: '2000000.00' })],
        DEALER_HEADERS,
      ),
      'DEALER',
      enterprise.auth,
    );
    expect(imp).toMatchObject({ status: 'COMPLETED', acceptedRows: 3 });
    const list = await t.http().get(`/core-enterprises/${ce.id}/counterparties`).query({ role: 'DEALER' }).set(enterprise.auth);
    for (const d of list.body.items) dealers[d.code] = d.id;
    await importCounterparties(t, otherCe.id, counterpartyCsv([dealerRow('X-001')], DEALER_HEADERS), 'DEALER', otherEnterprise.auth);
  });
  afterAll(() => t.close());

  it('shows the collection account on the core enterprise', async () => {
    const res = await t.http().get(`/core-enterprises/${ce.id}`).set(enterprise.auth).expect(200);
    expect(res.body).toMatchObject({ collectionAccount: COLLECTION_ACCOUNT, collectionBankName: '中国工商银行呼和浩特分行' });
  });

  it('creates a DOWNSTREAM programme with an advance ratio, its rules checked against the DEALER schema', async () => {
    expectFieldError(
      await createProgramme({ direction: 'DOWNSTREAM', eligibilityRules: RULES, limitFormula: FORMULA }),
      'advanceRatio',
      'REQUIRED',
    );
    expectFieldError(await createProgramme({ advanceRatio: '0.70' }), 'advanceRatio', 'ADVANCE_RATIO_NOT_FOR_UPSTREAM');
    expectFieldError(
      await createProgramme({ direction: 'DOWNSTREAM', advanceRatio: '1.5', eligibilityRules: RULES, limitFormula: FORMULA }),
      'advanceRatio',
      'RATIO_OUT_OF_RANGE',
    );
    // the dairy rules and formula name no fact of a dealer
    const dairy = await createProgramme({ direction: 'DOWNSTREAM', advanceRatio: '0.70' });
    expectFieldError(dairy, 'eligibilityRules[0].fact', 'RULE_UNKNOWN_FACT');
    expectFieldError(dairy, 'limitFormula.settlementMultiple', 'FORMULA_TERM_UNKNOWN_FACT');
    const created = await createProgramme({
      direction: 'DOWNSTREAM',
      advanceRatio: '0.70',
      eligibilityRules: RULES,
      limitFormula: FORMULA,
    });
    expect(created.status).toBe(201);
    programme = created.body;
    expect(programme).toMatchObject({ direction: 'DOWNSTREAM', advanceRatio: '0.7' });
    const patched = await t.http().patch(`/programmes/${programme.id}`).set(t.admin.auth).send({ advanceRatio: '0.75' }).expect(200);
    expect(patched.body.advanceRatio).toBe('0.75');
    await t.http().patch(`/programmes/${programme.id}`).set(t.admin.auth).send({ advanceRatio: '0.70' }).expect(200);
  });

  it('takes purchase orders the core enterprise confirms, idempotent by order number', async () => {
    const first = await confirm({ dealerCode: 'D-001', orderNo: 'PO-2026-001', amount: '400000.00', orderDate: '2026-11-01' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      counterpartyId: dealers['D-001'],
      dealerCode: 'D-001',
      orderNo: 'PO-2026-001',
      amount: '400000.00',
    });
    orders.first = first.body.id;
    const again = await confirm({ counterpartyId: dealers['D-001'], orderNo: 'PO-2026-001', amount: '400000', orderDate: '2026-11-01' });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(orders.first);
    expectProblem(
      await confirm({ dealerCode: 'D-001', orderNo: 'PO-2026-001', amount: '500000.00', orderDate: '2026-11-01' }),
      409,
      'PURCHASE_ORDER_CONFLICT',
    );

    const bulk = await confirm({
      orders: [
        { dealerCode: 'D-001', orderNo: 'PO-2026-002', amount: '300000.00', orderDate: '2026-11-02' },
        { dealerCode: 'D-002', orderNo: 'PO-2026-003', amount: '100000.00', orderDate: '2026-11-02' },
        { dealerCode: 'D-003', orderNo: 'PO-2026-004', amount: '200000.00', orderDate: '2026-11-03' },
        { dealerCode: 'NOBODY', orderNo: 'PO-2026-005', amount: '1.00', orderDate: '2026-11-03' },
      ],
    });
    expect(bulk.status).toBe(200);
    expect(bulk.body.results.map((r: { created?: boolean; error?: { code: string } }) => r.created ?? r.error?.code)).toEqual([
      true,
      true,
      true,
      'NOT_FOUND',
    ]);
    [orders.second, orders.ineligible, orders.d3] = bulk.body.results.slice(0, 3).map((r: { id: string }) => r.id);
    const replay = await confirm({
      orders: [{ dealerCode: 'D-001', orderNo: 'PO-2026-002', amount: '300000.00', orderDate: '2026-11-02' }],
    });
    expect(replay.body.results).toEqual([{ index: 0, id: orders.second, orderNo: 'PO-2026-002', created: false }]);
  });

  it('refuses orders from the wrong caller, for another core enterprise’s dealer, or badly written', async () => {
    expectProblem(await confirm({ dealerCode: 'D-001', orderNo: 'PO-X', amount: '1.00', orderDate: '2026-11-01' }, officer.auth), 403);
    expectProblem(
      await confirm({ dealerCode: 'D-001', orderNo: 'PO-X', amount: '1.00', orderDate: '2026-11-01' }, otherEnterprise.auth),
      404,
    );
    const others = await t.http().get(`/core-enterprises/${otherCe.id}/counterparties`).set(otherEnterprise.auth);
    expectProblem(
      await confirm({ counterpartyId: others.body.items[0].id, orderNo: 'PO-X', amount: '1.00', orderDate: '2026-11-01' }),
      404,
    );
    const bad = await confirm({ orderNo: 'PO X', amount: 100, orderDate: '2026-02-30' });
    expect(bad.body.errors.map((e: { field: string; code: string }) => `${e.field} ${e.code}`)).toEqual([
      'counterpartyId DEALER_REQUIRED',
      'orderNo INVALID_ORDER_NO',
      'amount INVALID_MONEY',
      'orderDate INVALID_DATE',
    ]);
    expectProblem(await t.http().get(`/purchase-orders/${orders.first}`).set(otherEnterprise.auth), 404);
    const listed = await t.http().get(`/core-enterprises/${ce.id}/purchase-orders`).set(officer.auth).expect(200);
    expect(listed.body.total).toBe(4);
  });

  it('lends a dealer up to the order x advanceRatio on its own order, screened on its own rules and formula', async () => {
    expectProblem(await apply('D-001', undefined, '100000.00'), 422, 'PURCHASE_ORDER_REQUIRED');
    const above = await apply('D-001', 'first', '280000.01');
    expectProblem(above, 422, 'AMOUNT_EXCEEDS_ADVANCE');
    expect(above.body.advance).toBe('280000.00');
    expectProblem(await apply('D-001', 'd3', '100000.00'), 422, 'PURCHASE_ORDER_OF_ANOTHER_DEALER');
    // the dealer's limit: min(1,000,000, 0.25 x 1,200,000) = 300,000
    const ok = await apply('D-001', 'first', '150000.00');
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ status: 'PENDING_REVIEW', purchaseOrderId: orders.first });
    expect(ok.body.screening).toMatchObject({ eligible: true, creditLimit: '300000.00' });
    orders.loan = ok.body.id;
    expectProblem(await apply('D-001', 'first', '10000.00'), 409, 'PURCHASE_ORDER_ALREADY_FINANCED');
    const ineligible = await apply('D-002', 'ineligible', '50000.00');
    expect(ineligible.body).toMatchObject({ status: 'REJECTED_INELIGIBLE', failedRules: ['cooperation'] });
    // a rejected application is no live loan: the order may be applied on again
    expect((await apply('D-002', 'ineligible', '50000.00')).status).toBe(201);
  });

  it('makes one loan of two applications racing for one order (409 for the other)', async () => {
    const [a, b] = await Promise.all([apply('D-001', 'second', '100000.00'), apply('D-001', 'second', '110000.00')]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect((a.status === 409 ? a : b).body.code).toBe('PURCHASE_ORDER_ALREADY_FINANCED');
    const live = await t.db.query(`SELECT count(*)::int AS n FROM loan_applications WHERE purchase_order_id = $1`, [orders.second]);
    expect(live[0].n).toBe(1);
  });

  it('is 404 for an order of another core enterprise', async () => {
    const others = await t.http().get(`/core-enterprises/${otherCe.id}/counterparties`).set(otherEnterprise.auth);
    const foreign = await confirm(
      { counterpartyId: others.body.items[0].id, orderNo: 'PO-OTHER-1', amount: '100000.00', orderDate: '2026-11-01' },
      otherEnterprise.auth,
      otherCe.id,
    );
    expect(foreign.status).toBe(201);
    const res = await submitReq(t, officer, {
      programmeId: programme.id,
      supplierId: dealers['D-001'],
      amount: '10000.00',
      termDays: 120,
      purchaseOrderId: foreign.body.id,
    });
    expectProblem(res, 404);
    expectProblem(
      await submitReq(t, enterprise, {
        programmeId: programme.id,
        supplierId: dealers['D-001'],
        amount: '10000.00',
        termDays: 120,
        purchaseOrderId: foreign.body.id,
      }),
      404,
    );
  });

  it("pays the loan to the core enterprise's collection account (pain.001 creditor), and the dealer repays it", async () => {
    const approved = await approveReq(t, officer, orders.loan);
    expect(approved.body.status).toBe('APPROVED');
    expect(approved.body.payee).toMatchObject({ name: ce.name, bankName: '中国工商银行呼和浩特分行' });
    expect(approved.body.payee.bankAccount).toMatch(/^0602\*+7715$/);
    const batchId = await startDisbursement(t, officer, senior, programme.id, [orders.loan]);
    const batch = await waitForBatch(t, officer, batchId);
    expect(batch.status).toBe('COMPLETED');
    expect(batch.items[0]).toMatchObject({ creditorName: ce.name, payeeChanged: false });
    const pain = await t.http().get(`/disbursement-batches/${batchId}/pain001`).set(officer.auth).expect(200);
    const xml = pain.text;
    expect(xml).toContain(`<CdtrAcct><Id><Othr><Id>${COLLECTION_ACCOUNT}</Id></Othr></Id></CdtrAcct>`);
    expect(xml).toContain(`<Nm>${ce.name}</Nm>`);
    const transfers = await t.http().get('/bank-sim/transfers').query({ reference: orders.loan }).set(officer.auth).expect(200);
    expect(transfers.body.items).toEqual([
      expect.objectContaining({ status: 'SETTLED', amount: '150000.00', creditorAccount: expect.stringMatching(/^0602\*+7715$/) }),
    ]);

    const repaid = await t
      .http()
      .post(`/loan-applications/${orders.loan}/repayments`)
      .set(officer.auth)
      .send({ amount: '20000.00', reference: 'DEALER-D-001-1' });
    expect(repaid.status).toBe(201);
    expect(repaid.body.allocations.principal).toBe('20000.00');
    expect(repaid.body.statement.principalOutstanding).toBe('130000.00');
  });
});
