import { randomUUID } from 'node:crypto';
import { expectProblem } from './support/problems.js';
import {
  csvFile,
  entity,
  expectStatus,
  individual,
  residentIdEndingInX,
  serverErrors,
  uploadAndWait,
  type Auth,
} from './support/roster-files.js';
import { twoTenants } from './support/tenants.js';
import { createTestApp, type TestApp, type TestUser } from './support/test-app.js';

const masked = (v: string, head: number, tail: number) => v.slice(0, head) + '*'.repeat(v.length - head - tail) + v.slice(-tail);

describe('suppliers: lists, detail, masking, identity and its audit', () => {
  let t: TestApp;
  let own: { id: string };
  let other: { id: string };
  let enterprise: TestUser;
  let otherEnterprise: TestUser;
  let officer: TestUser;
  let senior: TestUser;
  let auditor: TestUser;
  let ownKey: Auth;
  let otherKey: Auth;
  const person = individual('SUP-P-0001', {
    name: '额尔敦巴特尔',
    id_number: residentIdEndingInX('1978-08-08'),
    phone: '13912345678',
    bank_account: '6228480402564890018',
    epidemic_cert_expiry: '2027/3/9',
    years_experience: '14.50',
    avg_monthly_delivery_kg: '48000.500',
    avg_monthly_settlement: '150000',
  });
  const firm = entity('SUP-E-0002', { name: '锡林郭勒草原奶牛养殖专业合作社', bank_account: '1100601234567890123', phone: '15012345678' });
  const rows = [
    person,
    firm,
    ...Array.from({ length: 6 }, (_, i) => individual(`SUP-X-${String(i).padStart(4, '0')}`, { name: `王牧户${i}` })),
  ];
  let personId: string;
  let firmId: string;

  beforeAll(async () => {
    t = await createTestApp();
    ({ own, other, enterprise, otherEnterprise, officer, senior, auditor, ownKey, otherKey } = await twoTenants(t));
    const imp = await uploadAndWait(t, own.id, csvFile(rows), 'roster.csv', enterprise.auth);
    expect(imp).toMatchObject({ status: 'COMPLETED', acceptedRows: rows.length });
    // the other core enterprise has suppliers of its own, one with the same code
    await uploadAndWait(t, other.id, csvFile([individual('SUP-P-0001', { name: '别人的牧户' })]), 'roster.csv', otherEnterprise.auth);
    const list = await t.http().get(`/core-enterprises/${own.id}/suppliers`).query({ pageSize: 100 }).set(t.admin.auth);
    personId = list.body.items.find((s: { supplierCode: string }) => s.supplierCode === person.supplier_code).id;
    firmId = list.body.items.find((s: { supplierCode: string }) => s.supplierCode === firm.supplier_code).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const fullIdentifiers = () => [
    person.id_number,
    person.phone,
    person.bank_account,
    firm.id_number,
    firm.legal_rep_id_number,
    firm.phone,
    firm.bank_account,
  ];

  describe('GET /core-enterprises/:id/suppliers', () => {
    it('lists them to the owner (user and API key) and to staff, ordered by code, identifiers masked', async () => {
      for (const auth of [enterprise.auth, ownKey, officer.auth, senior.auth, auditor.auth, t.admin.auth]) {
        const res = await t.http().get(`/core-enterprises/${own.id}/suppliers`).set(auth);
        expectStatus(res, 200);
        expect(res.body).toMatchObject({ page: 1, pageSize: expect.any(Number), total: rows.length });
        expect(res.body.items.map((s: { supplierCode: string }) => s.supplierCode)).toEqual(rows.map((r) => r.supplier_code).sort());
        const text = JSON.stringify(res.body);
        expect(fullIdentifiers().filter((v) => text.includes(v))).toEqual([]);
        const p = res.body.items.find((s: { id: string }) => s.id === personId);
        expect(p).toMatchObject({
          idNumber: masked(person.id_number, 6, 4),
          phone: '139****5678',
          bankAccount: masked(person.bank_account, 4, 4),
          legalRepIdNumber: null,
        });
        expect(p.idNumber).toMatch(/^\d{6}\*{8}\d{3}X$/);
      }
    });

    it('matches q against the code or the name, and pages', async () => {
      const byCode = await t.http().get(`/core-enterprises/${own.id}/suppliers`).query({ q: 'SUP-X' }).set(enterprise.auth);
      expect(byCode.body.total).toBe(6);
      const byName = await t.http().get(`/core-enterprises/${own.id}/suppliers`).query({ q: '额尔敦' }).set(enterprise.auth);
      expect(byName.body.items.map((s: { supplierCode: string }) => s.supplierCode)).toEqual([person.supplier_code]);
      const wildcard = await t.http().get(`/core-enterprises/${own.id}/suppliers`).query({ q: '%' }).set(enterprise.auth);
      expect(wildcard.body.total).toBe(0);
      const page2 = await t.http().get(`/core-enterprises/${own.id}/suppliers`).query({ page: 2, pageSize: 3 }).set(enterprise.auth);
      expect(page2.body).toMatchObject({ page: 2, pageSize: 3, total: rows.length });
      expect(page2.body.items.map((s: { supplierCode: string }) => s.supplierCode)).toEqual(
        rows
          .map((r) => r.supplier_code)
          .sort()
          .slice(3, 6),
      );
      expectProblem(await t.http().get(`/core-enterprises/${own.id}/suppliers`).query({ pageSize: 501 }).set(enterprise.auth), 400);
    });

    it("answers 404 to another core enterprise's user and API key; 404 for an unknown core enterprise; 401 anonymous", async () => {
      const refusals = [
        expectProblem(await t.http().get(`/core-enterprises/${own.id}/suppliers`).set(otherEnterprise.auth), 404),
        expectProblem(await t.http().get(`/core-enterprises/${own.id}/suppliers`).set(otherKey), 404),
        expectProblem(await t.http().get(`/core-enterprises/${randomUUID()}/suppliers`).set(t.admin.auth), 404),
        expectProblem(await t.http().get(`/core-enterprises/${own.id}/suppliers`), 401),
      ];
      expect(refusals.map((p) => p.status)).toEqual([404, 404, 404, 401]);
    });
  });

  describe('GET /suppliers/:id', () => {
    it('shows every roster column in camelCase, identifiers masked', async () => {
      for (const auth of [enterprise.auth, ownKey, officer.auth, auditor.auth]) {
        const res = await t.http().get(`/suppliers/${personId}`).set(auth);
        expectStatus(res, 200);
        expect(res.body).toMatchObject({
          id: personId,
          coreEnterpriseId: own.id,
          supplierCode: person.supplier_code,
          supplierType: 'INDIVIDUAL',
          name: '额尔敦巴特尔',
          idNumber: masked(person.id_number, 6, 4),
          legalRepIdNumber: null,
          phone: '139****5678',
          bankAccount: masked(person.bank_account, 4, 4),
          bankName: person.bank_name,
          farmName: person.farm_name,
          province: person.province,
          herdSize: 120,
          yearsExperience: '14.5',
          epidemicCertNo: person.epidemic_cert_no,
          epidemicCertExpiry: '2027-03-09',
          deliveryMonths: 36,
          avgMonthlyDeliveryKg: '48000.5',
          avgMonthlySettlement: '150000.00',
        });
        expect(fullIdentifiers().filter((v) => JSON.stringify(res.body).includes(v))).toEqual([]);
      }
      const f = await t.http().get(`/suppliers/${firmId}`).set(enterprise.auth);
      expect(f.body).toMatchObject({
        supplierType: 'ENTITY',
        idNumber: masked(firm.id_number, 6, 4),
        legalRepIdNumber: masked(firm.legal_rep_id_number, 6, 4),
        bankAccount: masked(firm.bank_account, 4, 4),
        phone: '150****5678',
      });
    });

    it("answers 404 to another core enterprise's user and API key, and for an unknown supplier", async () => {
      const refusals = [
        expectProblem(await t.http().get(`/suppliers/${personId}`).set(otherEnterprise.auth), 404),
        expectProblem(await t.http().get(`/suppliers/${personId}`).set(otherKey), 404),
        expectProblem(await t.http().get(`/suppliers/${randomUUID()}`).set(t.admin.auth), 404),
        expectProblem(await t.http().get(`/suppliers/not-a-uuid`).set(t.admin.auth), 400),
      ];
      expect(refusals.map((p) => p.status)).toEqual([404, 404, 404, 400]);
    });
  });

  describe('GET /suppliers/:id/identity', () => {
    const identityEvents = async () => {
      const res = await t
        .http()
        .get('/audit-events')
        .query({ entityType: 'Supplier', entityId: personId, action: 'SUPPLIER_IDENTITY_READ', pageSize: 100 })
        .set(auditor.auth);
      expectStatus(res, 200);
      return res.body as { total: number; items: Record<string, any>[] };
    };

    it('gives the full identifiers to OFFICER, SENIOR_OFFICER and ADMIN, and audits each read', async () => {
      const before = (await identityEvents()).total;
      for (const u of [officer, senior, t.admin]) {
        const res = await t.http().get(`/suppliers/${personId}/identity`).set(u.auth);
        expectStatus(res, 200);
        expect(res.body).toMatchObject({
          id: personId,
          supplierCode: person.supplier_code,
          idNumber: person.id_number,
          legalRepIdNumber: null,
          phone: person.phone,
          bankAccount: person.bank_account,
        });
      }
      const events = await identityEvents();
      expect(events.total).toBe(before + 3);
      const mine = events.items.slice(-3);
      expect(mine.map((e) => e.actor.id)).toEqual([officer.id, senior.id, t.admin.id]);
      expect(
        mine.every(
          (e) =>
            e.action === 'SUPPLIER_IDENTITY_READ' &&
            e.entityType === 'Supplier' &&
            e.entityId === personId &&
            e.coreEnterpriseId === own.id,
        ),
      ).toBe(true);
      // the audit trail itself keeps no full identifier
      expect(fullIdentifiers().filter((v) => JSON.stringify(events).includes(v))).toEqual([]);

      const f = await t.http().get(`/suppliers/${firmId}/identity`).set(officer.auth);
      expect(f.body).toMatchObject({
        idNumber: firm.id_number,
        legalRepIdNumber: firm.legal_rep_id_number,
        bankAccount: firm.bank_account,
        phone: firm.phone,
      });
    });

    it('refuses ENTERPRISE users, API keys and AUDITOR (403), anonymous callers (401), and audits nothing for them', async () => {
      const before = (await identityEvents()).total;
      for (const auth of [enterprise.auth, ownKey, auditor.auth, otherEnterprise.auth])
        expectProblem(await t.http().get(`/suppliers/${personId}/identity`).set(auth), 403);
      expectProblem(await t.http().get(`/suppliers/${personId}/identity`), 401);
      expectProblem(await t.http().get(`/suppliers/${randomUUID()}/identity`).set(officer.auth), 404);
      expect((await identityEvents()).total).toBe(before);
    });

    it('lets only ADMIN and AUDITOR read the audit trail', async () => {
      const trail = expectStatus(
        await t.http().get('/audit-events').query({ entityType: 'Supplier', entityId: personId }).set(t.admin.auth),
        200,
      );
      expect(trail.status).toBe(200);
      const auditorTrail = await t.http().get('/audit-events').query({ entityType: 'Supplier', entityId: personId }).set(auditor.auth);
      expect(auditorTrail.status).toBe(200);
      expect(auditorTrail.body.items.length).toBe(trail.body.items.length);
      for (const u of [officer, enterprise]) {
        const refused = expectProblem(
          await t.http().get('/audit-events').query({ entityType: 'Supplier', entityId: personId }).set(u.auth),
          403,
        );
        expect(refused.status).toBe(403);
      }
    });
  });

  it('never wrote a full identifier into the logs, and answered no request with a 5xx', () => {
    const logs = t.logs.join('\n');
    expect(fullIdentifiers().filter((v) => logs.includes(v))).toEqual([]);
    expect(serverErrors(t)).toEqual([]);
  });
});
