import { ServicingTerms1765008000001 } from '../src/database/migrations/1765008000001-servicing-terms.js';
import { approveOk, getLoan, lending, submitOk, type Lending } from './support/loans.js';
import { expectFieldError } from './support/problems.js';
import { createTestApp, programmeBody, type TestApp } from './support/test-app.js';

/** domain.md "Servicing": the programme's servicing settings, and the terms each loan freezes at its final approval. */
describe('servicing terms', () => {
  let t: TestApp;
  let ce: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    ce = await t.coreEnterprise();
  });
  afterAll(async () => {
    await t?.close();
  });

  const create = (overrides: Record<string, unknown>) =>
    t.http().post('/programmes').set(t.admin.auth).send(programmeBody(ce.id, overrides));
  const patch = (id: string, body: Record<string, unknown>) => t.http().patch(`/programmes/${id}`).set(t.admin.auth).send(body);

  describe('on programmes', () => {
    it('gives a programme created without them the defaults of domain.md', async () => {
      const p = await t.programme(ce.id);
      expect(p).toMatchObject({
        dayCountBasis: 'ACT/360',
        repaymentType: 'INTEREST_MONTHLY',
        interestDay: 21,
        graceDays: 3,
        penaltyRateMultiplier: '1.5',
        settlementDeductionRatio: '0.8',
        prepayFromSettlement: false,
      });
      const read = await t.http().get(`/programmes/${p.id}`).set(t.admin.auth);
      expect(read.body).toMatchObject({ repaymentType: 'INTEREST_MONTHLY', interestDay: 21, graceDays: 3, penaltyRateMultiplier: '1.5' });
    });

    it('gives a programme written before the servicing settings existed the same defaults (the migration’s column defaults)', async () => {
      const [row] = await t.db.query(
        `INSERT INTO programmes (core_enterprise_id, name, product_type, min_amount, max_amount, min_term_days, max_term_days,
                                 annual_rate, programme_cap, guarantee_ratio, four_eyes_threshold)
         VALUES ($1, 'older programme', 'WORKING_CAPITAL', 10000, 500000, 90, 365, 0.0435, 1000000, 0.5, 200000) RETURNING id`,
        [ce.id],
      );
      await t.db.query(
        `INSERT INTO programme_rulesets (programme_id, core_enterprise_id, version, eligibility_rules, limit_formula)
         VALUES ($1, $2, 1, '[]', '{"maxAmount": "1000"}')`,
        [row.id, ce.id],
      );
      const res = await t.http().get(`/programmes/${row.id}`).set(t.admin.auth);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        repaymentType: 'INTEREST_MONTHLY',
        interestDay: 21,
        graceDays: 3,
        penaltyRateMultiplier: '1.5',
        settlementDeductionRatio: '0.8',
        prepayFromSettlement: false,
      });
    });

    it('keeps the values it is given, and a PATCH changes only what it names', async () => {
      const p = await t.programme(ce.id, {
        repaymentType: 'BULLET',
        interestDay: 31,
        graceDays: 0,
        penaltyRateMultiplier: '1.3',
        settlementDeductionRatio: '1',
        prepayFromSettlement: true,
        dayCountBasis: 'ACT/365',
      });
      expect(p).toMatchObject({
        repaymentType: 'BULLET',
        interestDay: 31,
        graceDays: 0,
        penaltyRateMultiplier: '1.3',
        settlementDeductionRatio: '1',
        prepayFromSettlement: true,
        dayCountBasis: 'ACT/365',
      });
      const res = await patch(p.id, { graceDays: 90, settlementDeductionRatio: '0.75' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        repaymentType: 'BULLET',
        interestDay: 31,
        graceDays: 90,
        penaltyRateMultiplier: '1.3',
        settlementDeductionRatio: '0.75',
        prepayFromSettlement: true,
      });
      // a change of terms is not a change of rules
      expect(res.body.rulesetVersion).toBe(1);
      const audit = await t.http().get('/audit-events').query({ entityType: 'Programme', entityId: p.id }).set(t.admin.auth);
      expect(audit.body.items.at(-1)).toMatchObject({
        action: 'PROGRAMME_UPDATED',
        before: { graceDays: 0, settlementDeductionRatio: '1' },
        after: { graceDays: 90, settlementDeductionRatio: '0.75' },
      });
    });

    it('refuses bad values with 400, naming every bad field at once', async () => {
      const res = await create({
        repaymentType: 'MONTHLY',
        interestDay: 32,
        graceDays: 91,
        penaltyRateMultiplier: '0.9',
        settlementDeductionRatio: '0',
        prepayFromSettlement: 'yes',
      });
      expectFieldError(res, 'repaymentType', 'INVALID_VALUE');
      expectFieldError(res, 'interestDay');
      expectFieldError(res, 'graceDays');
      expectFieldError(res, 'penaltyRateMultiplier', 'MULTIPLIER_OUT_OF_RANGE');
      expectFieldError(res, 'settlementDeductionRatio', 'RATIO_OUT_OF_RANGE');
      expectFieldError(res, 'prepayFromSettlement');
    });

    it.each([
      ['interestDay', 0],
      ['interestDay', 1.5],
      ['interestDay', '21'],
      ['graceDays', -1],
      ['penaltyRateMultiplier', '2.01'],
      ['penaltyRateMultiplier', 1.5],
      ['penaltyRateMultiplier', '-1.5'],
      ['settlementDeductionRatio', '1.01'],
      ['settlementDeductionRatio', 0.8],
      ['repaymentType', 'bullet'],
    ])('refuses %s %p on creation and on change', async (field, value) => {
      expectFieldError(await create({ [field]: value }), field);
      const p = await t.programme(ce.id);
      expectFieldError(await patch(p.id, { [field]: value }), field);
      expect((await t.http().get(`/programmes/${p.id}`).set(t.admin.auth)).body).toMatchObject({
        repaymentType: 'INTEREST_MONTHLY',
        interestDay: 21,
        graceDays: 3,
        penaltyRateMultiplier: '1.5',
        settlementDeductionRatio: '0.8',
      });
    });

    it('refuses to clear one with null', async () => {
      const p = await t.programme(ce.id);
      for (const field of [
        'repaymentType',
        'interestDay',
        'graceDays',
        'penaltyRateMultiplier',
        'settlementDeductionRatio',
        'prepayFromSettlement',
      ]) {
        expectFieldError(await patch(p.id, { [field]: null }), field, 'NOT_NULLABLE');
      }
    });

    it('documents them in the OpenAPI document', async () => {
      const doc = await t.http().get('/docs-json');
      const schemas = doc.body.components.schemas;
      for (const name of ['CreateProgrammeDto', 'UpdateProgrammeDto', 'ProgrammeResponse']) {
        expect(Object.keys(schemas[name].properties)).toEqual(
          expect.arrayContaining([
            'repaymentType',
            'interestDay',
            'graceDays',
            'penaltyRateMultiplier',
            'settlementDeductionRatio',
            'prepayFromSettlement',
          ]),
        );
      }
      expect(schemas.ProgrammeResponse.properties.repaymentType.enum).toEqual(['INTEREST_MONTHLY', 'BULLET']);
    });
  });

  describe('on loans, frozen at the final approval', () => {
    let l: Lending;
    const TERMS = {
      annualRate: '0.0435',
      dayCountBasis: 'ACT/360',
      repaymentType: 'INTEREST_MONTHLY',
      interestDay: 21,
      graceDays: 3,
      penaltyRateMultiplier: '1.5',
    };
    const CHANGED = {
      annualRate: '0.05',
      dayCountBasis: 'ACT/365',
      repaymentType: 'BULLET',
      interestDay: 5,
      graceDays: 10,
      penaltyRateMultiplier: '1.3',
    };

    beforeAll(async () => {
      l = await lending(t, { suppliers: 3, programme: { fourEyesThreshold: '60000.00' } });
    });

    it('shows no terms before the approval and the programme’s after it; a later change of the programme leaves them', async () => {
      const loan = await submitOk(t, l.officer, l.programme.id, l.suppliers[0].id);
      expect(loan.terms).toBeNull();
      expect((await getLoan(t, l.senior, loan.id)).terms).toBeNull();
      const approved = await approveOk(t, l.senior, loan.id);
      expect(approved.terms).toEqual(TERMS);

      const res = await patch(l.programme.id, CHANGED);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject(CHANGED);
      for (const who of [l.officer, l.auditor, l.enterprise]) expect((await getLoan(t, who, loan.id)).terms).toEqual(TERMS);
      const row = await t.db.query(
        `SELECT annual_rate::text, day_count_basis, repayment_type, interest_day, grace_days, penalty_rate_multiplier::text
           FROM loan_applications WHERE id = $1`,
        [loan.id],
      );
      expect(row[0]).toMatchObject({ day_count_basis: 'ACT/360', repayment_type: 'INTEREST_MONTHLY', interest_day: 21, grace_days: 3 });

      // a loan approved after the change takes the new terms; the first keeps its own
      const second = await submitOk(t, l.officer, l.programme.id, l.suppliers[1].id);
      expect((await approveOk(t, l.senior, second.id)).terms).toEqual(CHANGED);
      expect((await getLoan(t, l.officer, loan.id)).terms).toEqual(TERMS);
      await patch(l.programme.id, TERMS);
    });

    it('freezes them at the second approval above the four-eyes threshold, not the first', async () => {
      const loan = await submitOk(t, l.officer, l.programme.id, l.suppliers[2].id, { amount: '80000.00' });
      const first = await approveOk(t, l.officer2, loan.id, 'PENDING_SECOND_APPROVAL');
      expect(first.terms).toBeNull();
      // the rate was fixed when the application was made; the servicing terms are read at the final approval
      expect((await patch(l.programme.id, { ...CHANGED, annualRate: '0.06' })).status).toBe(200);
      const second = await approveOk(t, l.senior, loan.id);
      expect(second.terms).toEqual({ ...CHANGED, annualRate: '0.0435' });
      await patch(l.programme.id, TERMS);
    });
    it('the migration gives programmes that existed the defaults, and loans approved before it their programme’s terms', async () => {
      const custom = await t.programme(ce.id, { repaymentType: 'BULLET', graceDays: 7 });
      const approved = await submitOk(t, l.officer, l.programme.id, l.suppliers[0].id, { amount: '10000.00' });
      await approveOk(t, l.senior, approved.id);
      const pending = await submitOk(t, l.officer, l.programme.id, l.suppliers[1].id, { amount: '10000.00' });

      const runner = t.db.createQueryRunner();
      await runner.connect();
      try {
        const migration = new ServicingTerms1765008000001();
        await migration.down(runner);
        await migration.up(runner);
      } finally {
        await runner.release();
      }

      expect((await t.http().get(`/programmes/${custom.id}`).set(t.admin.auth)).body).toMatchObject({
        repaymentType: 'INTEREST_MONTHLY',
        graceDays: 3,
        penaltyRateMultiplier: '1.5',
        settlementDeductionRatio: '0.8',
        prepayFromSettlement: false,
      });
      expect((await getLoan(t, l.officer, approved.id)).terms).toEqual(TERMS);
      expect((await getLoan(t, l.officer, pending.id)).terms).toBeNull();
    });
  });
});
