import pg from 'pg';
import type { Response } from 'supertest';
import {
  addDays,
  addYears,
  ageOn,
  daysFrom,
  entityRow,
  getEligibility,
  individualRow,
  rescreen,
  rosterCsv,
  storedResults,
  todayIn,
  waitForRun,
  waitUntil,
  type Auth,
} from './support/eligibility.js';
import { approveReq, submitReq } from './support/loans.js';
import { expectFieldError, expectProblem } from './support/problems.js';
import { importRoster, rosterBuffer, waitForScreening } from './support/rosters.js';
import { insertSuppliers, type SupplierSeed } from './support/suppliers.js';
import { STANDARD_FORMULA, STANDARD_RULES, createTestApp, type TestApp, type TestUser } from './support/test-app.js';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const CERT_NAME = '(蒙)动防合字第150102000001号';

type RuleResult = { rule: string; fact: string; operator: string; passed: boolean; actual: unknown; expected: string; message: string };

/** The rule results of an eligibility body, by rule name. */
function byRule(body: { results: RuleResult[] }): Record<string, RuleResult> {
  return Object.fromEntries(body.results.map((r) => [r.rule, r]));
}

describe('supplier eligibility', () => {
  let t: TestApp;
  let officer: TestUser;
  let senior: TestUser;
  let auditor: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.user('OFFICER');
    senior = await t.user('SENIOR_OFFICER');
    auditor = await t.user('AUDITOR');
  });
  afterAll(async () => {
    await t?.close();
  });

  /** One supplier inserted and read at once, with today's business date checked (a run across midnight would fail loudly here). */
  async function screenOne(ceId: string, seed: SupplierSeed, programmeId?: string, auth: Auth = officer.auth) {
    const today = todayIn();
    const [s] = await insertSuppliers(t, ceId, [seed]);
    const res = await getEligibility(t, auth, s.id, programmeId);
    if (res.status !== 200) throw new Error(`eligibility: ${res.status} ${JSON.stringify(res.body)}`);
    expect(res.body.evaluationDate).toBe(today);
    return { supplier: s, body: res.body, today, rules: byRule(res.body) };
  }

  describe('explanations against the standard rules', () => {
    let ce: { id: string };
    let programme: Record<string, any>;

    beforeAll(async () => {
      ce = await t.coreEnterprise();
      programme = await t.programme(ce.id);
    });

    it('explains a supplier that passes every rule, screening it on its first read only', async () => {
      const today = todayIn();
      const [s] = await insertSuppliers(t, ce.id, [{}]);
      expect((await storedResults(t, programme.id)).has(s.id)).toBe(false);

      // the core enterprise has one programme, so programmeId may be left out
      const res = await getEligibility(t, officer.auth, s.id);
      expect(res.status).toBe(200);
      const certDays = daysFrom(today, '2099-12-31');
      const age = ageOn('1980-05-17', today);
      expect(res.body).toEqual({
        supplierId: s.id,
        programmeId: programme.id,
        eligible: true,
        // min(500000.00, 3 x 60000.00, 8000.00 x 120) = 180000.00, already a multiple of 1000
        creditLimit: '180000.00',
        availableLimit: '180000.00',
        reservedAmount: '0.00',
        evaluatedAt: expect.stringMatching(ISO_INSTANT),
        evaluationDate: today,
        rulesetVersion: 1,
        stale: false,
        results: [
          {
            rule: 'experience',
            fact: 'yearsExperience',
            operator: '>=',
            passed: true,
            actual: '8.00',
            expected: '>= 3',
            message: 'years of experience 8.00 meets the required 3',
          },
          {
            rule: 'epidemic-cert',
            fact: 'epidemicCertValidDays',
            operator: '>=',
            passed: true,
            actual: certDays,
            expected: '>= 30',
            message: `days left on the epidemic prevention certificate ${certDays} meets the required 30`,
          },
          {
            rule: 'herd',
            fact: 'herdSize',
            operator: 'between',
            passed: true,
            actual: 120,
            expected: 'between 10 and 5000',
            message: 'herd size 120 is between 10 and 5000',
          },
          {
            rule: 'age',
            fact: 'age',
            operator: 'between',
            passed: true,
            actual: age,
            expected: 'between 18 and 65',
            message: `age ${age} is between 18 and 65`,
          },
          {
            rule: 'deliveries',
            fact: 'deliveryMonths',
            operator: '>=',
            passed: true,
            actual: 36,
            expected: '>= 12',
            message: 'milk delivery months 36 meets the required 12',
          },
        ],
        limitTerms: { maxAmount: '500000.00', settlementMultiple: '180000.00', perHeadAmount: '960000.00' },
      });

      const stored = (await storedResults(t, programme.id)).get(s.id)!;
      expect(stored).toMatchObject({
        ruleset_version: 1,
        evaluation_date: today,
        eligible: true,
        credit_limit: '180000.00',
        failed_rules: [],
      });
      expect(stored.evaluated_at.toISOString()).toBe(res.body.evaluatedAt);

      // a second read explains the stored result: no new screening
      const again = await getEligibility(t, officer.auth, s.id, programme.id);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(res.body);
    });

    const failures: [string, (today: string) => SupplierSeed, Partial<RuleResult>][] = [
      [
        'experience',
        () => ({ yearsExperience: '2.5' }),
        { actual: '2.50', expected: '>= 3', message: 'years of experience 2.50 is below the required 3' },
      ],
      [
        'epidemic-cert',
        (today) => ({ epidemicCertExpiry: addDays(today, 10) }),
        { actual: 10, expected: '>= 30', message: 'days left on the epidemic prevention certificate 10 is below the required 30' },
      ],
      [
        'herd',
        () => ({ herdSize: 5 }),
        { actual: 5, expected: 'between 10 and 5000', message: 'herd size 5 is below the range 10 to 5000' },
      ],
      [
        'herd',
        () => ({ herdSize: 6000 }),
        { actual: 6000, expected: 'between 10 and 5000', message: 'herd size 6000 is above the range 10 to 5000' },
      ],
      [
        'age',
        (today) => ({ birthDate: addYears(today, -70) }),
        { actual: 70, expected: 'between 18 and 65', message: 'age 70 is above the range 18 to 65' },
      ],
      [
        'deliveries',
        () => ({ deliveryMonths: 6 }),
        { actual: 6, expected: '>= 12', message: 'milk delivery months 6 is below the required 12' },
      ],
    ];

    it.each(failures)('explains a failure of the %s rule: %#', async (rule, seed, expected) => {
      const { supplier, body, rules } = await screenOne(ce.id, seed(todayIn()), programme.id);
      expect(body).toMatchObject({
        eligible: false,
        creditLimit: '0.00',
        availableLimit: '0.00',
        reservedAmount: '0.00',
        rulesetVersion: 1,
        stale: false,
      });
      expect(rules[rule]).toEqual({ ...rules[rule], passed: false, ...expected });
      expect(body.results.filter((r: RuleResult) => !r.passed).map((r: RuleResult) => r.rule)).toEqual([rule]);
      // the terms are still shown, though the limit is 0 for a supplier who is not eligible
      expect(Object.keys(body.limitTerms).sort()).toEqual(['maxAmount', 'perHeadAmount', 'settlementMultiple']);
      const stored = (await storedResults(t, programme.id)).get(supplier.id)!;
      expect(stored).toMatchObject({ eligible: false, credit_limit: '0.00', failed_rules: [rule] });
    });

    it('counts a birthday on the evaluation date (Asia/Shanghai): 65 today passes between [18, 65], 66 today fails', async () => {
      const today = todayIn();
      const cases: [string, number, boolean, string][] = [
        [addYears(today, -65), 65, true, 'age 65 is between 18 and 65'],
        // the last day at 65: the 66th birthday is tomorrow
        [addDays(addYears(today, -66), 1), 65, true, 'age 65 is between 18 and 65'],
        [addYears(today, -66), 66, false, 'age 66 is above the range 18 to 65'],
        [addYears(today, -18), 18, true, 'age 18 is between 18 and 65'],
        [addDays(addYears(today, -18), 1), 17, false, 'age 17 is below the range 18 to 65'],
      ];
      for (const [birthDate, age, passed, message] of cases) {
        const { body, rules } = await screenOne(ce.id, { birthDate }, programme.id);
        expect({ birthDate, ...rules.age }).toEqual({
          birthDate,
          rule: 'age',
          fact: 'age',
          operator: 'between',
          expected: 'between 18 and 65',
          actual: age,
          passed,
          message,
        });
        expect(body.eligible).toBe(passed);
      }
    });

    it('keeps what an approved loan reserves out of the available limit', async () => {
      const { supplier } = await screenOne(ce.id, {}, programme.id);
      const loan = await submitReq(t, officer, { programmeId: programme.id, supplierId: supplier.id, amount: '10000.00', termDays: 180 });
      expect(loan.status).toBe(201);
      expect(loan.body.status).toBe('PENDING_REVIEW');
      const approved = await approveReq(t, senior, loan.body.id);
      expect(approved.status).toBe(200);
      const res = await getEligibility(t, officer.auth, supplier.id, programme.id);
      expect(res.body).toMatchObject({ eligible: true, creditLimit: '180000.00', reservedAmount: '10000.00', availableLimit: '170000.00' });
    });
  });

  describe("the programme's time zone", () => {
    it('judges age and certificate days at the business date of the programme', async () => {
      // UTC+14 and UTC-11: their calendar dates are never the same
      const ce = await t.coreEnterprise();
      const rules = [
        { name: 'age', fact: 'age', operator: 'between', value: [18, 65] },
        { name: 'cert', fact: 'epidemicCertValidDays', operator: '>=', value: 0 },
      ];
      const east = await t.programme(ce.id, { name: 'east', timeZone: 'Pacific/Kiritimati', eligibilityRules: rules });
      const west = await t.programme(ce.id, { name: 'west', timeZone: 'Pacific/Pago_Pago', eligibilityRules: rules });
      const eastToday = todayIn('Pacific/Kiritimati');
      const westToday = todayIn('Pacific/Pago_Pago');
      expect(westToday < eastToday).toBe(true);
      // 18 today in Kiritimati, still 17 in Pago Pago; the certificate runs out today in Kiritimati
      const [s] = await insertSuppliers(t, ce.id, [{ birthDate: addYears(eastToday, -18), epidemicCertExpiry: eastToday }]);
      const e = await getEligibility(t, officer.auth, s.id, east.id);
      const w = await getEligibility(t, officer.auth, s.id, west.id);
      expect(e.body).toMatchObject({ evaluationDate: eastToday, eligible: true });
      expect(byRule(e.body).age).toMatchObject({ actual: 18, passed: true });
      expect(byRule(e.body).cert).toMatchObject({ actual: 0, passed: true });
      expect(w.body).toMatchObject({ evaluationDate: westToday, eligible: false });
      expect(byRule(w.body).age).toMatchObject({ actual: 17, passed: false });
      expect(byRule(w.body).cert).toMatchObject({ actual: daysFrom(westToday, eastToday), passed: true });
    });
  });

  describe('epidemic prevention certificates', () => {
    let ce: { id: string };
    let atLeast0: Record<string, any>;
    let atLeast1: Record<string, any>;

    beforeAll(async () => {
      ce = await t.coreEnterprise();
      atLeast0 = await t.programme(ce.id, {
        name: 'cert valid today',
        eligibilityRules: [
          { name: 'cert-valid', fact: 'epidemicCertValidDays', operator: '>=', value: 0 },
          { name: 'cert-on-record', fact: 'hasEpidemicCert', operator: 'isTrue' },
        ],
      });
      atLeast1 = await t.programme(ce.id, {
        name: 'cert valid tomorrow',
        eligibilityRules: [{ name: 'cert-valid', fact: 'epidemicCertValidDays', operator: '>=', value: 1 }],
      });
    });

    it('a certificate expiring today has 0 days left: passes >= 0 and fails >= 1', async () => {
      const today = todayIn();
      const { supplier, rules } = await screenOne(ce.id, { epidemicCertExpiry: today }, atLeast0.id);
      expect(rules['cert-valid']).toMatchObject({
        passed: true,
        actual: 0,
        expected: '>= 0',
        message: 'days left on the epidemic prevention certificate 0 meets the required 0',
      });
      const strict = await getEligibility(t, officer.auth, supplier.id, atLeast1.id);
      expect(strict.status).toBe(200);
      expect(strict.body).toMatchObject({ eligible: false, creditLimit: '0.00' });
      expect(byRule(strict.body)['cert-valid']).toMatchObject({
        passed: false,
        actual: 0,
        expected: '>= 1',
        message: 'days left on the epidemic prevention certificate 0 is below the required 1',
      });
    });

    it('an expired certificate has negative days left', async () => {
      const today = todayIn();
      const { body, rules } = await screenOne(ce.id, { epidemicCertExpiry: addDays(today, -1) }, atLeast0.id);
      expect(body.eligible).toBe(false);
      expect(rules['cert-valid']).toMatchObject({
        passed: false,
        actual: -1,
        message: 'days left on the epidemic prevention certificate -1 is below the required 0',
      });
      expect(rules['cert-on-record']).toMatchObject({
        passed: true,
        actual: true,
        message: 'an epidemic prevention certificate is on record',
      });
    });

    it('no certificate fails any rule on it', async () => {
      const { body, rules } = await screenOne(ce.id, { epidemicCertNo: null, epidemicCertExpiry: null }, atLeast0.id);
      expect(body).toMatchObject({ eligible: false, creditLimit: '0.00' });
      expect(rules['cert-valid']).toEqual({
        rule: 'cert-valid',
        fact: 'epidemicCertValidDays',
        operator: '>=',
        passed: false,
        actual: null,
        expected: '>= 0',
        message: 'no epidemic prevention certificate on record',
      });
      expect(rules['cert-on-record']).toMatchObject({
        passed: false,
        actual: false,
        expected: 'is true',
        message: 'no epidemic prevention certificate on record',
      });
    });

    it('a certificate with no expiry date fails the rule on its days left', async () => {
      const { rules } = await screenOne(ce.id, { epidemicCertNo: CERT_NAME, epidemicCertExpiry: null }, atLeast0.id);
      expect(rules['cert-valid']).toMatchObject({
        passed: false,
        actual: null,
        message: 'the epidemic prevention certificate has no expiry date on record',
      });
      expect(rules['cert-on-record']).toMatchObject({ passed: true, actual: true });
    });

    it('needs programmeId when the core enterprise has several programmes, or none', async () => {
      const [s] = await insertSuppliers(t, ce.id, [{}]);
      const res = await getEligibility(t, officer.auth, s.id);
      expectProblem(res, 400, 'PROGRAMME_REQUIRED');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'programmeId' })]);

      const bare = await t.coreEnterprise();
      const [lonely] = await insertSuppliers(t, bare.id, [{}]);
      expectProblem(await getEligibility(t, officer.auth, lonely.id), 400, 'PROGRAMME_REQUIRED');
      // nothing was screened by the refused reads
      const rows = await t.db.query(`SELECT count(*)::int AS n FROM screening_results WHERE supplier_id = ANY($1)`, [[s.id, lonely.id]]);
      expect(rows[0].n).toBe(0);
    });
  });

  describe('ENTITY suppliers are judged on their legal representative', () => {
    let ce: { id: string };
    let programme: Record<string, any>;

    beforeAll(async () => {
      ce = await t.coreEnterprise();
      programme = await t.programme(ce.id);
    });

    it('fails the age rule when the legal representative is too old, whatever the entity', async () => {
      const today = todayIn();
      const old = await screenOne(ce.id, { supplierType: 'ENTITY', birthDate: addYears(today, -70) });
      expect(old.body).toMatchObject({ eligible: false, creditLimit: '0.00' });
      expect(old.rules.age).toMatchObject({ passed: false, actual: 70, message: 'age 70 is above the range 18 to 65' });
      const young = await screenOne(ce.id, { supplierType: 'ENTITY', birthDate: addYears(today, -40) });
      expect(young.body).toMatchObject({ eligible: true, creditLimit: '180000.00' });
      expect(young.rules.age).toMatchObject({ passed: true, actual: 40 });
    });

    it("takes the age from the legal representative's resident ID in an imported roster", async () => {
      const today = todayIn();
      const file = rosterCsv([
        entityRow('ENT-OLD-001', addYears(today, -70)),
        entityRow('ENT-MID-002', addYears(today, -40)),
        individualRow('IND-YNG-003', addYears(today, -30)),
      ]);
      const imp = await importRoster(t, ce.id, file);
      expect(imp).toMatchObject({ status: 'COMPLETED', acceptedRows: 3, rejectedRows: 0 });
      await waitForScreening(t, programme.id);
      const ids = new Map<string, string>(
        (await t.db.query(`SELECT supplier_code, id FROM suppliers WHERE core_enterprise_id = $1`, [ce.id])).map(
          (r: { supplier_code: string; id: string }) => [r.supplier_code, r.id],
        ),
      );
      const ages: Record<string, unknown> = {};
      for (const code of ['ENT-OLD-001', 'ENT-MID-002', 'IND-YNG-003']) {
        const res = await getEligibility(t, officer.auth, ids.get(code)!, programme.id);
        expect(res.status).toBe(200);
        ages[code] = { eligible: res.body.eligible, age: byRule(res.body).age.actual, passed: byRule(res.body).age.passed };
      }
      expect(ages).toEqual({
        'ENT-OLD-001': { eligible: false, age: 70, passed: false },
        'ENT-MID-002': { eligible: true, age: 40, passed: true },
        'IND-YNG-003': { eligible: true, age: 30, passed: true },
      });
    });
  });

  describe('limit formula', () => {
    let ce: { id: string };
    let standard: Record<string, any>;
    let noSettlementTerm: Record<string, any>;
    let noRounding: Record<string, any>;

    beforeAll(async () => {
      ce = await t.coreEnterprise();
      standard = await t.programme(ce.id, { name: 'standard formula' });
      noSettlementTerm = await t.programme(ce.id, {
        name: 'no settlement term',
        limitFormula: { maxAmount: '500000.00', perHeadAmount: '8000.00', roundDownTo: '1000' },
      });
      noRounding = await t.programme(ce.id, { name: 'no rounding', limitFormula: { settlementMultiple: '2.5' } });
    });

    it('counts a missing settlement figure as 0 when the formula has settlementMultiple', async () => {
      const { supplier, body, rules } = await screenOne(ce.id, { avgMonthlySettlement: null }, standard.id);
      expect(Object.values(rules).every((r) => r.passed)).toBe(true);
      expect(body).toMatchObject({
        eligible: true,
        creditLimit: '0.00',
        availableLimit: '0.00',
        limitTerms: { maxAmount: '500000.00', settlementMultiple: '0.00', perHeadAmount: '960000.00' },
      });
      // without the term, the missing figure does not matter
      const other = await getEligibility(t, officer.auth, supplier.id, noSettlementTerm.id);
      expect(other.body).toMatchObject({ eligible: true, creditLimit: '500000.00' });
      expect(other.body.limitTerms).toEqual({ maxAmount: '500000.00', perHeadAmount: '960000.00' });
    });

    it('rounds the smallest term down to roundDownTo, or to the fen without it', async () => {
      // 3 x 12345.67 = 37037.01 -> 37000.00; 2.5 x 12345.67 = 30864.175 -> 30864.17
      const { supplier, body } = await screenOne(ce.id, { avgMonthlySettlement: '12345.67' }, standard.id);
      expect(body).toMatchObject({
        creditLimit: '37000.00',
        limitTerms: { maxAmount: '500000.00', settlementMultiple: '37037.01', perHeadAmount: '960000.00' },
      });
      const fen = await getEligibility(t, officer.auth, supplier.id, noRounding.id);
      expect(fen.body).toMatchObject({ eligible: true, creditLimit: '30864.17', availableLimit: '30864.17' });
      expect(fen.body.limitTerms).toEqual({ settlementMultiple: '30864.17' });
    });

    it('takes the smallest term: per head, then the maximum amount', async () => {
      const perHead = await screenOne(ce.id, { herdSize: 13 }, standard.id);
      expect(perHead.body).toMatchObject({
        creditLimit: '104000.00',
        limitTerms: { perHeadAmount: '104000.00', settlementMultiple: '180000.00' },
      });
      const capped = await screenOne(ce.id, { herdSize: 1000, avgMonthlySettlement: '200000.00' }, standard.id);
      expect(capped.body).toMatchObject({
        creditLimit: '500000.00',
        limitTerms: { maxAmount: '500000.00', settlementMultiple: '600000.00', perHeadAmount: '8000000.00' },
      });
    });
  });

  describe('ruleset versions', () => {
    let ce: { id: string };
    let programme: Record<string, any>;
    let s120: { id: string };
    let s50: { id: string };
    let s300: { id: string };
    let s8: { id: string };

    beforeAll(async () => {
      ce = await t.coreEnterprise();
      programme = await t.programme(ce.id);
      [s120, s50, s300, s8] = await insertSuppliers(t, ce.id, [{ herdSize: 120 }, { herdSize: 50 }, { herdSize: 300 }, { herdSize: 8 }]);
    });

    it('explains from the stored facts and ruleset until a re-screen, then with the new ones', async () => {
      const first = await getEligibility(t, officer.auth, s50.id);
      expect(first.body).toMatchObject({ eligible: true, creditLimit: '180000.00', rulesetVersion: 1, stale: false });

      // the explanation is of the decision taken: a later change of the supplier record does not rewrite it
      await t.db.query(`UPDATE suppliers SET herd_size = 70 WHERE id = $1`, [s50.id]);
      const stricter = STANDARD_RULES.map((r) => (r.name === 'herd' ? { ...r, value: [100, 5000] } : r));
      const patched = await t.http().patch(`/programmes/${programme.id}`).set(t.admin.auth).send({ eligibilityRules: stricter });
      expect(patched.status).toBe(200);
      expect(patched.body.rulesetVersion).toBe(2);

      const stale = await getEligibility(t, officer.auth, s50.id);
      expect(stale.status).toBe(200);
      expect(stale.body).toEqual({ ...first.body, stale: true });
      expect(byRule(stale.body).herd).toMatchObject({ passed: true, actual: 50, expected: 'between 10 and 5000' });

      const rulesets = await t.http().get(`/programmes/${programme.id}/rulesets`).set(auditor.auth);
      expect(rulesets.status).toBe(200);
      expect(rulesets.body.map((r: { version: number; eligibilityRules: unknown }) => [r.version, r.eligibilityRules])).toEqual([
        [1, STANDARD_RULES],
        [2, stricter],
      ]);

      const queued = await t.http().post(`/programmes/${programme.id}/evaluations`).set(officer.auth).send();
      expect(queued.status).toBe(202);
      expect(queued.body).toEqual({ jobId: expect.stringMatching(UUID), status: 'QUEUED', programmeId: programme.id });
      const run = await waitForRun(t, queued.body.jobId, officer.auth);
      expect(run).toMatchObject({
        jobId: queued.body.jobId,
        programmeId: programme.id,
        trigger: 'REQUEST',
        status: 'COMPLETED',
        rulesetVersion: 2,
        suppliers: 4,
        // 120 and 300 head pass between [100, 5000]; 70 and 8 do not
        eligible: 2,
        failureMessage: null,
        finishedAt: expect.stringMatching(ISO_INSTANT),
      });

      const fresh = await getEligibility(t, officer.auth, s50.id);
      expect(fresh.body).toMatchObject({ eligible: false, creditLimit: '0.00', rulesetVersion: 2, stale: false });
      expect(byRule(fresh.body).herd).toMatchObject({
        passed: false,
        actual: 70,
        expected: 'between 100 and 5000',
        message: 'herd size 70 is below the range 100 to 5000',
      });
      expect(Date.parse(fresh.body.evaluatedAt)).toBeGreaterThan(Date.parse(first.body.evaluatedAt));

      const stored = await storedResults(t, programme.id);
      expect(stored.size).toBe(4);
      const summary = Object.fromEntries(
        [s120, s50, s300, s8].map((s, i) => {
          const r = stored.get(s.id)!;
          return [i, [r.ruleset_version, r.eligible, r.credit_limit, r.failed_rules]];
        }),
      );
      expect(summary).toEqual({
        0: [2, true, '180000.00', []],
        1: [2, false, '0.00', ['herd']],
        2: [2, true, '180000.00', []],
        3: [2, false, '0.00', ['herd']],
      });

      const audit = await t
        .http()
        .get('/audit-events')
        .query({ entityType: 'Programme', entityId: programme.id, action: 'SCREENING_REQUESTED' })
        .set(auditor.auth);
      expect(audit.body.items).toEqual([
        expect.objectContaining({
          actor: expect.objectContaining({ name: officer.username }),
          after: { runId: queued.body.jobId, rulesetVersion: 2 },
        }),
      ]);
    });

    it('a new formula is a new version too; other programme changes are not', async () => {
      const renamed = await t.http().patch(`/programmes/${programme.id}`).set(t.admin.auth).send({ name: 'Silage season 2026 (renamed)' });
      expect(renamed.body.rulesetVersion).toBe(2);
      expect((await getEligibility(t, officer.auth, s120.id)).body).toMatchObject({ rulesetVersion: 2, stale: false });

      const formula = await t
        .http()
        .patch(`/programmes/${programme.id}`)
        .set(t.admin.auth)
        .send({ limitFormula: { ...STANDARD_FORMULA, maxAmount: '100000.00' } });
      expect(formula.body.rulesetVersion).toBe(3);
      const stale = await getEligibility(t, officer.auth, s120.id);
      expect(stale.body).toMatchObject({
        rulesetVersion: 2,
        stale: true,
        creditLimit: '180000.00',
        limitTerms: { maxAmount: '500000.00' },
      });

      const run = await rescreen(t, programme.id);
      expect(run).toMatchObject({ status: 'COMPLETED', rulesetVersion: 3, suppliers: 4, eligible: 2 });
      const fresh = await getEligibility(t, officer.auth, s120.id);
      expect(fresh.body).toMatchObject({
        rulesetVersion: 3,
        stale: false,
        creditLimit: '100000.00',
        availableLimit: '100000.00',
        limitTerms: { maxAmount: '100000.00' },
      });
    });
  });

  describe('screening runs that fail', () => {
    it('are FAILED with a message and leave the earlier results alone', async () => {
      const ce = await t.coreEnterprise();
      const programme = await t.programme(ce.id);
      await insertSuppliers(t, ce.id, [{}, { herdSize: 5 }]);
      expect(await rescreen(t, programme.id)).toMatchObject({ status: 'COMPLETED', suppliers: 2, eligible: 1 });
      const before = await storedResults(t, programme.id);
      // a stored ruleset the evaluator refuses (the API could not have stored it)
      await t.db.query(`UPDATE programme_rulesets SET eligibility_rules = $2 WHERE programme_id = $1`, [
        programme.id,
        JSON.stringify([{ name: 'broken', fact: 'creditScore', operator: '>=', value: 1 }]),
      ]);
      const run = await rescreen(t, programme.id);
      expect(run).toMatchObject({
        status: 'FAILED',
        suppliers: null,
        eligible: null,
        failureMessage: expect.stringContaining('earlier results are unchanged'),
      });
      expect(await storedResults(t, programme.id)).toEqual(before);
    });
  });

  describe('roster imports', () => {
    it('screen every imported supplier against every active programme of the core enterprise', async () => {
      const ce = await t.coreEnterprise();
      const active = await t.programme(ce.id, { name: 'active' });
      const dormant = await t.programme(ce.id, { name: 'dormant', active: false });
      const file = await rosterBuffer({ rows: 40, seed: 21, errorRate: 0, asOf: todayIn() });
      const imp = await importRoster(t, ce.id, file);
      expect(imp).toMatchObject({ status: 'COMPLETED', acceptedRows: 40, rejectedRows: 0 });
      await waitForScreening(t, active.id);

      const runs = await t.db.query(`SELECT * FROM screening_runs WHERE core_enterprise_id = $1`, [ce.id]);
      expect(runs).toEqual([
        expect.objectContaining({
          programme_id: active.id,
          trigger: 'ROSTER_IMPORT',
          status: 'COMPLETED',
          ruleset_version: 1,
          suppliers: 40,
          requested_by: `import:${imp.importId}`,
        }),
      ]);
      const suppliers: { id: string }[] = await t.db.query(`SELECT id FROM suppliers WHERE core_enterprise_id = $1`, [ce.id]);
      expect(suppliers).toHaveLength(40);
      const stored = await storedResults(t, active.id);
      expect(suppliers.filter((s) => !stored.has(s.id))).toEqual([]);
      expect(stored.size).toBe(40);
      expect([...stored.values()].every((r) => r.ruleset_version === 1)).toBe(true);
      expect((await storedResults(t, dormant.id)).size).toBe(0);

      // the run, as the API shows it, counts what it stored
      const view = await t.http().get(`/screening-runs/${runs[0].id}`).set(auditor.auth);
      expect(view.status).toBe(200);
      const eligible = [...stored.values()].filter((r) => r.eligible).length;
      expect(view.body).toMatchObject({ status: 'COMPLETED', trigger: 'ROSTER_IMPORT', suppliers: 40, eligible, rulesetVersion: 1 });

      // and a read explains the stored result rather than screening again
      const some = stored.get(suppliers[0].id)!;
      const res = await getEligibility(t, officer.auth, suppliers[0].id, active.id);
      expect(res.body).toMatchObject({
        eligible: some.eligible,
        creditLimit: some.credit_limit,
        rulesetVersion: 1,
        stale: false,
        evaluatedAt: some.evaluated_at.toISOString(),
      });
      expect(res.body.results.filter((r: RuleResult) => !r.passed).map((r: RuleResult) => r.rule)).toEqual(some.failed_rules);
    });
  });

  describe('blacklist', () => {
    let ce: { id: string };
    let guarded: Record<string, any>;
    let standard: Record<string, any>;
    let dormant: Record<string, any>;
    let enterprise: TestUser;
    const rules = [
      ...STANDARD_RULES,
      { name: 'not-blacklisted', fact: 'blacklisted', operator: 'isFalse' },
      { name: 'no-overdue', fact: 'hasOverdueLoan', operator: 'isFalse' },
    ];

    beforeAll(async () => {
      ce = await t.coreEnterprise();
      guarded = await t.programme(ce.id, { name: 'guarded', eligibilityRules: rules });
      standard = await t.programme(ce.id, { name: 'standard' });
      dormant = await t.programme(ce.id, { name: 'dormant', eligibilityRules: rules, active: false });
      enterprise = await t.user('ENTERPRISE', ce.id);
    });

    const blacklist = (auth: Auth, id: string, body: Record<string, unknown> = { reason: 'fraudulent delivery records' }) =>
      t.http().post(`/suppliers/${id}/blacklist`).set(auth).send(body);
    const unblacklist = (auth: Auth, id: string, body?: Record<string, unknown>) => {
      const req = t.http().delete(`/suppliers/${id}/blacklist`).set(auth);
      return body === undefined ? req : req.send(body);
    };
    const auditOf = async (id: string) =>
      (await t.http().get('/audit-events').query({ entityType: 'Supplier', entityId: id }).set(auditor.auth)).body.items as Record<
        string,
        any
      >[];

    it('blacklists, re-screens at once against every active programme, audits, and refuses twice', async () => {
      const { supplier, body: before, rules: r0 } = await screenOne(ce.id, {}, guarded.id);
      expect(before.eligible).toBe(true);
      expect(r0['not-blacklisted']).toMatchObject({
        passed: true,
        actual: false,
        expected: 'is false',
        message: 'the supplier is not blacklisted',
      });
      expect(r0['no-overdue']).toMatchObject({ passed: true, actual: false, message: 'the supplier has no overdue loan' });
      const dormantBefore = await getEligibility(t, officer.auth, supplier.id, dormant.id);
      expect(dormantBefore.body.eligible).toBe(true);

      const res = await blacklist(officer.auth, supplier.id);
      expect(res.status).toBe(200);
      // the standard rules never mention the blacklist: it blocks that programme all the same
      expect(res.body).toEqual({
        supplierId: supplier.id,
        blacklisted: true,
        rescreened: expect.arrayContaining([
          { programmeId: guarded.id, eligible: false, creditLimit: '0.00' },
          { programmeId: standard.id, eligible: false, creditLimit: '0.00' },
        ]),
      });
      expect(res.body.rescreened).toHaveLength(2);

      const after = await getEligibility(t, officer.auth, supplier.id, guarded.id);
      expect(after.body).toMatchObject({ eligible: false, creditLimit: '0.00', availableLimit: '0.00', stale: false });
      expect(Date.parse(after.body.evaluatedAt)).toBeGreaterThan(Date.parse(before.evaluatedAt));
      expect(byRule(after.body)['not-blacklisted']).toMatchObject({ passed: false, actual: true, message: 'the supplier is blacklisted' });
      expect(after.body.results.filter((r: RuleResult) => !r.passed).map((r: RuleResult) => r.rule)).toEqual([
        'blacklist',
        'not-blacklisted',
      ]);
      // an inactive programme is not re-screened (api.md: every active programme)
      expect((await getEligibility(t, officer.auth, supplier.id, dormant.id)).body).toEqual(dormantBefore.body);

      const again = await blacklist(senior.auth, supplier.id, { reason: 'second time' });
      expectProblem(again, 409, 'ALREADY_BLACKLISTED');

      const events = await auditOf(supplier.id);
      expect(events).toEqual([
        expect.objectContaining({
          action: 'SUPPLIER_BLACKLISTED',
          entityType: 'Supplier',
          entityId: supplier.id,
          coreEnterpriseId: ce.id,
          actor: expect.objectContaining({ name: officer.username, role: 'OFFICER' }),
          before: { blacklisted: false, reason: null },
          after: expect.objectContaining({ blacklisted: true, reason: 'fraudulent delivery records', supplierCode: supplier.supplierCode }),
        }),
      ]);
      // the audit trail keeps identifiers masked
      expect(JSON.stringify(events)).not.toContain(supplier.idNumber);
      const row = await t.db.query(`SELECT blacklisted, blacklist_reason, blacklisted_by FROM suppliers WHERE id = $1`, [supplier.id]);
      expect(row[0]).toEqual({ blacklisted: true, blacklist_reason: 'fraudulent delivery records', blacklisted_by: officer.username });
    });

    it('makes a supplier eligible in no programme, whatever its rules, and explains it first with the reason', async () => {
      const { supplier, body: before } = await screenOne(ce.id, {}, standard.id);
      expect(before).toMatchObject({ eligible: true, creditLimit: '180000.00' });
      expect((await blacklist(officer.auth, supplier.id)).status).toBe(200);

      const after = await getEligibility(t, officer.auth, supplier.id, standard.id);
      expect(after.body).toMatchObject({ eligible: false, creditLimit: '0.00', availableLimit: '0.00', stale: false });
      expect(after.body.results[0]).toEqual({
        rule: 'blacklist',
        fact: 'blacklisted',
        operator: 'isFalse',
        passed: false,
        actual: true,
        expected: 'is false',
        message: 'the supplier is blacklisted: fraudulent delivery records',
      });
      // the programme's own rules still pass and are still explained
      expect(after.body.results.slice(1).map((r: RuleResult) => [r.rule, r.passed])).toEqual(STANDARD_RULES.map((r) => [r.name, true]));
      expect((await storedResults(t, standard.id)).get(supplier.id)).toMatchObject({
        eligible: false,
        credit_limit: '0.00',
        failed_rules: ['blacklist'],
      });
    });

    it('keeps a blacklisted supplier out of a programme run whose rules never mention it', async () => {
      const own = await t.coreEnterprise();
      const p = await t.programme(own.id);
      const [clean, listed] = await insertSuppliers(t, own.id, [{}, { blacklisted: true }]);
      expect(await rescreen(t, p.id)).toMatchObject({ status: 'COMPLETED', suppliers: 2, eligible: 1 });
      const stored = await storedResults(t, p.id);
      expect(stored.get(clean.id)).toMatchObject({ eligible: true, credit_limit: '180000.00', failed_rules: [] });
      expect(stored.get(listed.id)).toMatchObject({ eligible: false, credit_limit: '0.00', failed_rules: ['blacklist'] });
      const listedOnes = await t.http().get(`/programmes/${p.id}/screening-results?eligible=false`).set(officer.auth);
      expect(listedOnes.body.items).toEqual([
        expect.objectContaining({ supplierId: listed.id, eligible: false, creditLimit: '0.00', failedRules: ['blacklist'] }),
      ]);
      const explained = await getEligibility(t, officer.auth, listed.id, p.id);
      expect(explained.body).toMatchObject({ eligible: false, creditLimit: '0.00' });
      expect(explained.body.results[0]).toMatchObject({ rule: 'blacklist', passed: false });
    });

    it('takes a supplier off the blacklist, with or without a reason, and refuses a clean one', async () => {
      const [s] = await insertSuppliers(t, ce.id, [{ blacklisted: true }]);
      const blocked = await getEligibility(t, officer.auth, s.id, guarded.id);
      expect(blocked.body.eligible).toBe(false);

      const res = await unblacklist(senior.auth, s.id, { reason: 'cleared after review' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ supplierId: s.id, blacklisted: false });
      expect(res.body.rescreened).toEqual(
        expect.arrayContaining([
          { programmeId: guarded.id, eligible: true, creditLimit: '180000.00' },
          { programmeId: standard.id, eligible: true, creditLimit: '180000.00' },
        ]),
      );
      const cleared = await getEligibility(t, officer.auth, s.id, guarded.id);
      expect(cleared.body).toMatchObject({ eligible: true, creditLimit: '180000.00' });
      expect(byRule(cleared.body)['not-blacklisted']).toMatchObject({ passed: true, actual: false });

      expectProblem(await unblacklist(officer.auth, s.id, { reason: 'again' }), 409, 'NOT_BLACKLISTED');
      expectProblem(await unblacklist(officer.auth, s.id), 409, 'NOT_BLACKLISTED');

      expect((await blacklist(officer.auth, s.id)).status).toBe(200);
      const bare = await unblacklist(officer.auth, s.id);
      expect(bare.status).toBe(200);
      expect(bare.body.blacklisted).toBe(false);

      const events = await auditOf(s.id);
      expect(events.map((e) => [e.action, e.actor.name, e.after.reason])).toEqual([
        ['SUPPLIER_UNBLACKLISTED', senior.username, 'cleared after review'],
        ['SUPPLIER_BLACKLISTED', officer.username, 'fraudulent delivery records'],
        ['SUPPLIER_UNBLACKLISTED', officer.username, null],
      ]);
      expect(events[0].before).toEqual({ blacklisted: true, reason: null });
      expect(events[2].before).toEqual({ blacklisted: true, reason: 'fraudulent delivery records' });
    });

    it('is idempotent with an Idempotency-Key', async () => {
      const [s] = await insertSuppliers(t, ce.id, [{}]);
      const key = `blacklist-${s.id}`;
      const first = await t
        .http()
        .post(`/suppliers/${s.id}/blacklist`)
        .set(officer.auth)
        .set('Idempotency-Key', key)
        .send({ reason: 'fraudulent delivery records' });
      const second = await t
        .http()
        .post(`/suppliers/${s.id}/blacklist`)
        .set(officer.auth)
        .set('Idempotency-Key', key)
        .send({ reason: 'fraudulent delivery records' });
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(second.body).toEqual(first.body);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect((await auditOf(s.id)).map((e) => e.action)).toEqual(['SUPPLIER_BLACKLISTED']);
    });

    it('is not undone by a programme re-screen that read the facts before it', async () => {
      const own = await t.coreEnterprise();
      const p = await t.programme(own.id, { eligibilityRules: rules });
      const [first, target] = await insertSuppliers(t, own.id, [{ supplierCode: 'A-0001' }, { supplierCode: 'Z-9999' }]);
      expect(await rescreen(t, p.id)).toMatchObject({ status: 'COMPLETED', eligible: 2 });

      const blocker = new pg.Client({ connectionString: t.databaseUrl });
      await blocker.connect();
      // asked outside the blocker's transaction, which would keep seeing its first snapshot of pg_stat_activity
      const waiting = async (which: 'run' | 'other') => {
        const r = await t.db.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'
              AND (query LIKE '%INSERT INTO screening_results AS r%') = $1`,
          [which === 'run'],
        );
        return r[0].n > 0;
      };
      try {
        await blocker.query('BEGIN');
        // holds the run at its write of the first supplier's result, once it has read every supplier's facts
        await blocker.query(`SELECT 1 FROM screening_results WHERE supplier_id = $1 AND programme_id = $2 FOR UPDATE`, [first.id, p.id]);
        const queued = await t.http().post(`/programmes/${p.id}/evaluations`).set(officer.auth).send();
        expect(queued.status).toBe(202);
        await waitUntil('the run waits on the held result', () => waiting('run'));

        let settled = false;
        const blacklisting: Promise<Response> = Promise.resolve(blacklist(officer.auth, target.id)).finally(() => {
          settled = true;
        });
        // the blacklisting either goes through at once or waits for the run
        await waitUntil('the blacklisting is done or waits', async () => settled || (await waiting('other')));
        await blocker.query('COMMIT');
        expect(await waitForRun(t, queued.body.jobId)).toMatchObject({ status: 'COMPLETED', suppliers: 2 });
        expect((await blacklisting).status).toBe(200);
      } finally {
        await blocker.query('ROLLBACK').catch(() => undefined);
        await blocker.end();
      }
      const res = await getEligibility(t, officer.auth, target.id, p.id);
      expect(res.body).toMatchObject({ eligible: false, creditLimit: '0.00' });
      expect(byRule(res.body)['not-blacklisted']).toMatchObject({ passed: false, actual: true });
    });

    it('wants a reason to blacklist', async () => {
      const [s] = await insertSuppliers(t, ce.id, [{}]);
      expectFieldError(await blacklist(officer.auth, s.id, {}), 'reason');
      expectFieldError(await blacklist(officer.auth, s.id, { reason: 'no' }), 'reason');
      expectFieldError(await blacklist(officer.auth, s.id, { reason: 42 }), 'reason');
      expectFieldError(await blacklist(officer.auth, s.id, { reason: 'long enough', extra: true }), 'extra', 'UNKNOWN_FIELD');
      expectFieldError(await unblacklist(officer.auth, s.id, { reason: '' }), 'reason');
      const row = await t.db.query(`SELECT blacklisted FROM suppliers WHERE id = $1`, [s.id]);
      expect(row[0].blacklisted).toBe(false);
    });

    it('is for officers only, and only for suppliers that exist', async () => {
      const [s] = await insertSuppliers(t, ce.id, [{}]);
      const other = await t.coreEnterprise();
      const otherEnterprise = await t.user('ENTERPRISE', other.id);
      const apiKey = await t.apiKey(ce.id);
      for (const auth of [t.admin.auth, auditor.auth, enterprise.auth, otherEnterprise.auth, apiKey.auth]) {
        expectProblem(await blacklist(auth, s.id), 403, 'FORBIDDEN');
        expectProblem(await unblacklist(auth, s.id, { reason: 'cleared' }), 403, 'FORBIDDEN');
      }
      expectProblem(await blacklist({}, s.id), 401);
      expectProblem(await unblacklist({}, s.id), 401);
      expectProblem(await blacklist(officer.auth, UNKNOWN_ID), 404, 'NOT_FOUND');
      expectProblem(await unblacklist(officer.auth, UNKNOWN_ID), 404, 'NOT_FOUND');
      expectFieldError(await blacklist(officer.auth, 'not-a-uuid'), 'id', 'INVALID_UUID');
      const row = await t.db.query(`SELECT blacklisted FROM suppliers WHERE id = $1`, [s.id]);
      expect(row[0].blacklisted).toBe(false);
      expect(await auditOf(s.id)).toEqual([]);
    });
  });

  describe('tenancy and roles', () => {
    let ce: { id: string };
    let programme: Record<string, any>;
    let otherCe: { id: string };
    let otherProgramme: Record<string, any>;
    let supplier: { id: string };
    let enterprise: TestUser;
    let otherEnterprise: TestUser;
    let callers: Record<string, Auth>;

    beforeAll(async () => {
      ce = await t.coreEnterprise();
      programme = await t.programme(ce.id);
      otherCe = await t.coreEnterprise();
      otherProgramme = await t.programme(otherCe.id);
      [supplier] = await insertSuppliers(t, ce.id, [{}]);
      enterprise = await t.user('ENTERPRISE', ce.id);
      otherEnterprise = await t.user('ENTERPRISE', otherCe.id);
      callers = {
        ADMIN: t.admin.auth,
        OFFICER: officer.auth,
        SENIOR_OFFICER: senior.auth,
        AUDITOR: auditor.auth,
        ENTERPRISE: enterprise.auth,
        API_KEY: (await t.apiKey(ce.id)).auth,
        OTHER_ENTERPRISE: otherEnterprise.auth,
        OTHER_API_KEY: (await t.apiKey(otherCe.id)).auth,
      };
    });

    it('shows the eligibility to staff and to the owning core enterprise, and nothing to another one', async () => {
      const reference = await getEligibility(t, officer.auth, supplier.id, programme.id);
      expect(reference.status).toBe(200);
      for (const caller of ['ADMIN', 'SENIOR_OFFICER', 'AUDITOR', 'ENTERPRISE', 'API_KEY']) {
        const res = await getEligibility(t, callers[caller], supplier.id, caller === 'ENTERPRISE' ? undefined : programme.id);
        expect({ caller, status: res.status, body: res.body }).toEqual({ caller, status: 200, body: reference.body });
      }
      for (const caller of ['OTHER_ENTERPRISE', 'OTHER_API_KEY']) {
        for (const programmeId of [undefined, programme.id, otherProgramme.id]) {
          const res = await getEligibility(t, callers[caller], supplier.id, programmeId);
          expectProblem(res, 404, 'NOT_FOUND');
          expect(JSON.stringify(res.body)).not.toContain('creditLimit');
        }
      }
    });

    it('refuses a programme of another core enterprise, and unknown or malformed ids', async () => {
      for (const auth of [officer.auth, enterprise.auth]) {
        expectProblem(await getEligibility(t, auth, supplier.id, otherProgramme.id), 404, 'PROGRAMME_NOT_FOR_SUPPLIER');
        expectProblem(await getEligibility(t, auth, supplier.id, UNKNOWN_ID), 404);
      }
      expectProblem(await getEligibility(t, officer.auth, UNKNOWN_ID, programme.id), 404, 'NOT_FOUND');
      expectProblem(await getEligibility(t, officer.auth, UNKNOWN_ID), 404, 'NOT_FOUND');
      expectFieldError(await getEligibility(t, officer.auth, 'not-a-uuid', programme.id), 'id', 'INVALID_UUID');
      expectFieldError(await getEligibility(t, officer.auth, supplier.id, 'not-a-uuid'), 'programmeId', 'INVALID_UUID');
      expectFieldError(
        await t.http().get(`/suppliers/${supplier.id}/eligibility`).query({ programme: programme.id }).set(officer.auth),
        'programme',
        'UNKNOWN_FIELD',
      );
      const rows = await t.db.query(`SELECT programme_id FROM screening_results WHERE supplier_id = $1`, [supplier.id]);
      expect(rows.map((r: { programme_id: string }) => r.programme_id)).not.toContain(otherProgramme.id);
    });

    it('lets ADMIN and OFFICER request a re-screen, and no one else', async () => {
      const expected: Record<string, number> = {
        ADMIN: 202,
        OFFICER: 202,
        SENIOR_OFFICER: 403,
        AUDITOR: 403,
        ENTERPRISE: 403,
        API_KEY: 403,
        OTHER_ENTERPRISE: 403,
        OTHER_API_KEY: 403,
      };
      const jobs: string[] = [];
      const got: Record<string, number> = {};
      for (const [caller, auth] of Object.entries(callers)) {
        const res = await t.http().post(`/programmes/${programme.id}/evaluations`).set(auth).send();
        got[caller] = res.status;
        if (res.status === 202) jobs.push(res.body.jobId);
        else expectProblem(res, 403, 'FORBIDDEN');
      }
      expect(got).toEqual(expected);
      expectProblem(await t.http().post(`/programmes/${programme.id}/evaluations`).send(), 401);
      expectProblem(await t.http().post(`/programmes/${UNKNOWN_ID}/evaluations`).set(officer.auth).send(), 404, 'NOT_FOUND');
      expectFieldError(await t.http().post('/programmes/not-a-uuid/evaluations').set(officer.auth).send(), 'id', 'INVALID_UUID');
      const runs = await t.db.query(`SELECT id FROM screening_runs WHERE programme_id = $1 ORDER BY created_at`, [programme.id]);
      expect(runs.map((r: { id: string }) => r.id).sort()).toEqual([...jobs].sort());

      for (const job of jobs) expect(await waitForRun(t, job)).toMatchObject({ status: 'COMPLETED', suppliers: 1, eligible: 1 });
      // a run is visible to staff and to its own core enterprise only
      for (const caller of ['AUDITOR', 'SENIOR_OFFICER', 'ENTERPRISE', 'API_KEY']) {
        const res = await t.http().get(`/screening-runs/${jobs[0]}`).set(callers[caller]);
        expect({ caller, status: res.status, jobId: res.body.jobId }).toEqual({ caller, status: 200, jobId: jobs[0] });
      }
      for (const caller of ['OTHER_ENTERPRISE', 'OTHER_API_KEY'])
        expectProblem(await t.http().get(`/screening-runs/${jobs[0]}`).set(callers[caller]), 404, 'NOT_FOUND');
      expectProblem(await t.http().get(`/screening-runs/${jobs[0]}`), 401);
      expectProblem(await t.http().get(`/screening-runs/${UNKNOWN_ID}`).set(officer.auth), 404, 'NOT_FOUND');
      expectFieldError(await t.http().get('/screening-runs/not-a-uuid').set(officer.auth), 'id', 'INVALID_UUID');
    });

    it('queues one run for a repeated request with the same Idempotency-Key', async () => {
      const key = `rescreen-${programme.id}`;
      const send = () => t.http().post(`/programmes/${programme.id}/evaluations`).set(officer.auth).set('Idempotency-Key', key).send();
      const count = async () =>
        (await t.db.query(`SELECT count(*)::int AS n FROM screening_runs WHERE programme_id = $1`, [programme.id]))[0].n as number;
      const before = await count();
      const first = await send();
      const second = await send();
      expect([first.status, second.status]).toEqual([202, 202]);
      expect(second.body).toEqual(first.body);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(await count()).toBe(before + 1);
      expect(await waitForRun(t, first.body.jobId)).toMatchObject({ status: 'COMPLETED' });
    });

    it('answers 401 to an anonymous caller on every eligibility endpoint', async () => {
      const refusals = [
        expectProblem(await getEligibility(t, {}, supplier.id, programme.id), 401),
        expectProblem(await t.http().post(`/programmes/${programme.id}/eligibility-preview`).send({}), 401),
        expectProblem(await getEligibility(t, { Authorization: 'Bearer not.a.token' }, supplier.id, programme.id), 401),
      ];
      expect(refusals.map((p) => p.status)).toEqual([401, 401, 401]);
    });
  });
});
