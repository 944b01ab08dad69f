import { expectFieldError, expectProblem } from './support/problems.js';
import { DEALER_HEADERS, counterpartyCsv, dealerRow, importCounterparties } from './support/counterparties.js';
import { importRoster, rosterBuffer } from './support/rosters.js';
import { createTestApp, type TestApp, type TestUser } from './support/test-app.js';

describe('counterparties and roster schemas', () => {
  let t: TestApp;
  let ce: { id: string };
  let otherCe: { id: string };
  let enterprise: TestUser;
  let otherEnterprise: TestUser;
  let officer: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    ce = await t.coreEnterprise();
    otherCe = await t.coreEnterprise();
    enterprise = await t.user('ENTERPRISE', ce.id);
    otherEnterprise = await t.user('ENTERPRISE', otherCe.id);
    officer = await t.user('OFFICER');
  });
  afterAll(() => t.close());

  const putSchema = (body: unknown, auth = t.admin.auth, id = ce.id) =>
    t
      .http()
      .put(`/core-enterprises/${id}/roster-schema`)
      .set(auth)
      .send(body as object);

  it('lists the built-in templates to anyone signed in', async () => {
    const res = await t.http().get('/roster-templates').set(enterprise.auth).expect(200);
    expect(res.body.items.map((x: { name: string }) => x.name)).toEqual(['DAIRY_SUPPLIER', 'DEALER', 'FREIGHT_FORWARDER']);
    const forwarder = res.body.items[2];
    expect(forwarder.attributes.find((a: { key: string }) => a.key === 'tax_credit_grade')).toMatchObject({
      type: 'ENUM',
      values: ['A', 'B', 'M', 'C', 'D'],
      aliases: ['纳税信用等级'],
    });
    expectProblem(await t.http().get('/roster-templates'), 401);
  });

  it("answers a role's schema: its default template until one is set", async () => {
    const res = await t.http().get(`/core-enterprises/${ce.id}/roster-schema`).query({ role: 'DEALER' }).set(enterprise.auth).expect(200);
    expect(res.body).toMatchObject({ role: 'DEALER', version: 0, template: 'DEALER' });
    expectProblem(await t.http().get(`/core-enterprises/${ce.id}/roster-schema`).set(otherEnterprise.auth), 404);
  });

  it('sets a schema: ADMIN only, every bad field named, keys identifiers only', async () => {
    const body = {
      role: 'DEALER',
      template: 'DEALER',
      attributes: [{ key: 'sales_region', label: '销售区域', aliases: ['销售区域'], type: 'TEXT', required: false }],
    };
    expectProblem(await putSchema(body, officer.auth), 403);
    expectProblem(await putSchema(body, enterprise.auth), 403);
    expectProblem(await putSchema(body, t.admin.auth, '00000000-0000-4000-8000-000000000000'), 404);
    const bad = await putSchema({
      role: 'DEALER',
      attributes: [
        { key: "x') OR 1=1 --", label: 'x', aliases: [], type: 'TEXT', required: false },
        { key: 'rating', label: 'r', aliases: [], type: 'ENUM', required: true, values: [] },
      ],
    });
    expectProblem(bad, 400, 'VALIDATION_FAILED');
    expect(bad.body.errors.map((e: { field: string; code: string }) => `${e.field} ${e.code}`)).toEqual([
      'attributes[0].key ATTRIBUTE_KEY_INVALID',
      'attributes[1].values INVALID_ENUM_VALUES',
    ]);
    expectFieldError(await putSchema({ ...body, template: 'GRAIN' }), 'template', 'UNKNOWN_TEMPLATE');

    const ok = await putSchema(body).expect(200);
    expect(ok.body).toMatchObject({ role: 'DEALER', version: 1, template: 'DEALER' });
    expect(ok.body.attributes.map((a: { key: string }) => a.key)).toEqual([
      'annual_purchase_amount',
      'cooperation_years',
      'outlets',
      'orders_12m',
      'sales_region',
    ]);
  });

  let dealerId: string;

  it("imports a dealer roster with the role's schema, and records the version it used", async () => {
    await importRoster(t, ce.id, await rosterBuffer({ rows: 3, seed: 7 }));
    const csv = counterpartyCsv(
      [{ ...dealerRow('D-001'), 销售区域: '呼和浩特' }, dealerRow('D-002', { orders: 'many' }), dealerRow('D-003', { purchases: '-5' })],
      [...DEALER_HEADERS, '销售区域'],
    );
    const imp = await importCounterparties(t, ce.id, csv, 'DEALER', enterprise.auth);
    expect(imp).toMatchObject({ status: 'COMPLETED', role: 'DEALER', schemaVersion: 1, acceptedRows: 1, rejectedRows: 2 });
    const errors = await t.http().get(`/roster-imports/${imp.id}/errors`).set(enterprise.auth).expect(200);
    expect(
      errors.body.items.map((e: { supplierCode: string; field: string; code: string }) => `${e.supplierCode} ${e.field} ${e.code}`),
    ).toEqual(['D-002 orders_12m NOT_AN_INTEGER', 'D-003 annual_purchase_amount OUT_OF_RANGE']);

    const list = await t.http().get(`/core-enterprises/${ce.id}/counterparties`).query({ role: 'DEALER' }).set(enterprise.auth).expect(200);
    expect(list.body.total).toBe(1);
    const dealer = list.body.items[0];
    dealerId = dealer.id;
    expect(dealer).toMatchObject({
      role: 'DEALER',
      code: 'D-001',
      counterpartyType: 'INDIVIDUAL',
      schemaVersion: 1,
      attributes: { annual_purchase_amount: '1200000.00', cooperation_years: '3', outlets: 4, orders_12m: 18, sales_region: '呼和浩特' },
    });
    expect(dealer.idNumber).toMatch(/\*{8}/);
    const all = await t.http().get(`/core-enterprises/${ce.id}/counterparties`).set(t.admin.auth).expect(200);
    expect(all.body.total).toBe(4);
    // the /suppliers paths stay for role SUPPLIER
    const suppliers = await t.http().get(`/core-enterprises/${ce.id}/suppliers`).set(t.admin.auth).expect(200);
    expect(suppliers.body.total).toBe(3);
    const supplier = all.body.items.find((c: { role: string }) => c.role === 'SUPPLIER');
    expect(supplier.attributes).toMatchObject({ herd_size: expect.any(Number), farm_name: expect.any(String) });
  });

  it('shows a counterparty to its owner and the staff, and is 404 to another core enterprise', async () => {
    const res = await t.http().get(`/counterparties/${dealerId}`).set(enterprise.auth).expect(200);
    expect(res.body).toMatchObject({ id: dealerId, role: 'DEALER', attributes: { orders_12m: 18 } });
    await t.http().get(`/counterparties/${dealerId}`).set(officer.auth).expect(200);
    expectProblem(await t.http().get(`/counterparties/${dealerId}`).set(otherEnterprise.auth), 404);
    expectProblem(await t.http().get(`/core-enterprises/${ce.id}/counterparties`).set(otherEnterprise.auth), 404);
    expectFieldError(await t.http().get(`/counterparties/not-a-uuid`).set(officer.auth), 'id', 'INVALID_UUID');
    expectFieldError(await t.http().get(`/core-enterprises/${ce.id}/counterparties`).query({ role: 'BUYER' }).set(officer.auth), 'role');
  });

  it('refuses to retype an attribute counterparties hold values of (409 naming them); other changes are a new version', async () => {
    const retype = await putSchema({
      role: 'DEALER',
      template: 'DEALER',
      attributes: [{ key: 'outlets', label: 'outlets', aliases: ['门店数'], type: 'TEXT', required: true }],
    });
    expectProblem(retype, 409, 'ROSTER_SCHEMA_RETYPES_VALUES');
    expect(retype.body.counterparties).toEqual(['D-001']);
    const v2 = await putSchema({ role: 'DEALER', template: 'DEALER', attributes: [] }).expect(200);
    expect(v2.body.version).toBe(2);
    // the dealer keeps the value of the attribute version 2 dropped
    const res = await t.http().get(`/counterparties/${dealerId}`).set(enterprise.auth).expect(200);
    expect(res.body).toMatchObject({ schemaVersion: 1, attributes: { sales_region: '呼和浩特' } });
  });

  it('refuses a roster whose code names a counterparty of another role, and a role it does not know', async () => {
    const suppliers = await t.http().get(`/core-enterprises/${ce.id}/suppliers`).set(t.admin.auth).expect(200);
    const taken = suppliers.body.items[0].supplierCode;
    const imp = await importCounterparties(t, ce.id, counterpartyCsv([dealerRow(taken)], DEALER_HEADERS), 'DEALER');
    expect(imp).toMatchObject({ status: 'FAILED', failure: { code: 'CODE_OF_OTHER_ROLE' } });
    expect(imp.failure.message).toContain(taken);
    const res = await t
      .http()
      .post(`/core-enterprises/${ce.id}/rosters`)
      .set(t.admin.auth)
      .field('role', 'BUYER')
      .attach('file', counterpartyCsv([dealerRow('D-9')], DEALER_HEADERS), 'r.csv');
    expectFieldError(res, 'role', 'INVALID_VALUE');
  });
});
