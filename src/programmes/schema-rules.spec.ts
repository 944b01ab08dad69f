import { TEMPLATES } from '../counterparties/roster-schema.js';
import { validateFormula } from './limit-formula.js';
import { DAIRY_CATALOG, factCatalog, validateRules } from './rules.js';

const dealer = factCatalog(TEMPLATES.DEALER.attributes);
const forwarder = factCatalog(TEMPLATES.FREIGHT_FORWARDER.attributes);
const codes = (errors: { field: string; code: string }[]) => errors.map((e) => `${e.field} ${e.code}`);

describe('rules over the attributes of a roster schema', () => {
  it("has the common facts, the schema's attributes, and the dairy facts only with the dairy columns", () => {
    expect([...dealer.keys()]).toEqual([
      'age',
      'supplierType',
      'province',
      'blacklisted',
      'hasOverdueLoan',
      'annual_purchase_amount',
      'cooperation_years',
      'outlets',
      'orders_12m',
    ]);
    expect(forwarder.get('tax_credit_grade')).toEqual({ kind: 'string', values: ['A', 'B', 'M', 'C', 'D'] });
    expect([...factCatalog(TEMPLATES.DAIRY_SUPPLIER.attributes).keys()]).toEqual([...DAIRY_CATALOG.keys()]);
  });

  it('type-checks each rule against the schema, naming the attribute', () => {
    const rules = [
      { name: 'years', fact: 'cooperation_years', operator: '>=', value: 2 },
      { name: 'orders', fact: 'orders_12m', operator: '>=', value: 6 },
      { name: 'herd', fact: 'herdSize', operator: '>=', value: 10 },
      { name: 'outlets', fact: 'outlets', operator: 'isTrue' },
      { name: 'typo', fact: 'order_12m', operator: '>=', value: 6 },
    ];
    expect(codes(validateRules(rules, 'eligibilityRules', dealer))).toEqual([
      'eligibilityRules[2].fact RULE_UNKNOWN_FACT',
      'eligibilityRules[3].operator RULE_OPERATOR_NOT_FOR_FACT',
      'eligibilityRules[4].fact RULE_UNKNOWN_FACT',
    ]);
    expect(validateRules(rules, 'eligibilityRules', dealer)[2].message).toContain('orders_12m');
  });

  it('checks ENUM values against the schema', () => {
    const ok = [{ name: 'grade', fact: 'tax_credit_grade', operator: 'in', value: ['A', 'B'] }];
    expect(validateRules(ok, 'eligibilityRules', forwarder)).toEqual([]);
    const bad = [{ name: 'grade', fact: 'tax_credit_grade', operator: '==', value: 'AA' }];
    expect(codes(validateRules(bad, 'eligibilityRules', forwarder))).toEqual(['eligibilityRules[0].value RULE_VALUE_TYPE']);
  });

  it('without a schema, lets an attribute key through for the schema check, but never a name no key can be', () => {
    expect(validateRules([{ name: 'x', fact: 'orders_12m', operator: '>=', value: 'six' }])).toEqual([]);
    expect(codes(validateRules([{ name: 'x', fact: 'creditScore', operator: '>=', value: 1 }]))).toEqual([
      'eligibilityRules[0].fact RULE_UNKNOWN_FACT',
    ]);
    expect(codes(validateRules([{ name: 'x', fact: "a'); --", operator: '>=', value: 1 }]))).toEqual([
      'eligibilityRules[0].fact RULE_UNKNOWN_FACT',
    ]);
  });
});

describe('formula terms', () => {
  it('take multiples of numeric facts of the schema', () => {
    const formula = { maxAmount: '3000000.00', terms: [{ fact: 'annual_purchase_amount', multiple: '0.25' }], roundDownTo: '1000' };
    expect(validateFormula(formula, 'limitFormula', dealer)).toEqual([]);
    expect(validateFormula({ terms: [{ fact: 'annual_purchase_amount', multiple: '0.25' }] })).toEqual([]);
  });

  it('refuse an unknown fact, a text fact, a bad multiple and an empty list', () => {
    const bad = {
      terms: [
        { fact: 'annual_purchase', multiple: '0.25' },
        { fact: 'province', multiple: '1' },
        { fact: 'outlets', multiple: -1 },
        { fact: 'outlets', multiple: '1', weight: 2 },
      ],
    };
    expect(codes(validateFormula(bad, 'limitFormula', dealer))).toEqual([
      'limitFormula.terms[0].fact FORMULA_TERM_UNKNOWN_FACT',
      'limitFormula.terms[1].fact FORMULA_TERM_NOT_NUMERIC',
      'limitFormula.terms[2].multiple FORMULA_TERM_INVALID',
      'limitFormula.terms[3].weight UNKNOWN_FIELD',
    ]);
    expect(codes(validateFormula({ terms: [] }))).toEqual(['limitFormula.terms FORMULA_TERMS_INVALID']);
  });
});
