import { expectFieldError, expectProblem } from './support/problems.js';
import { STANDARD_FORMULA, STANDARD_RULES, createTestApp, programmeBody, type TestApp } from './support/test-app.js';

type Rule = { name: string; fact: string; operator: string; value?: unknown };
const rule = (fact: string, operator: string, value?: unknown): Rule => ({
  name: 'under-test',
  fact,
  operator,
  ...(value === undefined ? {} : { value }),
});

describe('programmes', () => {
  let t: TestApp;
  let ce: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    ce = await t.coreEnterprise();
  });
  afterAll(async () => {
    await t?.close();
  });

  const create = (overrides: Record<string, unknown> = {}) =>
    t.http().post('/programmes').set(t.admin.auth).send(programmeBody(ce.id, overrides));
  const patch = (id: string, body: Record<string, unknown>) => t.http().patch(`/programmes/${id}`).set(t.admin.auth).send(body);
  const get = (id: string) => t.http().get(`/programmes/${id}`).set(t.admin.auth);

  describe('POST /programmes', () => {
    it('creates ruleset version 1 and echoes the rules and the formula', async () => {
      const res = await create();
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        coreEnterpriseId: ce.id,
        name: 'Silage season 2026',
        productType: 'SMALL_QUICK_GUARANTEED_LOAN',
        minAmount: '10000.00',
        maxAmount: '500000.00',
        minTermDays: 90,
        maxTermDays: 365,
        annualRate: '0.0435',
        programmeCap: '100000000.00',
        guaranteeRatio: '0.5',
        fourEyesThreshold: '200000.00',
        dayCountBasis: 'ACT/360',
        // issue 11's servicing settings, at domain.md's defaults
        repaymentType: 'INTEREST_MONTHLY',
        interestDay: 21,
        graceDays: 3,
        penaltyRateMultiplier: '1.5',
        settlementDeductionRatio: '0.8',
        prepayFromSettlement: false,
        timeZone: 'Asia/Shanghai',
        active: true,
        rulesetVersion: 1,
        eligibilityRules: STANDARD_RULES,
        limitFormula: STANDARD_FORMULA,
        outstandingAmount: '0.00',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect((await get(res.body.id)).body).toEqual(res.body);
    });

    it('keeps every operator and value type of the contract', async () => {
      const eligibilityRules = [
        { name: 'experience', fact: 'yearsExperience', operator: '>=', value: 3 },
        { name: 'settlement', fact: 'avgMonthlySettlement', operator: '>', value: '12000.50' },
        { name: 'herd', fact: 'herdSize', operator: 'between', value: [10, 5000] },
        { name: 'deliveries', fact: 'deliveryMonths', operator: 'notIn', value: [0, 1] },
        { name: 'type', fact: 'supplierType', operator: 'in', value: ['INDIVIDUAL', 'ENTITY'] },
        { name: 'province', fact: 'province', operator: '!=', value: '海南' },
        { name: 'cert', fact: 'hasEpidemicCert', operator: 'isTrue' },
        { name: 'not blacklisted', fact: 'blacklisted', operator: 'isFalse' },
        { name: 'no overdue', fact: 'hasOverdueLoan', operator: '==', value: false },
      ];
      const res = await create({
        eligibilityRules,
        limitFormula: { perHeadAmount: '8000.00' },
        dayCountBasis: 'ACT/365',
        timeZone: 'Asia/Urumqi',
        active: false,
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        eligibilityRules,
        limitFormula: { perHeadAmount: '8000.00' },
        dayCountBasis: 'ACT/365',
        timeZone: 'Asia/Urumqi',
        active: false,
      });
    });

    it('accepts an empty rule list (everyone is eligible)', async () => {
      const res = await create({ eligibilityRules: [] });
      expect(res.status).toBe(201);
      expect(res.body.eligibilityRules).toEqual([]);
    });

    it('audits the creation', async () => {
      const p = (await create()).body;
      const audit = await t.http().get('/audit-events').query({ entityType: 'Programme', entityId: p.id }).set(t.admin.auth);
      expect(audit.body.items).toEqual([
        expect.objectContaining({
          action: 'PROGRAMME_CREATED',
          coreEnterpriseId: ce.id,
          after: expect.objectContaining({ rulesetVersion: 1 }),
        }),
      ]);
    });

    it('answers 404 for an unknown core enterprise and 400 for a malformed id', async () => {
      const unknown = expectProblem(
        await t.http().post('/programmes').set(t.admin.auth).send(programmeBody('00000000-0000-4000-8000-000000000000')),
        404,
        'NOT_FOUND',
      );
      expect(unknown.code).toBe('NOT_FOUND');
      const malformed = expectFieldError(
        await t.http().post('/programmes').set(t.admin.auth).send(programmeBody('ce-1')),
        'coreEnterpriseId',
        'INVALID_UUID',
      );
      expect(malformed).toMatchObject({ field: 'coreEnterpriseId', code: 'INVALID_UUID' });
    });

    describe('refuses, naming the field', () => {
      it.each<[string, Record<string, unknown>, string, string]>([
        ['minAmount above maxAmount', { minAmount: '600000.00' }, 'maxAmount', 'MIN_ABOVE_MAX'],
        ['minTermDays above maxTermDays', { minTermDays: 400 }, 'maxTermDays', 'MIN_ABOVE_MAX'],
        ['a zero minAmount', { minAmount: '0' }, 'minAmount', 'AMOUNT_NOT_POSITIVE'],
        ['annualRate "1"', { annualRate: '1' }, 'annualRate', 'RATE_OUT_OF_RANGE'],
        ['annualRate "1.5"', { annualRate: '1.5' }, 'annualRate', 'RATE_OUT_OF_RANGE'],
        ['annualRate as a number', { annualRate: 0.0435 }, 'annualRate', 'INVALID_DECIMAL'],
        ['a negative annualRate', { annualRate: '-0.01' }, 'annualRate', 'INVALID_DECIMAL'],
        ['guaranteeRatio "0"', { guaranteeRatio: '0' }, 'guaranteeRatio', 'RATIO_OUT_OF_RANGE'],
        ['guaranteeRatio "1.01"', { guaranteeRatio: '1.01' }, 'guaranteeRatio', 'RATIO_OUT_OF_RANGE'],
        ['minAmount as a number', { minAmount: 10000 }, 'minAmount', 'INVALID_MONEY'],
        ['maxAmount as a number', { maxAmount: 500000 }, 'maxAmount', 'INVALID_MONEY'],
        ['programmeCap as a number', { programmeCap: 1e8 }, 'programmeCap', 'INVALID_MONEY'],
        ['fourEyesThreshold as a number', { fourEyesThreshold: 200000 }, 'fourEyesThreshold', 'INVALID_MONEY'],
        ['a term of days as text', { minTermDays: '90' }, 'minTermDays', 'INVALID_INT'],
        ['an unknown day count basis', { dayCountBasis: '30/360' }, 'dayCountBasis', 'INVALID_VALUE'],
        ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, 'timeZone', 'UNKNOWN_TIME_ZONE'],
        ['an unknown field', { interestFree: true }, 'interestFree', 'UNKNOWN_FIELD'],
        ['a blank name', { name: '   ' }, 'name', 'BLANK'],
        ['a blank product type', { productType: ' ' }, 'productType', 'BLANK'],
        ['rules that are not a list', { eligibilityRules: { experience: 3 } }, 'eligibilityRules', 'INVALID_ARRAY'],
        ['a formula that is not an object', { limitFormula: '500000.00' }, 'limitFormula', 'INVALID_OBJECT'],
      ])('%s', async (_, overrides, field, code) => {
        const error = expectFieldError(await create(overrides), field, code);
        expect(error).toMatchObject({ field, code });
      });

      it.each<[string, Rule, string, string]>([
        ['an unknown fact', rule('milkQuality', '>=', 3), 'fact', 'RULE_UNKNOWN_FACT'],
        ['an unknown operator', rule('herdSize', '=>', 3), 'operator', 'RULE_UNKNOWN_OPERATOR'],
        ['isTrue on herdSize', rule('herdSize', 'isTrue'), 'operator', 'RULE_OPERATOR_NOT_FOR_FACT'],
        ['>= on province', rule('province', '>=', '内蒙古'), 'operator', 'RULE_OPERATOR_NOT_FOR_FACT'],
        ['between on supplierType', rule('supplierType', 'between', ['A', 'Z']), 'operator', 'RULE_OPERATOR_NOT_FOR_FACT'],
        ['a word for herdSize', rule('herdSize', '>=', 'ten'), 'value', 'RULE_VALUE_TYPE'],
        ['a boolean for herdSize', rule('herdSize', '>=', true), 'value', 'RULE_VALUE_TYPE'],
        ['no value for herdSize', rule('herdSize', '>='), 'value', 'RULE_VALUE_TYPE'],
        ['a number for supplierType', rule('supplierType', '==', 1), 'value', 'RULE_VALUE_TYPE'],
        ['a text for a boolean fact', rule('blacklisted', '==', 'false'), 'value', 'RULE_VALUE_TYPE'],
        ['a value for isTrue', rule('hasEpidemicCert', 'isTrue', true), 'value', 'RULE_VALUE_TYPE'],
        ['between with one value', rule('herdSize', 'between', [10]), 'value', 'RULE_VALUE_TYPE'],
        ['between with three values', rule('herdSize', 'between', [10, 20, 30]), 'value', 'RULE_VALUE_TYPE'],
        ['between with low above high', rule('age', 'between', [65, 18]), 'value', 'RULE_VALUE_TYPE'],
        ['between with a word', rule('age', 'between', [18, 'old']), 'value', 'RULE_VALUE_TYPE'],
        ['supplierType in an unknown type', rule('supplierType', 'in', ['INDIVIDUAL', 'COOPERATIVE']), 'value', 'RULE_VALUE_TYPE'],
        ['in with an empty list', rule('province', 'in', []), 'value', 'RULE_VALUE_TYPE'],
        ['in with a single value instead of a list', rule('deliveryMonths', 'in', 12), 'value', 'RULE_VALUE_TYPE'],
      ])('a rule with %s', async (_, bad, part, code) => {
        const res = await create({ eligibilityRules: [STANDARD_RULES[0], bad] });
        expectFieldError(res, `eligibilityRules[1].${part}`, code);
        expect(res.body.errors).toHaveLength(1);
      });

      it('a rule with an unknown field, a bad name or a duplicate name', async () => {
        const res = await create({
          eligibilityRules: [
            { ...STANDARD_RULES[0], weight: 2 },
            { ...STANDARD_RULES[1], name: '' },
            { ...STANDARD_RULES[2], name: STANDARD_RULES[0].name },
            'herd >= 10',
          ],
        });
        expectProblem(res, 400, 'VALIDATION_FAILED');
        expect(res.body.errors.map((e: { field: string; code: string }) => `${e.field} ${e.code}`)).toEqual([
          'eligibilityRules[0].weight UNKNOWN_FIELD',
          'eligibilityRules[1].name RULE_NAME_INVALID',
          'eligibilityRules[2].name RULE_NAME_DUPLICATE',
          'eligibilityRules[3] RULE_NOT_AN_OBJECT',
        ]);
      });

      it.each<[string, Record<string, unknown>, string, string]>([
        ['a formula term given as a number', { maxAmount: 500000 }, 'limitFormula.maxAmount', 'FORMULA_TERM_INVALID'],
        ['a formula term with three decimals', { perHeadAmount: '8000.001' }, 'limitFormula.perHeadAmount', 'FORMULA_TERM_INVALID'],
        ['a multiple that is not a decimal', { settlementMultiple: 'three' }, 'limitFormula.settlementMultiple', 'FORMULA_TERM_INVALID'],
        ['a zero rounding step', { maxAmount: '500000.00', roundDownTo: '0' }, 'limitFormula.roundDownTo', 'FORMULA_TERM_INVALID'],
        ['an empty formula', {}, 'limitFormula', 'FORMULA_EMPTY'],
        ['a formula with only a rounding step', { roundDownTo: '1000' }, 'limitFormula', 'FORMULA_EMPTY'],
        ['an unknown formula term', { ...STANDARD_FORMULA, bonus: '1000' }, 'limitFormula.bonus', 'UNKNOWN_FIELD'],
      ])('%s', async (_, limitFormula, field, code) => {
        const error = expectFieldError(await create({ limitFormula }), field, code);
        expect(error).toMatchObject({ field, code });
      });

      it('every problem of the body at once', async () => {
        const res = await create({
          minAmount: '600000.00',
          annualRate: '2',
          eligibilityRules: [rule('herdSize', 'isTrue')],
          limitFormula: {},
        });
        expectProblem(res, 400, 'VALIDATION_FAILED');
        expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
          ['annualRate', 'eligibilityRules[0].operator', 'limitFormula', 'maxAmount'].sort(),
        );
      });
    });

    it('names a bad money field together with bad rules, formula, ranges and time zone in one 400', async () => {
      const res = await create({
        programmeCap: 1e8,
        minTermDays: 90.5,
        maxAmount: '5000.00',
        guaranteeRatio: '0',
        timeZone: 'Mars/Olympus_Mons',
        eligibilityRules: [rule('herdSize', 'isTrue')],
        limitFormula: {},
      });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`).sort()).toEqual(
        [
          'programmeCap:INVALID_MONEY',
          'minTermDays:INVALID_INT',
          'maxAmount:MIN_ABOVE_MAX',
          'guaranteeRatio:RATIO_OUT_OF_RANGE',
          'timeZone:UNKNOWN_TIME_ZONE',
          'eligibilityRules[0].operator:RULE_OPERATOR_NOT_FOR_FACT',
          'limitFormula:FORMULA_EMPTY',
        ].sort(),
      );
    });

    it('creates nothing when it refuses', async () => {
      const before = await t.db.query(`SELECT count(*)::int AS n FROM programmes`);
      await create({ guaranteeRatio: '0' });
      await create({ eligibilityRules: [rule('herdSize', 'isTrue')] });
      const after = await t.db.query(`SELECT count(*)::int AS n FROM programmes`);
      expect(after[0].n).toBe(before[0].n);
    });
  });

  describe('PATCH /programmes/:id and ruleset versions', () => {
    it('names every bad field of a change in one 400: types, nulls, ranges, rules and formula', async () => {
      const p = (await create()).body;
      const res = await patch(p.id, {
        fourEyesThreshold: 200000,
        name: null,
        annualRate: '2',
        minTermDays: 30,
        maxTermDays: 20,
        eligibilityRules: [rule('herdSize', 'isTrue')],
        limitFormula: {},
      });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`).sort()).toEqual(
        [
          'fourEyesThreshold:INVALID_MONEY',
          'name:NOT_NULLABLE',
          'annualRate:RATE_OUT_OF_RANGE',
          'maxTermDays:MIN_ABOVE_MAX',
          'eligibilityRules[0].operator:RULE_OPERATOR_NOT_FOR_FACT',
          'limitFormula:FORMULA_EMPTY',
        ].sort(),
      );
      expect((await get(p.id)).body).toMatchObject({ name: p.name, annualRate: p.annualRate, rulesetVersion: 1 });
    });

    it('keeps the version when only other fields change', async () => {
      const p = (await create()).body;
      const res = await patch(p.id, { name: 'Renamed', maxAmount: '800000.00', annualRate: '0.039', active: false });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: 'Renamed', maxAmount: '800000.00', annualRate: '0.039', active: false, rulesetVersion: 1 });
      const rulesets = await t.http().get(`/programmes/${p.id}/rulesets`).set(t.admin.auth);
      expect(rulesets.body).toHaveLength(1);
    });

    it('makes version 2 for new rules and keeps version 1 as it was', async () => {
      const p = (await create()).body;
      const newRules = [...STANDARD_RULES.slice(0, 4), { name: 'deliveries', fact: 'deliveryMonths', operator: '>=', value: 24 }];
      const res = await patch(p.id, { eligibilityRules: newRules });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ rulesetVersion: 2, eligibilityRules: newRules, limitFormula: STANDARD_FORMULA });
      expect((await get(p.id)).body.rulesetVersion).toBe(2);

      const rulesets = await t.http().get(`/programmes/${p.id}/rulesets`).set(t.admin.auth);
      expect(rulesets.status).toBe(200);
      expect(rulesets.body).toEqual([
        {
          version: 1,
          eligibilityRules: STANDARD_RULES,
          limitFormula: STANDARD_FORMULA,
          createdBy: t.admin.username,
          createdAt: expect.any(String),
        },
        {
          version: 2,
          eligibilityRules: newRules,
          limitFormula: STANDARD_FORMULA,
          createdBy: t.admin.username,
          createdAt: expect.any(String),
        },
      ]);

      const audit = await t.http().get('/audit-events').query({ entityType: 'Programme', entityId: p.id }).set(t.admin.auth);
      const changed = audit.body.items.find((e: { action: string }) => e.action === 'PROGRAMME_RULESET_CHANGED');
      expect(changed).toMatchObject({ before: { rulesetVersion: 1 }, after: { rulesetVersion: 2 } });
    });

    it('makes a new version for a new formula', async () => {
      const p = (await create()).body;
      const res = await patch(p.id, { limitFormula: { ...STANDARD_FORMULA, roundDownTo: '100' } });
      expect(res.body).toMatchObject({ rulesetVersion: 2, limitFormula: { roundDownTo: '100' }, eligibilityRules: STANDARD_RULES });
    });

    it('does not bump the version for the same rules written in another key order', async () => {
      const p = (await create()).body;
      const reordered = STANDARD_RULES.map((r) => ({ value: r.value, operator: r.operator, fact: r.fact, name: r.name }));
      const formula = { roundDownTo: '1000', perHeadAmount: '8000.00', settlementMultiple: '3', maxAmount: '500000.00' };
      const res = await patch(p.id, { eligibilityRules: reordered, limitFormula: formula, name: 'Same rules' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ rulesetVersion: 1, name: 'Same rules' });
      expect((await t.http().get(`/programmes/${p.id}/rulesets`).set(t.admin.auth)).body).toHaveLength(1);
    });

    it('counts a reordered rule list as new rules', async () => {
      const p = (await create()).body;
      const res = await patch(p.id, { eligibilityRules: [...STANDARD_RULES].reverse() });
      expect(res.body.rulesetVersion).toBe(2);
    });

    it('checks the programme as it would be after the change', async () => {
      const p = (await create()).body;
      expectFieldError(await patch(p.id, { minAmount: '600000.00' }), 'maxAmount', 'MIN_ABOVE_MAX');
      expectFieldError(await patch(p.id, { maxTermDays: 30 }), 'maxTermDays', 'MIN_ABOVE_MAX');
      expectFieldError(await patch(p.id, { guaranteeRatio: '1.5' }), 'guaranteeRatio', 'RATIO_OUT_OF_RANGE');
      expectFieldError(
        await patch(p.id, { eligibilityRules: [rule('province', '>=', 'x')] }),
        'eligibilityRules[0].operator',
        'RULE_OPERATOR_NOT_FOR_FACT',
      );
      expectFieldError(await patch(p.id, { limitFormula: {} }), 'limitFormula', 'FORMULA_EMPTY');
      expectFieldError(await patch(p.id, { coreEnterpriseId: ce.id }), 'coreEnterpriseId', 'UNKNOWN_FIELD');
      expectFieldError(await patch(p.id, { name: '  ' }), 'name', 'BLANK');
      const after = (await get(p.id)).body;
      expect(after).toEqual(p);
    });

    it.each(['name', 'minAmount', 'minTermDays', 'annualRate', 'eligibilityRules', 'limitFormula', 'timeZone', 'active'])(
      'refuses null for %s, which cannot be cleared',
      async (field) => {
        const p = (await create()).body;
        expectFieldError(await patch(p.id, { [field]: null }), field, 'NOT_NULLABLE');
        expect((await get(p.id)).body).toEqual(p);
      },
    );

    it('answers 404 for an unknown programme', async () => {
      const refusals = [
        expectProblem(await patch('00000000-0000-4000-8000-000000000000', { name: 'x' }), 404, 'NOT_FOUND'),
        expectProblem(await get('00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND'),
      ];
      expect(refusals.map((p) => p.code)).toEqual(['NOT_FOUND', 'NOT_FOUND']);
      const malformed = expectFieldError(await get('p-1'), 'id', 'INVALID_UUID');
      expect(malformed).toMatchObject({ field: 'id', code: 'INVALID_UUID' });
    });
  });

  describe('listing and tenants', () => {
    it('filters the list by core enterprise and by active', async () => {
      const other = await t.coreEnterprise();
      const active = await t.programme(other.id);
      const inactive = await t.programme(other.id, { active: false });
      const all = await t.http().get('/programmes').query({ coreEnterpriseId: other.id }).set(t.admin.auth);
      expect(all.body).toMatchObject({ total: 2, page: 1, pageSize: 50 });
      expect(all.body.items.map((p: { id: string }) => p.id)).toEqual([active.id, inactive.id]);
      const onlyActive = await t.http().get('/programmes').query({ coreEnterpriseId: other.id, active: 'true' }).set(t.admin.auth);
      expect(onlyActive.body.items.map((p: { id: string }) => p.id)).toEqual([active.id]);
      expectFieldError(await t.http().get('/programmes').query({ active: 'yes' }).set(t.admin.auth), 'active');
    });

    it("answers another core enterprise's programme 404 to an ENTERPRISE caller, never its data", async () => {
      const mine = await t.coreEnterprise();
      const theirs = await t.coreEnterprise();
      const myProgramme = await t.programme(mine.id, { name: 'Mine' });
      const theirProgramme = await t.programme(theirs.id, { name: 'Theirs, secret terms' });
      const user = await t.user('ENTERPRISE', mine.id);

      expect((await t.http().get(`/programmes/${myProgramme.id}`).set(user.auth)).status).toBe(200);
      expect((await t.http().get(`/programmes/${myProgramme.id}/rulesets`).set(user.auth)).status).toBe(200);
      for (const path of [`/programmes/${theirProgramme.id}`, `/programmes/${theirProgramme.id}/rulesets`]) {
        const res = await t.http().get(path).set(user.auth);
        expectProblem(res, 404, 'NOT_FOUND');
        expect(JSON.stringify(res.body)).not.toContain('secret terms');
      }
      const list = await t.http().get('/programmes').set(user.auth);
      expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([myProgramme.id]);
      const asked = await t.http().get('/programmes').query({ coreEnterpriseId: theirs.id }).set(user.auth);
      expect(asked.body).toMatchObject({ items: [], total: 0 });
      expectProblem(await t.http().patch(`/programmes/${theirProgramme.id}`).set(user.auth).send({ name: 'x' }), 403, 'FORBIDDEN');
    });
  });
});
