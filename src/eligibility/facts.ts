import { daysBetween } from '../common/business-date.js';
import { ageOn, isRealDate } from '../common/identifiers.js';
import type { BooleanFact, FactName, NumericFact } from '../programmes/rules.js';
import type { SupplierType } from '../suppliers/supplier-types.js';

/** Numeric facts that carry decimals, kept as decimal strings so that no comparison goes through a float. */
export const DECIMAL_FACTS = ['yearsExperience', 'avgMonthlyDeliveryKg', 'avgMonthlySettlement'] as const;
export type DecimalFact = (typeof DECIMAL_FACTS)[number];
export type IntegerFact = Exclude<NumericFact, DecimalFact>;

/** What a supplier record says, before it is turned into facts at an evaluation date. */
export interface SupplierFactSource {
  supplierType: SupplierType;
  province: string | null;
  herdSize: number | null;
  /** Decimal string. */
  yearsExperience: string | null;
  deliveryMonths: number | null;
  /** Decimal string. */
  avgMonthlyDeliveryKg: string | null;
  /** Money string (CNY). */
  avgMonthlySettlement: string | null;
  /**
   * YYYY-MM-DD. The caller resolves it: the individual's own birth date, or for an ENTITY the birth
   * date of its legal representative (from legal_rep_id_number), since age rules are about the
   * person answerable for the loan.
   */
  birthDate: string | null;
  epidemicCertNo: string | null;
  /** YYYY-MM-DD */
  epidemicCertExpiry: string | null;
  blacklisted: boolean;
  hasOverdueLoan: boolean;
}

/** A fact value; null when the supplier record does not have it, which fails any rule on it. */
export type FactValue<F extends FactName> = F extends BooleanFact
  ? boolean | null
  : F extends 'supplierType'
    ? SupplierType | null
    : F extends 'province' | DecimalFact
      ? string | null
      : number | null;

export type SupplierFacts = { [F in FactName]: FactValue<F> };

const UNSIGNED_DECIMAL = /^\d+(\.\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The facts the rules see for a supplier at `evaluationDate` (YYYY-MM-DD, the programme's business date). */
export function factsOf(source: SupplierFactSource, evaluationDate: string): SupplierFacts {
  if (!isDate(evaluationDate)) throw new RangeError(`evaluation date "${evaluationDate}" is not a YYYY-MM-DD date`);
  const certNo = present(source.epidemicCertNo);
  const certExpiry = date('epidemicCertExpiry', source.epidemicCertExpiry);
  const birthDate = date('birthDate', source.birthDate);
  return {
    yearsExperience: decimal('yearsExperience', source.yearsExperience),
    herdSize: count('herdSize', source.herdSize),
    deliveryMonths: count('deliveryMonths', source.deliveryMonths),
    avgMonthlyDeliveryKg: decimal('avgMonthlyDeliveryKg', source.avgMonthlyDeliveryKg),
    avgMonthlySettlement: decimal('avgMonthlySettlement', source.avgMonthlySettlement),
    age: birthDate === null ? null : ageOn(birthDate, evaluationDate),
    // A certificate with no expiry on record cannot show it is still valid, so the rule on it fails.
    epidemicCertValidDays: certNo !== null && certExpiry !== null ? daysBetween(evaluationDate, certExpiry) : null,
    supplierType: source.supplierType,
    province: present(source.province),
    hasEpidemicCert: certNo !== null,
    blacklisted: source.blacklisted,
    hasOverdueLoan: source.hasOverdueLoan,
  };
}

// A blank cell is no value: it must read as missing, not as a value that a `!=` rule would let through.
function present(v: string | null): string | null {
  return v === null || v.trim() === '' ? null : v;
}

// Malformed input would otherwise turn into a silently wrong decision, rule by rule.
function decimal(fact: string, v: string | null): string | null {
  if (v !== null && !UNSIGNED_DECIMAL.test(v)) throw new RangeError(`${fact} "${v}" is not a non-negative decimal`);
  return v;
}

function count(fact: string, v: number | null): number | null {
  if (v !== null && !(Number.isSafeInteger(v) && v >= 0)) throw new RangeError(`${fact} ${v} is not a non-negative integer`);
  return v;
}

function date(fact: string, v: string | null): string | null {
  if (v !== null && !isDate(v)) throw new RangeError(`${fact} "${v}" is not a YYYY-MM-DD date`);
  return v;
}

// Not isIsoDate: its round trip through Date objects cost more than all the rest of factsOf, three
// times per supplier, when a whole roster is screened.
function isDate(v: string): boolean {
  const m = ISO_DATE.exec(v);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}
