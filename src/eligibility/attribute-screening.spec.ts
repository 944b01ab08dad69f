import { TEMPLATES, resolveAttributes } from '../counterparties/roster-schema.js';
import { factCatalog, type EligibilityRule } from '../programmes/rules.js';
import { compileRules, evaluate } from './evaluator.js';
import { attributeFacts, factsOf, type SupplierFactSource } from './facts.js';
import { compileFormula, limitTerms } from './limit.js';

const schema = resolveAttributes('DEALER', [
  { key: 'licence_expiry', label: 'licence', aliases: [], type: 'DATE', required: false },
  { key: 'exclusive', label: 'exclusive', aliases: [], type: 'BOOLEAN', required: false },
]);
const catalog = factCatalog(schema);
const read = attributeFacts(schema);
/** As the SQL reads them: each attribute's text (`attributes ->> key`), in schema order. */
const texts = (keys: readonly string[], attributes: Record<string, unknown>) =>
  keys.map((k) =>
    attributes[k] === undefined ? null : typeof attributes[k] === 'string' ? (attributes[k] as string) : JSON.stringify(attributes[k]),
  );
const dealer = (attributes: Record<string, unknown>, keys: readonly string[] = read.keys): SupplierFactSource => ({
  supplierType: 'INDIVIDUAL',
  province: '内蒙古',
  herdSize: null,
  yearsExperience: null,
  deliveryMonths: null,
  avgMonthlyDeliveryKg: null,
  avgMonthlySettlement: null,
  birthDate: '1980-05-17',
  epidemicCertNo: null,
  epidemicCertExpiry: null,
  blacklisted: false,
  hasOverdueLoan: false,
  attributeValues: texts(keys, attributes),
});
const rules: EligibilityRule[] = [
  { name: 'cooperation', fact: 'cooperation_years', operator: '>=', value: 2 },
  { name: 'orders', fact: 'orders_12m', operator: '>=', value: 6 },
  { name: 'licence', fact: 'licence_expiry', operator: '>=', value: 30 },
  { name: 'exclusive', fact: 'exclusive', operator: 'isTrue' },
];
const good = {
  annual_purchase_amount: '1200000.00',
  cooperation_years: '3.5',
  outlets: 4,
  orders_12m: 18,
  licence_expiry: '2027-01-31',
  exclusive: true,
};

describe('screening on attributes', () => {
  it('reads attributes into facts by key; a DATE as days from the evaluation date, a value the type cannot read as missing', () => {
    const facts = factsOf(dealer({ ...good, outlets: 'four' }), '2026-11-30', read);
    expect(facts).toMatchObject({ cooperation_years: '3.5', orders_12m: 18, licence_expiry: 62, exclusive: true, outlets: null, age: 46 });
    // no dairy fact for a counterparty without the dairy columns
    expect(Object.keys(facts)).not.toContain('herdSize');
  });

  it('decides the same rule by rule and compiled, and explains each rule by its attribute', () => {
    const screen = compileRules(rules, catalog);
    for (const attributes of [
      good,
      { ...good, orders_12m: 5 },
      { ...good, licence_expiry: '2026-12-01' },
      { ...good, exclusive: false },
      {},
    ]) {
      const facts = factsOf(dealer(attributes), '2026-11-30', read);
      const evaluation = evaluate(rules, facts, null, catalog);
      const compiled = screen(facts);
      expect(compiled.eligible).toBe(evaluation.eligible);
      expect(compiled.failed.map((i) => rules[i].name)).toEqual(evaluation.results.filter((r) => !r.passed).map((r) => r.rule));
    }
    const failing = evaluate(rules, factsOf(dealer({ ...good, orders_12m: 5, exclusive: false }), '2026-11-30', read), null, catalog);
    expect(failing.results.filter((r) => !r.passed).map((r) => r.message)).toEqual([
      'orders_12m 5 is below the required 6',
      'exclusive is no',
    ]);
    expect(evaluate(rules, factsOf(dealer({}), '2026-11-30', read), null, catalog).results[0].message).toBe('cooperation_years is missing');
  });

  it('computes a limit from terms over attributes, exactly, in fen', () => {
    const formula = { maxAmount: '1000000.00', terms: [{ fact: 'annual_purchase_amount', multiple: '0.25' }], roundDownTo: '1000' };
    const facts = factsOf(dealer({ ...good, annual_purchase_amount: '1234567.89' }), '2026-11-30', read);
    expect(compileFormula(formula, catalog)(facts, true)).toBe('308000.00');
    expect(limitTerms(formula, facts, catalog)).toEqual({ maxAmount: '1000000.00', 'terms[0]:annual_purchase_amount': '308641.97' });
    expect(compileFormula(formula, catalog)(factsOf(dealer({}), '2026-11-30', read), true)).toBe('0.00');
  });

  it('reads the forwarder template: tax grade as text, tax paid as money', () => {
    const forwarder = attributeFacts(TEMPLATES.FREIGHT_FORWARDER.attributes);
    const facts = factsOf(
      dealer({ tax_credit_grade: 'A', tax_paid_12m: '180000.00', monthly_shipments: 300 }, forwarder.keys),
      '2026-11-30',
      forwarder,
    );
    expect(facts).toMatchObject({ tax_credit_grade: 'A', tax_paid_12m: '180000.00', monthly_shipments: 300, years_in_business: null });
  });
});
