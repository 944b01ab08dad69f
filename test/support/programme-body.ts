/** A dairy programme as the tests create it: the standard admission rules and limit formula. */
export const STANDARD_RULES = [
  { name: 'experience', fact: 'yearsExperience', operator: '>=', value: 3 },
  { name: 'epidemic-cert', fact: 'epidemicCertValidDays', operator: '>=', value: 30 },
  { name: 'herd', fact: 'herdSize', operator: 'between', value: [10, 5000] },
  { name: 'age', fact: 'age', operator: 'between', value: [18, 65] },
  { name: 'deliveries', fact: 'deliveryMonths', operator: '>=', value: 12 },
];
export const STANDARD_FORMULA = { maxAmount: '500000.00', settlementMultiple: '3', perHeadAmount: '8000.00', roundDownTo: '1000' };

export function programmeBody(coreEnterpriseId: string, overrides: Record<string, unknown> = {}) {
  return {
    coreEnterpriseId,
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
    eligibilityRules: STANDARD_RULES,
    limitFormula: STANDARD_FORMULA,
    ...overrides,
  };
}
