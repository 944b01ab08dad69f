import type { FieldError } from '../common/errors.js';
import { headerKey } from '../common/header-key.js';
import { isRealDate } from '../common/identifiers.js';
import { SUPPLIER_ROSTER_COLUMNS } from '../suppliers/roster-columns.js';

/**
 * A core enterprise's roster schema per role (api.md, "Counterparties, attributes and dealers"): the
 * fixed identity columns every counterparty has, plus typed business attributes. The dairy columns of
 * domain.md ("Roster columns") are one built-in template, DAIRY_SUPPLIER, whose attributes keep their
 * own typed columns and their exact checks (rosters/parsing/validate-row.ts); any other attribute is
 * kept in the counterparty's `attributes` (jsonb), in a canonical form per type.
 */

export const COUNTERPARTY_ROLES = ['SUPPLIER', 'DEALER'] as const;
export type CounterpartyRole = (typeof COUNTERPARTY_ROLES)[number];

export const ATTRIBUTE_TYPES = ['INTEGER', 'DECIMAL', 'MONEY', 'DATE', 'BOOLEAN', 'TEXT', 'ENUM'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

export interface AttributeDef {
  key: string;
  label: string;
  /** Other headers a roster may name it by (Chinese, English); its key is always one. */
  aliases: string[];
  type: AttributeType;
  required: boolean;
  /** Canonical text: an integer, a decimal, or a YYYY-MM-DD date, by type. */
  min?: string;
  max?: string;
  /** ENUM only: the values allowed, as stored. */
  values?: string[];
  /** Kept in a column of its own and checked by the dairy roster's own rules (DAIRY_SUPPLIER only). */
  column?: boolean;
}

export const TEMPLATE_NAMES = ['DAIRY_SUPPLIER', 'DEALER', 'FREIGHT_FORWARDER'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

export interface RosterTemplate {
  name: TemplateName;
  role: CounterpartyRole;
  description: string;
  attributes: AttributeDef[];
}

const attr = (
  key: string,
  alias: string,
  type: AttributeType,
  required: boolean,
  label: string,
  more: Partial<AttributeDef> = {},
): AttributeDef => ({ key, label, aliases: [alias], type, required, ...more });

/** The dairy columns, as domain.md has them: stored and checked as they always were. */
const DAIRY_ATTRIBUTES: AttributeDef[] = [
  attr('farm_name', '牧场名称', 'TEXT', true, 'farm name', { column: true }),
  attr('herd_size', '存栏数', 'INTEGER', true, 'herd size (head of cattle)', { min: '0', max: '100000', column: true }),
  attr('years_experience', '养殖年限', 'DECIMAL', true, 'years of dairy farming', { min: '0', max: '60', column: true }),
  attr('epidemic_cert_no', '动物防疫条件合格证号', 'TEXT', false, 'animal epidemic prevention certificate number', { column: true }),
  attr('epidemic_cert_expiry', '防疫证有效期至', 'DATE', false, 'certificate expiry (required with a certificate)', { column: true }),
  attr('delivery_months', '供奶月数', 'INTEGER', true, 'months of milk deliveries to the core enterprise', {
    min: '0',
    max: '600',
    column: true,
  }),
  attr('avg_monthly_delivery_kg', '月均交奶量kg', 'DECIMAL', true, 'average monthly milk delivery (kg)', { min: '0', column: true }),
  attr('avg_monthly_settlement', '月均结算金额', 'MONEY', false, 'average monthly settlement (CNY)', { min: '0', column: true }),
];

export const TEMPLATES: Record<TemplateName, RosterTemplate> = {
  DAIRY_SUPPLIER: {
    name: 'DAIRY_SUPPLIER',
    role: 'SUPPLIER',
    description: "A dairy group's farmers and ranches (domain.md, Roster columns): the default for suppliers",
    attributes: DAIRY_ATTRIBUTES,
  },
  DEALER: {
    name: 'DEALER',
    role: 'DEALER',
    description: "A core enterprise's dealers (distributors), financed on confirmed purchase orders: the default for dealers",
    attributes: [
      attr('annual_purchase_amount', '年进货额', 'MONEY', true, 'purchases from the core enterprise in the last year (CNY)', { min: '0' }),
      attr('cooperation_years', '合作年限', 'DECIMAL', true, 'years of cooperation with the core enterprise', { min: '0', max: '100' }),
      attr('outlets', '门店数', 'INTEGER', true, 'outlets (shops)', { min: '0', max: '100000' }),
      attr('orders_12m', '近12月订单数', 'INTEGER', true, 'orders in the last 12 months', { min: '0', max: '100000' }),
    ],
  },
  FREIGHT_FORWARDER: {
    name: 'FREIGHT_FORWARDER',
    role: 'SUPPLIER',
    description: "A logistics company's freight forwarders, screened on shipments, customs and tax data",
    attributes: [
      attr('monthly_shipments', '月均票数', 'INTEGER', true, 'shipments a month on average', { min: '0', max: '10000000' }),
      attr('customs_declarations_12m', '近12月报关单数', 'INTEGER', true, 'customs declarations in the last 12 months', {
        min: '0',
        max: '10000000',
      }),
      attr('tax_paid_12m', '近12月纳税额', 'MONEY', true, 'tax paid in the last 12 months (CNY)', { min: '0' }),
      attr('tax_credit_grade', '纳税信用等级', 'ENUM', true, 'tax credit grade (纳税信用等级)', { values: ['A', 'B', 'M', 'C', 'D'] }),
      attr('years_in_business', '成立年限', 'DECIMAL', true, 'years in business', { min: '0', max: '200' }),
    ],
  },
};

/** The template a role's counterparties are imported with until an ADMIN sets a schema. */
export const DEFAULT_TEMPLATE: Record<CounterpartyRole, TemplateName> = { SUPPLIER: 'DAIRY_SUPPLIER', DEALER: 'DEALER' };

/** A schema version as stored: its template and the attributes in effect (the template's included). */
export interface RosterSchema {
  id: string | null;
  coreEnterpriseId: string;
  role: CounterpartyRole;
  version: number;
  template: TemplateName | null;
  attributes: AttributeDef[];
}

/** Whether the dairy columns are part of the schema (then they are checked and stored as before schemas). */
export function hasDairyColumns(attributes: readonly AttributeDef[]): boolean {
  return attributes.some((a) => a.column === true);
}

/** The attributes kept in `attributes` (jsonb), in schema order. */
export function storedAttributes(attributes: readonly AttributeDef[]): AttributeDef[] {
  return attributes.filter((a) => a.column !== true);
}

/** The identity columns (supplier_code … province), written once in suppliers/roster-columns.ts. */
export const IDENTITY_COLUMNS: readonly { name: string; alias: string }[] = SUPPLIER_ROSTER_COLUMNS.filter(
  (c) => c.header !== null && !DAIRY_ATTRIBUTES.some((a) => a.key === c.name),
).map((c) => ({ name: c.name, alias: c.header!.alias }));

/**
 * Headers other schemas also take for the code and type: a dealer roster says 经销商编号. The dairy
 * roster keeps exactly its own headers (an extra column there is reported unknown, as it always was).
 */
export const IDENTITY_EXTRA_ALIASES: Readonly<Record<string, readonly string[]>> = {
  supplier_code: ['code', 'counterparty_code', 'dealer_code', '经销商编号', '客户编号', '编号'],
  supplier_type: ['counterparty_type', '类型'],
};

/** Attribute keys: identifiers only, so that no key can smuggle SQL or a JSON path anywhere. */
export const ATTRIBUTE_KEY = /^[a-z][a-z0-9_]{0,39}$/;
const ENUM_VALUE = /^[\p{L}\p{N}_-]{1,32}$/u;
const INTEGER_TEXT = /^-?(0|[1-9]\d{0,14})$/;
const DECIMAL_TEXT = /^-?(0|[1-9]\d{0,15})(\.\d{1,6})?$/;
const MONEY_TEXT = /^-?(0|[1-9]\d{0,15})(\.\d{1,2})?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CONTROL = /\p{Cc}/u;

/** The facts every counterparty has whatever its schema, by name: no attribute may take one. */
const RESERVED_KEYS = new Set([
  ...SUPPLIER_ROSTER_COLUMNS.map((c) => c.name),
  'age',
  'role',
  'attributes',
  'blacklisted',
  'has_overdue_loan',
  'supplier_type',
  'code',
  'id',
]);

const MAX_ATTRIBUTES = 50;
const MAX_ALIASES = 5;
const MAX_VALUES = 50;

export interface SchemaInput {
  role: CounterpartyRole;
  template?: TemplateName;
  attributes: AttributeDef[];
}

/** A schema body (PUT /core-enterprises/:id/roster-schema) checked; one FieldError per problem. */
export function validateSchemaInput(body: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const err = (field: string, code: string, message: string) => errors.push({ field, code, message });
  if (!body || typeof body !== 'object' || Array.isArray(body)) return [{ field: 'body', code: 'INVALID_OBJECT', message: 'an object' }];
  const b = body as Record<string, unknown>;
  for (const k of Object.keys(b))
    if (!['role', 'template', 'attributes'].includes(k)) err(k, 'UNKNOWN_FIELD', `${k} is not a roster schema field`);
  if (typeof b.role !== 'string' || !(COUNTERPARTY_ROLES as readonly string[]).includes(b.role))
    err('role', 'INVALID_VALUE', `role must be one of ${COUNTERPARTY_ROLES.join(', ')}`);
  let template: RosterTemplate | undefined;
  if (b.template !== undefined) {
    if (typeof b.template !== 'string' || !(TEMPLATE_NAMES as readonly string[]).includes(b.template)) {
      err('template', 'UNKNOWN_TEMPLATE', `template must be one of ${TEMPLATE_NAMES.join(', ')}`);
    } else {
      template = TEMPLATES[b.template as TemplateName];
      if (typeof b.role === 'string' && template.role !== b.role)
        err('template', 'TEMPLATE_ROLE_MISMATCH', `template ${template.name} is for role ${template.role}`);
    }
  }
  if (!Array.isArray(b.attributes)) {
    err('attributes', 'INVALID_ARRAY', 'attributes must be a list (empty to take the template as it is)');
    return errors;
  }
  if (b.attributes.length > MAX_ATTRIBUTES) err('attributes', 'TOO_MANY_ATTRIBUTES', `at most ${MAX_ATTRIBUTES} attributes`);
  if (!template && b.attributes.length === 0) err('attributes', 'SCHEMA_EMPTY', 'name a template, or at least one attribute');
  const keys = new Set<string>();
  b.attributes.forEach((a, i) => attributeProblems(a, `attributes[${i}]`, template, keys, err));
  if (!errors.length) headerClashes(resolveAttributes(template?.name ?? null, b.attributes as AttributeDef[]), err);
  return errors;
}

function attributeProblems(
  input: unknown,
  at: string,
  template: RosterTemplate | undefined,
  keys: Set<string>,
  err: (field: string, code: string, message: string) => void,
): void {
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    err(at, 'INVALID_OBJECT', `${at} must be an object with key, label, aliases, type and required`);
    return;
  }
  const a = input as Record<string, unknown>;
  for (const k of Object.keys(a))
    if (!['key', 'label', 'aliases', 'type', 'required', 'min', 'max', 'values'].includes(k))
      err(`${at}.${k}`, 'UNKNOWN_FIELD', `${at}.${k} is not an attribute field`);
  if (typeof a.key !== 'string' || !ATTRIBUTE_KEY.test(a.key)) {
    err(`${at}.key`, 'ATTRIBUTE_KEY_INVALID', `${at}.key must be 1-40 of a-z, 0-9 and _, starting with a letter`);
  } else if (RESERVED_KEYS.has(a.key)) {
    err(`${at}.key`, 'ATTRIBUTE_KEY_RESERVED', `${at}.key "${a.key}" is an identity column or a built-in fact`);
  } else if (keys.has(a.key)) {
    err(`${at}.key`, 'ATTRIBUTE_KEY_DUPLICATE', `attribute "${a.key}" is given twice`);
  } else if (template?.attributes.some((t) => t.key === a.key && t.column)) {
    err(`${at}.key`, 'ATTRIBUTE_IS_TEMPLATE_COLUMN', `"${a.key}" is a column of template ${template.name}, which keeps its own checks`);
  } else keys.add(a.key);
  if (typeof a.label !== 'string' || a.label.trim() === '' || a.label.length > 100 || CONTROL.test(a.label))
    err(`${at}.label`, 'INVALID_LABEL', `${at}.label must be 1-100 characters`);
  if (
    !Array.isArray(a.aliases) ||
    a.aliases.length > MAX_ALIASES ||
    !a.aliases.every((x) => typeof x === 'string' && x.trim() !== '' && x.length <= 64 && !CONTROL.test(x))
  )
    err(`${at}.aliases`, 'INVALID_ALIASES', `${at}.aliases must be a list of up to ${MAX_ALIASES} headers of 1-64 characters`);
  if (typeof a.required !== 'boolean') err(`${at}.required`, 'INVALID_BOOLEAN', `${at}.required must be true or false`);
  if (typeof a.type !== 'string' || !(ATTRIBUTE_TYPES as readonly string[]).includes(a.type)) {
    err(`${at}.type`, 'INVALID_VALUE', `${at}.type must be one of ${ATTRIBUTE_TYPES.join(', ')}`);
    return;
  }
  const type = a.type as AttributeType;
  const bounded = type === 'INTEGER' || type === 'DECIMAL' || type === 'MONEY' || type === 'DATE';
  for (const side of ['min', 'max'] as const) {
    const v = a[side];
    if (v === undefined) continue;
    if (!bounded) err(`${at}.${side}`, 'BOUND_NOT_FOR_TYPE', `${type} takes no ${side}`);
    else if (boundText(type, v) === null) err(`${at}.${side}`, 'INVALID_BOUND', `${at}.${side} is not ${boundExpect(type)}`);
  }
  if (bounded && a.min !== undefined && a.max !== undefined) {
    const lo = boundText(type, a.min);
    const hi = boundText(type, a.max);
    if (lo !== null && hi !== null && compareBound(type, lo, hi) > 0) err(`${at}.max`, 'MIN_ABOVE_MAX', `${at}.min is above ${at}.max`);
  }
  if (type === 'ENUM') {
    const values = a.values;
    if (
      !Array.isArray(values) ||
      values.length === 0 ||
      values.length > MAX_VALUES ||
      !values.every((x) => typeof x === 'string' && ENUM_VALUE.test(x)) ||
      new Set(values).size !== values.length
    )
      err(`${at}.values`, 'INVALID_ENUM_VALUES', `${at}.values must be 1-${MAX_VALUES} distinct words of letters, digits, _ or -`);
  } else if (a.values !== undefined) err(`${at}.values`, 'VALUES_NOT_FOR_TYPE', `only ENUM takes values`);
}

function boundExpect(type: AttributeType): string {
  if (type === 'DATE') return 'a YYYY-MM-DD date';
  if (type === 'INTEGER') return 'a whole number';
  return `a decimal string with at most ${type === 'MONEY' ? 2 : 6} decimals`;
}

/** A bound in canonical text, or null when it does not fit the type. */
function boundText(type: AttributeType, v: unknown): string | null {
  if (type === 'INTEGER') {
    const text = typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : v;
    return typeof text === 'string' && INTEGER_TEXT.test(text) ? text : null;
  }
  if (typeof v !== 'string') return null;
  if (type === 'DATE') {
    const m = ISO_DATE.exec(v);
    return m && isRealDate(Number(m[1]), Number(m[2]), Number(m[3])) ? v : null;
  }
  return (type === 'MONEY' ? MONEY_TEXT : DECIMAL_TEXT).test(v) ? v : null;
}

function compareBound(type: AttributeType, a: string, b: string): number {
  if (type === 'DATE') return a < b ? -1 : a > b ? 1 : 0;
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Two columns a header could both name make every roster ambiguous: refused. */
function headerClashes(attributes: AttributeDef[], err: (field: string, code: string, message: string) => void): void {
  const owner = new Map<string, string>();
  for (const c of IDENTITY_COLUMNS) {
    owner.set(headerKey(c.name), c.name);
    owner.set(headerKey(c.alias), c.name);
    for (const extra of IDENTITY_EXTRA_ALIASES[c.name] ?? []) owner.set(headerKey(extra), c.name);
  }
  attributes.forEach((a) => {
    for (const header of [a.key, ...a.aliases]) {
      const k = headerKey(header);
      const taken = owner.get(k);
      if (taken !== undefined && taken !== a.key) {
        err('attributes', 'HEADER_CLASH', `the header "${header}" of ${a.key} already names ${taken}`);
      } else owner.set(k, a.key);
    }
  });
}

/** The attributes in effect: the template's (an attribute of the same key replaces it), then the others. */
export function resolveAttributes(template: TemplateName | null, given: AttributeDef[]): AttributeDef[] {
  const canonical = given.map(canonicalAttribute);
  const base = template ? TEMPLATES[template].attributes : [];
  const byKey = new Map(canonical.map((a) => [a.key, a]));
  const out = base.map((t) => byKey.get(t.key) ?? t);
  for (const a of canonical) if (!base.some((t) => t.key === a.key)) out.push(a);
  return out;
}

function canonicalAttribute(a: AttributeDef): AttributeDef {
  const out: AttributeDef = {
    key: a.key,
    label: a.label.trim(),
    aliases: a.aliases.map((x) => x.trim()),
    type: a.type,
    required: a.required,
  };
  if (a.min !== undefined) out.min = boundText(a.type, a.min)!;
  if (a.max !== undefined) out.max = boundText(a.type, a.max)!;
  if (a.type === 'ENUM') out.values = [...a.values!];
  return out;
}

/**
 * What a change of schema does to the values already stored: an attribute whose type changes would
 * leave old values the new type cannot read. Other changes (attributes added, dropped, bounds or
 * aliases changed) are a new version; stored values are kept as they are.
 */
export function retypedAttributes(before: readonly AttributeDef[], after: readonly AttributeDef[]): string[] {
  return after
    .filter((a) => {
      const old = before.find((b) => b.key === a.key);
      return old !== undefined && (old.type !== a.type || (a.type === 'ENUM' && !old.values!.every((v) => a.values!.includes(v))));
    })
    .map((a) => a.key);
}

/** How a rule reads an attribute: DATE attributes as days from the evaluation date to them. */
export function attributeFactKind(type: AttributeType): 'numeric' | 'string' | 'boolean' {
  switch (type) {
    case 'INTEGER':
    case 'DECIMAL':
    case 'MONEY':
    case 'DATE':
      return 'numeric';
    case 'BOOLEAN':
      return 'boolean';
    default:
      return 'string';
  }
}
