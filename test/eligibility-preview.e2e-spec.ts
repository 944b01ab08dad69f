import { eligibilityState, rescreen, todayIn, type Auth } from './support/eligibility.js';
import { expectFieldError, expectProblem } from './support/problems.js';
import { insertSuppliers } from './support/suppliers.js';
import { STANDARD_FORMULA, STANDARD_RULES, createTestApp, type TestApp, type TestUser } from './support/test-app.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const HERDS = [5, 20, 35, 50, 65, 80, 95, 110, 125, 140];

/** STANDARD_RULES with the herd range replaced. */
const herdBetween = (low: number, high: number) => STANDARD_RULES.map((r) => (r.name === 'herd' ? { ...r, value: [low, high] } : r));

describe('eligibility preview (what-if)', () => {
  let t: TestApp;
  let officer: TestUser;
  let ce: { id: string };
  let programme: Record<string, any>;
  /** supplier code by herd size */
  const codes = new Map<number, string>();
  const ids = new Map<number, string>();

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.user('OFFICER');
    ce = await t.coreEnterprise();
    programme = await t.programme(ce.id);
    // ten suppliers, 5 to 140 head; the ones with 95 and 5 head have delivered for only 18 months
    const rows = await insertSuppliers(
      t,
      ce.id,
      HERDS.map((herdSize) => ({
        herdSize,
        supplierCode: `H-${String(herdSize).padStart(3, '0')}`,
        deliveryMonths: herdSize === 95 || herdSize === 5 ? 18 : 36,
      })),
    );
    HERDS.forEach((h, i) => {
      codes.set(h, rows[i].supplierCode);
      ids.set(h, rows[i].id);
    });
    // stored results to leave untouched
    const run = await rescreen(t, programme.id);
    expect(run).toMatchObject({ status: 'COMPLETED', suppliers: 10, eligible: 9 });
  });
  afterAll(async () => {
    await t?.close();
  });

  const preview = (body: Record<string, unknown>, auth: Auth = officer.auth, id: string = programme.id) =>
    t.http().post(`/programmes/${id}/eligibility-preview`).set(auth).send(body);

  // Now: herd between [10, 5000] drops the 5-head supplier; limits are min(500000, 3 x 60000, 8000 x herd):
  // 160000.00 for 20 head, 180000.00 for the eight from 35 head on.
  const NOW = { eligibleNow: 9, totalLimitNow: '1600000.00' };

  it('counts the suppliers a stricter ruleset would drop, by rule, with a sample', async () => {
    const stricter = [...herdBetween(50, 5000), { name: 'deliveries-24', fact: 'deliveryMonths', operator: '>=', value: 24 }];
    const res = await preview({ eligibilityRules: stricter });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      programmeId: programme.id,
      evaluationDate: todayIn(),
      suppliers: 10,
      ...NOW,
      // 50, 65, 80, 110, 125 and 140 head remain: 6 x 180000.00
      eligibleAfter: 6,
      gained: 0,
      lost: 3,
      totalLimitAfter: '1080000.00',
      byRule: [
        { rule: 'experience', failingNow: 0, failingAfter: 0 },
        { rule: 'epidemic-cert', failingNow: 0, failingAfter: 0 },
        { rule: 'herd', failingNow: 1, failingAfter: 3 },
        { rule: 'age', failingNow: 0, failingAfter: 0 },
        { rule: 'deliveries', failingNow: 0, failingAfter: 0 },
        { rule: 'deliveries-24', failingNow: null, failingAfter: 2 },
      ],
      sample: { gained: [], lost: expect.any(Array) },
    });
    const lost = [...res.body.sample.lost].sort((a, b) => a.supplierCode.localeCompare(b.supplierCode));
    expect(lost).toEqual([
      {
        supplierId: ids.get(20),
        supplierCode: codes.get(20),
        name: expect.any(String),
        limitNow: '160000.00',
        limitAfter: '0.00',
        failingNow: [],
        failingAfter: ['herd'],
      },
      {
        supplierId: ids.get(35),
        supplierCode: codes.get(35),
        name: expect.any(String),
        limitNow: '180000.00',
        limitAfter: '0.00',
        failingNow: [],
        failingAfter: ['herd'],
      },
      {
        supplierId: ids.get(95),
        supplierCode: codes.get(95),
        name: expect.any(String),
        limitNow: '180000.00',
        limitAfter: '0.00',
        failingNow: [],
        failingAfter: ['deliveries-24'],
      },
    ]);
  });

  it('counts the suppliers a looser ruleset would admit', async () => {
    const res = await preview({ eligibilityRules: herdBetween(1, 5000) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      suppliers: 10,
      ...NOW,
      eligibleAfter: 10,
      gained: 1,
      lost: 0,
      // the 5-head supplier adds min(500000, 180000, 40000) = 40000.00
      totalLimitAfter: '1640000.00',
      sample: {
        gained: [
          {
            supplierId: ids.get(5),
            supplierCode: codes.get(5),
            name: expect.any(String),
            limitNow: '0.00',
            limitAfter: '40000.00',
            failingNow: ['herd'],
            failingAfter: [],
          },
        ],
        lost: [],
      },
    });
    expect(res.body.byRule.find((r: { rule: string }) => r.rule === 'herd')).toEqual({ rule: 'herd', failingNow: 1, failingAfter: 0 });
  });

  it('counts rules dropped from the proposal with failingAfter null', async () => {
    const res = await preview({ eligibilityRules: STANDARD_RULES.filter((r) => r.name !== 'herd') });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ eligibleAfter: 10, gained: 1, lost: 0 });
    expect(res.body.byRule).toContainEqual({ rule: 'herd', failingNow: 1, failingAfter: null });
    expect(res.body.byRule).toHaveLength(5);
  });

  it('previews a new limit formula alone, to the fen', async () => {
    const capped = await preview({ limitFormula: { maxAmount: '100000.00', perHeadAmount: '8000.00', roundDownTo: '1000' } });
    expect(capped.status).toBe(200);
    // every eligible supplier has at least 160000.00 per head: 9 x 100000.00
    expect(capped.body).toMatchObject({
      ...NOW,
      eligibleAfter: 9,
      gained: 0,
      lost: 0,
      totalLimitAfter: '900000.00',
      sample: { gained: [], lost: [] },
    });

    // 0.33333 x 60000.00 = 19999.80 each, no rounding beyond the fen: 9 x 19999.80
    const fen = await preview({ limitFormula: { settlementMultiple: '0.33333' } });
    expect(fen.body).toMatchObject({ ...NOW, eligibleAfter: 9, totalLimitAfter: '179998.20' });

    const both = await preview({ eligibilityRules: herdBetween(1, 5000), limitFormula: { ...STANDARD_FORMULA, perHeadAmount: '1000.01' } });
    // per head now binds for all ten: 1000.01 x (5 + 20 + ... + 140) = 1000.01 x 725 = 725007.25, each rounded down to 1000:
    // 5000 + 20000 + 35000 + 50000 + 65000 + 80000 + 95000 + 110000 + 125000 + 140000 = 725000.00
    expect(both.body).toMatchObject({ ...NOW, eligibleAfter: 10, gained: 1, totalLimitAfter: '725000.00' });
  });

  it('with nothing proposed, compares the current ruleset with itself', async () => {
    const res = await preview({});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      ...NOW,
      eligibleAfter: 9,
      gained: 0,
      lost: 0,
      totalLimitAfter: NOW.totalLimitNow,
      sample: { gained: [], lost: [] },
    });
    for (const r of res.body.byRule) expect(r.failingAfter).toBe(r.failingNow);
  });

  it('changes nothing: stored results, programme, rulesets, runs and suppliers are as they were', async () => {
    const before = await eligibilityState(t, ce.id, programme.id);
    expect((before.screeningResults as unknown[]).length).toBe(10);
    for (const body of [
      { eligibilityRules: herdBetween(50, 5000) },
      { eligibilityRules: [], limitFormula: { maxAmount: '1.00' } },
      { limitFormula: { perHeadAmount: '100.00' } },
    ]) {
      expect((await preview(body)).status).toBe(200);
    }
    expect(await eligibilityState(t, ce.id, programme.id)).toEqual(before);
    const current = await t.http().get(`/programmes/${programme.id}`).set(officer.auth);
    expect(current.body).toMatchObject({ rulesetVersion: 1, eligibilityRules: STANDARD_RULES, limitFormula: STANDARD_FORMULA });
  });

  it('caps each sample at 20 while counting every supplier', async () => {
    const big = await t.coreEnterprise();
    const p = await t.programme(big.id);
    await insertSuppliers(
      t,
      big.id,
      Array.from({ length: 25 }, () => ({})),
    );
    const res = await preview({ eligibilityRules: herdBetween(500, 5000) }, officer.auth, p.id);
    expect(res.body).toMatchObject({
      suppliers: 25,
      eligibleNow: 25,
      eligibleAfter: 0,
      lost: 25,
      gained: 0,
      totalLimitNow: '4500000.00',
      totalLimitAfter: '0.00',
    });
    expect(res.body.sample.lost).toHaveLength(20);
    expect(new Set(res.body.sample.lost.map((s: { supplierId: string }) => s.supplierId)).size).toBe(20);
  });

  it('counts a blacklisted supplier out now and after, whatever the rules, even with none at all', async () => {
    const own = await t.coreEnterprise();
    const p = await t.programme(own.id);
    await insertSuppliers(t, own.id, [{}, {}, { blacklisted: true }]);
    const res = await preview({ eligibilityRules: [] }, officer.auth, p.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      suppliers: 3,
      eligibleNow: 2,
      eligibleAfter: 2,
      gained: 0,
      lost: 0,
      totalLimitNow: '360000.00',
      totalLimitAfter: '360000.00',
    });
  });

  it('refuses invalid rules and formulas with the field at fault, and changes nothing', async () => {
    const before = await eligibilityState(t, ce.id, programme.id);
    expectFieldError(
      await preview({ eligibilityRules: [{ name: 'herd', fact: 'herdSize', operator: 'between', value: [50] }] }),
      'eligibilityRules[0].value',
      'RULE_VALUE_TYPE',
    );
    expectFieldError(
      await preview({ eligibilityRules: [{ name: 'herd', fact: 'herdSize', operator: 'between', value: [500, 50] }] }),
      'eligibilityRules[0].value',
      'RULE_VALUE_TYPE',
    );
    expectFieldError(
      await preview({ eligibilityRules: [{ name: 'x', fact: 'creditScore', operator: '>=', value: 1 }] }),
      'eligibilityRules[0].fact',
      'RULE_UNKNOWN_FACT',
    );
    expectFieldError(
      await preview({ eligibilityRules: [{ name: 'x', fact: 'province', operator: '>=', value: 1 }] }),
      'eligibilityRules[0].operator',
      'RULE_OPERATOR_NOT_FOR_FACT',
    );
    expectFieldError(
      await preview({ eligibilityRules: [STANDARD_RULES[0], { ...STANDARD_RULES[1], name: STANDARD_RULES[0].name }] }),
      'eligibilityRules[1].name',
      'RULE_NAME_DUPLICATE',
    );
    expectFieldError(
      await preview({ eligibilityRules: [{ ...STANDARD_RULES[0], weight: 2 }] }),
      'eligibilityRules[0].weight',
      'UNKNOWN_FIELD',
    );
    expectFieldError(await preview({ eligibilityRules: 'herd >= 10' }), 'eligibilityRules');
    expectFieldError(await preview({ eligibilityRules: null }), 'eligibilityRules');
    expectFieldError(
      await preview({ limitFormula: { ...STANDARD_FORMULA, roundDownTo: '0' } }),
      'limitFormula.roundDownTo',
      'FORMULA_TERM_INVALID',
    );
    expectFieldError(await preview({ limitFormula: { maxAmount: 500000 } }), 'limitFormula.maxAmount', 'FORMULA_TERM_INVALID');
    expectFieldError(await preview({ limitFormula: { roundDownTo: '1000' } }), 'limitFormula', 'FORMULA_EMPTY');
    expectFieldError(await preview({ limitFormula: null }), 'limitFormula');
    expectFieldError(await preview({ eligibilityRules: STANDARD_RULES, rulesetVersion: 2 }), 'rulesetVersion', 'UNKNOWN_FIELD');
    // every problem at once
    const many = await preview({
      eligibilityRules: [{ name: 'a', fact: 'herdSize', operator: '>=', value: 'many' }],
      limitFormula: { perHeadAmount: '-1' },
    });
    expectFieldError(many, 'eligibilityRules[0].value');
    expectFieldError(many, 'limitFormula.perHeadAmount');
    expect(await eligibilityState(t, ce.id, programme.id)).toEqual(before);
  });

  it('names a bad rule and a bad formula in one 400, whatever check finds each', async () => {
    const res = await preview({
      eligibilityRules: [{ name: 'x', fact: 'creditScore', operator: '>=', value: 1 }],
      limitFormula: 'generous',
    });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`).sort()).toEqual([
      'eligibilityRules[0].fact:RULE_UNKNOWN_FACT',
      'limitFormula:INVALID_OBJECT',
    ]);
  });

  it('is for ADMIN, OFFICER and SENIOR_OFFICER only', async () => {
    const other = await t.coreEnterprise();
    const callers: Record<string, Auth> = {
      ADMIN: t.admin.auth,
      OFFICER: officer.auth,
      SENIOR_OFFICER: (await t.user('SENIOR_OFFICER')).auth,
      AUDITOR: (await t.user('AUDITOR')).auth,
      ENTERPRISE: (await t.user('ENTERPRISE', ce.id)).auth,
      API_KEY: (await t.apiKey(ce.id)).auth,
      OTHER_ENTERPRISE: (await t.user('ENTERPRISE', other.id)).auth,
    };
    const got: Record<string, number> = {};
    for (const [caller, auth] of Object.entries(callers)) {
      const res = await preview({ eligibilityRules: herdBetween(50, 5000) }, auth);
      got[caller] = res.status;
      if (res.status === 200) expect(res.body).toMatchObject({ suppliers: 10, lost: 2 });
      else expectProblem(res, 403, 'FORBIDDEN');
    }
    expect(got).toEqual({
      ADMIN: 200,
      OFFICER: 200,
      SENIOR_OFFICER: 200,
      AUDITOR: 403,
      ENTERPRISE: 403,
      API_KEY: 403,
      OTHER_ENTERPRISE: 403,
    });
    expectProblem(await preview({}, {}), 401);
    expectProblem(await preview({}, officer.auth, UNKNOWN_ID), 404, 'NOT_FOUND');
    expectFieldError(await preview({}, officer.auth, 'not-a-uuid'), 'id', 'INVALID_UUID');
  });
});
