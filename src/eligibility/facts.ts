import { hasDairyColumns, storedAttributes, type AttributeDef, type AttributeType } from '../counterparties/roster-schema.js';
import type { BooleanFact, FactName, NumericFact } from '../programmes/rules.js';
import type { SupplierType } from '../suppliers/supplier-types.js';
import { ymd, ymdDayNumber } from '../common/dates.js';

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
  /** The stored attributes of its roster schema as text, in the order of its AttributeFacts' keys. */
  attributeValues?: readonly (string | null)[] | null;
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

/**
 * How a roster schema's counterparties turn into facts, compiled once per schema for a whole roster:
 * whether they have the dairy columns (without them no dairy fact is made, so a screening stores no
 * column of another schema), and the stored attributes in schema order, read from their text (the
 * SQL reads each as `attributes ->> key`: no JSON is parsed per row). A value the type cannot read
 * (written by an older version of the schema) is missing, never a wrong number.
 */
export interface AttributeFacts {
  dairy: boolean;
  /** The stored attributes' keys, in the order `read` takes their values. */
  keys: readonly string[];
  read(values: readonly (string | null)[] | null | undefined, evaluationDate: string, into: Record<string, FactScalar | null>): void;
}

export function attributeFacts(attributes: readonly AttributeDef[]): AttributeFacts {
  const stored = storedAttributes(attributes);
  const readers = stored.map((a) => reader(a.type));
  const keys = stored.map((a) => a.key);
  const n = keys.length;
  return {
    dairy: hasDairyColumns(attributes),
    keys,
    read(values, evaluationDate, into) {
      for (let i = 0; i < n; i++) {
        const v = values ? values[i] : null;
        into[keys[i]] = v === null || v === undefined ? null : readers[i](v, evaluationDate);
      }
    },
  };
}

const SIGNED_DECIMAL = /^-?\d+(\.\d+)?$/;
const SIGNED_INTEGER = /^-?\d{1,15}$/;

function reader(type: AttributeType): (v: string, evaluationDate: string) => FactScalar | null {
  switch (type) {
    case 'INTEGER':
      return (v) => (SIGNED_INTEGER.test(v) ? Number(v) : null);
    case 'DECIMAL':
    case 'MONEY':
      return (v) => (SIGNED_DECIMAL.test(v) ? v : null);
    case 'DATE':
      return (v, evaluationDate) => {
        const d = ymd(v);
        return d < 0 ? null : ymdDayNumber(d) - ymdDayNumber(ymd(evaluationDate));
      };
    case 'BOOLEAN':
      return (v) => (v === 'true' ? true : v === 'false' ? false : null);
    default:
      return (v) => (v.trim() !== '' ? v : null);
  }
}

/** The facts the rules see for a supplier at `evaluationDate` (YYYY-MM-DD, the programme's business date). */
export function factsOf(source: SupplierFactSource, evaluationDate: string, attributes?: AttributeFacts): SupplierFacts {
  const on = ymd(evaluationDate);
  if (on < 0) throw new RangeError(`evaluation date "${evaluationDate}" is not a YYYY-MM-DD date`);
  const birthDate = date('birthDate', source.birthDate);
  // completed years: the birthday counts once its month and day are reached (29 Feb turns on 1 Mar)
  const age = birthDate < 0 ? null : Math.floor((on - birthDate) / 10_000);
  if (attributes && !attributes.dairy) {
    const facts: Record<string, FactScalar | null> = {
      age,
      supplierType: source.supplierType,
      province: present(source.province),
      blacklisted: source.blacklisted,
      hasOverdueLoan: source.hasOverdueLoan,
    };
    attributes.read(source.attributeValues, evaluationDate, facts);
    return facts as SupplierFacts;
  }
  const certNo = present(source.epidemicCertNo);
  const certExpiry = date('epidemicCertExpiry', source.epidemicCertExpiry);
  const facts: Record<string, FactScalar | null> = {
    yearsExperience: decimal('yearsExperience', source.yearsExperience),
    herdSize: count('herdSize', source.herdSize),
    deliveryMonths: count('deliveryMonths', source.deliveryMonths),
    avgMonthlyDeliveryKg: decimal('avgMonthlyDeliveryKg', source.avgMonthlyDeliveryKg),
    avgMonthlySettlement: decimal('avgMonthlySettlement', source.avgMonthlySettlement),
    age,
    // A certificate with no expiry on record cannot show it is still valid, so the rule on it fails.
    epidemicCertValidDays: certNo !== null && certExpiry >= 0 ? ymdDayNumber(certExpiry) - ymdDayNumber(on) : null,
    supplierType: source.supplierType,
    province: present(source.province),
    hasEpidemicCert: certNo !== null,
    blacklisted: source.blacklisted,
    hasOverdueLoan: source.hasOverdueLoan,
  };
  if (attributes?.keys.length) attributes.read(source.attributeValues, evaluationDate, facts);
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

/** The date as yyyymmdd (see ymd), or -1 when there is none. */
function date(fact: string, v: string | null): number {
  if (v === null) return -1;
  const d = ymd(v);
  if (d < 0) throw new RangeError(`${fact} "${v}" is not a YYYY-MM-DD date`);
  return d;
}
