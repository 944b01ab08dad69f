import { daysBetween } from '../common/business-date.js';
import { ageOn, isRealDate } from '../common/identifiers.js';
import { storedAttributes, type AttributeDef, type AttributeType } from '../counterparties/roster-schema.js';
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
  /** The stored attributes of its roster schema (`attributes`), as the import wrote them. */
  attributes?: Readonly<Record<string, unknown>> | null;
}

/** A fact value; null when the supplier record does not have it, which fails any rule on it. */
export type FactValue<F extends FactName> = F extends BooleanFact
  ? boolean | null
  : F extends 'supplierType'
    ? SupplierType | null
    : F extends 'province' | DecimalFact
      ? string | null
      : number | null;

export type FactScalar = number | string | boolean;

/**
 * The facts the rules see: the built-in ones, and one per stored attribute of the counterparty's
 * schema, by key (a DATE attribute as days from the evaluation date to it). Absent or null: missing.
 */
export type SupplierFacts = { [F in FactName]: FactValue<F> } & { readonly [attribute: string]: FactScalar | null | undefined };

const UNSIGNED_DECIMAL = /^\d+(\.\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Reads the stored attributes of a schema into facts, compiled once per schema for a whole roster. A
 * value of another type than the schema's (written by an older version) reads as missing, never as a
 * wrong number.
 */
export type AttributeFacts = (
  stored: Readonly<Record<string, unknown>> | null | undefined,
  evaluationDate: string,
  into: Record<string, FactScalar | null>,
) => void;

export function attributeFacts(attributes: readonly AttributeDef[]): AttributeFacts {
  const read = storedAttributes(attributes).map((a) => [a.key, reader(a.type)] as const);
  return (stored, evaluationDate, into) => {
    for (const [key, value] of read) into[key] = stored ? value(stored[key], evaluationDate) : null;
  };
}

const SIGNED_DECIMAL = /^-?\d+(\.\d+)?$/;

function reader(type: AttributeType): (v: unknown, evaluationDate: string) => FactScalar | null {
  switch (type) {
    case 'INTEGER':
      return (v) => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);
    case 'DECIMAL':
    case 'MONEY':
      return (v) => (typeof v === 'string' && SIGNED_DECIMAL.test(v) ? v : null);
    case 'DATE':
      return (v, evaluationDate) => (typeof v === 'string' && isDate(v) ? daysBetween(evaluationDate, v) : null);
    case 'BOOLEAN':
      return (v) => (typeof v === 'boolean' ? v : null);
    default:
      return (v) => (typeof v === 'string' && v.trim() !== '' ? v : null);
  }
}

/** The facts the rules see for a supplier at `evaluationDate` (YYYY-MM-DD, the programme's business date). */
export function factsOf(source: SupplierFactSource, evaluationDate: string, attributes?: AttributeFacts): SupplierFacts {
  if (!isDate(evaluationDate)) throw new RangeError(`evaluation date "${evaluationDate}" is not a YYYY-MM-DD date`);
  const certNo = present(source.epidemicCertNo);
  const certExpiry = date('epidemicCertExpiry', source.epidemicCertExpiry);
  const birthDate = date('birthDate', source.birthDate);
  const facts: Record<string, FactScalar | null> = {
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
  if (attributes) attributes(source.attributes, evaluationDate, facts);
  return facts as SupplierFacts;
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
