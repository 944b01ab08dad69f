import { FORWARDER_HEADERS, counterpartyCsv, forwarderRow, importCounterparties } from './support/counterparties.js';
import { approveReq, startDisbursement, submitReq, waitForBatch } from './support/loans.js';
import { expectFieldError, expectProblem } from './support/problems.js';
import { waitForScreening } from './support/rosters.js';
import { createTestApp, programmeBody, STANDARD_RULES, type TestApp, type TestUser } from './support/test-app.js';

/**
 * Another chain in the same bank (domain.md "Downstream"): a logistics company's freight forwarders,
 * imported with the FREIGHT_FORWARDER template, screened on customs and tax data, and lent to end to
 * end: rules type-checked against the schema, screening, what-if, a loan paid and repaid.
 */
describe('a FREIGHT_FORWARDER programme, end to end', () => {
  let t: TestApp;
  let ce: { id: string };
  let enterprise: TestUser;
  let officer: TestUser;
  let senior: TestUser;
  let programme: Record<string, any>;

  const RULES = [
    { name: 'tax-grade', fact: 'tax_credit_grade', operator: 'in', value: ['A', 'B'] },
    { name: 'customs', fact: 'customs_declarations_12m', operator: '>=', value: 12 },
    { name: 'established', fact: 'years_in_business', operator: '>=', value: 2 },
    { name: 'age', fact: 'age', operator: 'between', value: [18, 65] },
  ];
  const FORMULA = { maxAmount: '2000000.00', terms: [{ fact: 'tax_paid_12m', multiple: '2' }], roundDownTo: '1000' };
  const createProgramme = (overrides: Record<string, unknown>) =>
    t.http().post('/programmes').set(t.admin.auth).send(programmeBody(ce.id, overrides));

  beforeAll(async () => {
    t = await createTestApp();
    ce = await t.coreEnterprise({ name: '远航物流集团' });
    enterprise = await t.user('ENTERPRISE', ce.id);
    officer = await t.user('OFFICER');
    senior = await t.user('SENIOR_OFFICER');
  });
  afterAll(() => t.close());

  it("takes the FREIGHT_FORWARDER template as the suppliers' schema", async () => {
    const res = await t
      .http()
      .put(`/core-enterprises/${ce.id}/roster-schema`)
      .set(t.admin.auth)
      .send({ role: 'SUPPLIER', template: 'FREIGHT_FORWARDER', attributes: [] })
      .expect(200);
    expect(res.body).toMatchObject({ version: 1, template: 'FREIGHT_FORWARDER' });
  });

  it('refuses rules and formula terms the schema cannot answer, naming each (400)', async () => {
    const dairy = await createProgramme({ eligibilityRules: STANDARD_RULES.slice(0, 1) });
    expectFieldError(dairy, 'eligibilityRules[0].fact', 'RULE_UNKNOWN_FACT');
    expect(dairy.body.errors[0].message).toContain('tax_credit_grade');
    const wrongType = await createProgramme({
      eligibilityRules: [{ name: 'grade', fact: 'tax_credit_grade', operator: '>=', value: 3 }],
      limitFormula: { terms: [{ fact: 'tax_credit_grade', multiple: '1' }] },
    });
    expectProblem(wrongType, 400, 'VALIDATION_FAILED');
    expect(wrongType.body.errors.map((e: { field: string; code: string }) => `${e.field} ${e.code}`)).toEqual([
      'eligibilityRules[0].operator RULE_OPERATOR_NOT_FOR_FACT',
      'limitFormula.terms[0].fact FORMULA_TERM_NOT_NUMERIC',
    ]);
    const unknownGrade = await createProgramme({
      eligibilityRules: [{ name: 'g', fact: 'tax_credit_grade', operator: '==', value: 'AAA' }],
    });
    expectFieldError(unknownGrade, 'eligibilityRules[0].value', 'RULE_VALUE_TYPE');
  });

  it('creates the programme, imports the forwarders and screens them on their own attributes', async () => {
    const created = await createProgramme({ eligibilityRules: RULES, limitFormula: FORMULA, maxAmount: '2000000.00' });
    expect(created.status).toBe(201);
    programme = created.body;
    expect(programme.direction).toBeUndefined();
    const csv = counterpartyCsv(
      [forwarderRow('FF-001'), forwarderRow('FF-002', { grade: 'C' }), forwarderRow('FF-003', { declarations: 3, tax: '900000.00' })],
      FORWARDER_HEADERS,
    );
    const imp = await importCounterparties(t, ce.id, csv, 'SUPPLIER', enterprise.auth);
    expect(imp).toMatchObject({ status: 'COMPLETED', acceptedRows: 3, schemaVersion: 1, role: 'SUPPLIER' });
    await waitForScreening(t, programme.id);
    const results = await t.http().get(`/programmes/${programme.id}/screening-results`).set(officer.auth).expect(200);
    const byCode = Object.fromEntries(results.body.items.map((r: { supplierCode: string }) => [r.supplierCode, r]));
    expect(byCode['FF-001']).toMatchObject({ eligible: true, creditLimit: '360000.00', failedRules: [] });
    expect(byCode['FF-002']).toMatchObject({ eligible: false, creditLimit: '0.00', failedRules: ['tax-grade'] });
    expect(byCode['FF-003']).toMatchObject({ eligible: false, failedRules: ['customs'] });

    const explained = await t
      .http()
      .get(`/suppliers/${byCode['FF-001'].supplierId}/eligibility`)
      .query({ programmeId: programme.id })
      .set(officer.auth)
      .expect(200);
    expect(explained.body.results.find((r: { rule: string }) => r.rule === 'tax-grade')).toMatchObject({
      passed: true,
      actual: 'A',
      message: 'tax_credit_grade A is one of [A, B]',
    });
    expect(explained.body.limitTerms).toEqual({ maxAmount: '2000000.00', 'terms[0]:tax_paid_12m': '360000.00' });
  });

  it('lists the forwarders among the suppliers, without the dairy columns they do not have', async () => {
    const list = await t.http().get(`/core-enterprises/${ce.id}/suppliers`).set(officer.auth).expect(200);
    expect(list.body.items.map((s: { supplierCode: string }) => s.supplierCode).sort()).toEqual(['FF-001', 'FF-002', 'FF-003']);
    const one = await t.http().get(`/suppliers/${list.body.items[0].id}`).set(enterprise.auth).expect(200);
    expect(one.body).toMatchObject({
      farmName: null,
      herdSize: null,
      yearsExperience: null,
      deliveryMonths: null,
      avgMonthlyDeliveryKg: null,
    });
  });

  it('previews a rule change over the attributes the same way, and checks it against the schema', async () => {
    const relaxed = RULES.map((r) => (r.name === 'tax-grade' ? { ...r, value: ['A', 'B', 'M', 'C'] } : r));
    const res = await t
      .http()
      .post(`/programmes/${programme.id}/eligibility-preview`)
      .set(officer.auth)
      .send({ eligibilityRules: relaxed })
      .expect(200);
    expect(res.body).toMatchObject({
      suppliers: 3,
      eligibleNow: 1,
      eligibleAfter: 2,
      gained: 1,
      lost: 0,
      totalLimitNow: '360000.00',
      totalLimitAfter: '720000.00',
    });
    expect(res.body.sample.gained.map((s: { supplierCode: string }) => s.supplierCode)).toEqual(['FF-002']);
    const bad = await t
      .http()
      .post(`/programmes/${programme.id}/eligibility-preview`)
      .set(officer.auth)
      .send({ eligibilityRules: [{ name: 'herd', fact: 'herdSize', operator: '>=', value: 1 }] });
    expectFieldError(bad, 'eligibilityRules[0].fact', 'RULE_UNKNOWN_FACT');
  });

  it('refuses a schema change that drops an attribute the programme uses (409), and a PATCH of the wrong type (400)', async () => {
    const drop = await t
      .http()
      .put(`/core-enterprises/${ce.id}/roster-schema`)
      .set(t.admin.auth)
      .send({
        role: 'SUPPLIER',
        attributes: [{ key: 'monthly_shipments', label: '月均票数', aliases: ['月均票数'], type: 'INTEGER', required: true }],
      });
    expectProblem(drop, 409, 'ROSTER_SCHEMA_IN_USE');
    expect(drop.body.detail).toContain('tax_credit_grade');
    const patch = await t
      .http()
      .patch(`/programmes/${programme.id}`)
      .set(t.admin.auth)
      .send({ eligibilityRules: [{ name: 'grade', fact: 'years_in_business', operator: 'in', value: ['old'] }] });
    expectFieldError(patch, 'eligibilityRules[0].value', 'RULE_VALUE_TYPE');
  });

  it('lends to the eligible forwarder up to its limit, pays it and takes its repayment', async () => {
    const results = await t.http().get(`/programmes/${programme.id}/screening-results`).set(officer.auth).expect(200);
    const ff1 = results.body.items.find((r: { supplierCode: string }) => r.supplierCode === 'FF-001');
    const tooMuch = await submitReq(t, enterprise, {
      programmeId: programme.id,
      supplierId: ff1.supplierId,
      amount: '361000.00',
      termDays: 180,
    });
    expectProblem(tooMuch, 422, 'AMOUNT_EXCEEDS_AVAILABLE_LIMIT');
    const loan = await submitReq(t, enterprise, {
      programmeId: programme.id,
      supplierId: ff1.supplierId,
      amount: '150000.00',
      termDays: 180,
    });
    expect(loan.status).toBe(201);
    expect(loan.body.status).toBe('PENDING_REVIEW');
    const approved = await approveReq(t, officer, loan.body.id);
    expect(approved.body.status).toBe('APPROVED');
    const batchId = await startDisbursement(t, officer, senior, programme.id, [loan.body.id]);
    expect((await waitForBatch(t, officer, batchId)).status).toBe('COMPLETED');
    const repaid = await t
      .http()
      .post(`/loan-applications/${loan.body.id}/repayments`)
      .set(officer.auth)
      .send({ amount: '1000.00', reference: 'FF-001-STATEMENT-1' });
    expect(repaid.status).toBe(201);
    expect(repaid.body.allocations.principal).toBe('1000.00');
  });
});
