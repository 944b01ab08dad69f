import { TEMPLATES, resolveAttributes, retypedAttributes, validateSchemaInput, type AttributeDef } from './roster-schema.js';

const attr = (over: Partial<AttributeDef> = {}): AttributeDef => ({
  key: 'orders_12m',
  label: 'orders',
  aliases: ['近12月订单数'],
  type: 'INTEGER',
  required: true,
  ...over,
});
const codes = (body: unknown) => validateSchemaInput(body).map((e) => `${e.field} ${e.code}`);

describe('roster schema input', () => {
  it('takes a template alone, or with attributes of its own', () => {
    expect(codes({ role: 'DEALER', template: 'DEALER', attributes: [] })).toEqual([]);
    expect(codes({ role: 'SUPPLIER', template: 'DAIRY_SUPPLIER', attributes: [attr({ key: 'silage_tons' })] })).toEqual([]);
    expect(codes({ role: 'SUPPLIER', attributes: [attr({ key: 'planted_mu', type: 'DECIMAL', min: '0', max: '100000.5' })] })).toEqual([]);
  });

  it('takes attribute keys that are identifiers only, so none can carry SQL or a JSON path', () => {
    for (const key of ["x'; DROP TABLE suppliers; --", 'a.b', 'a->>b', '{a}', 'Orders', '1st', '', 'a b', 'x'.repeat(41)])
      expect(codes({ role: 'DEALER', attributes: [attr({ key })] })).toEqual(['attributes[0].key ATTRIBUTE_KEY_INVALID']);
  });

  it('refuses keys of identity columns and built-in facts, twice the same key, and a dairy column to override', () => {
    expect(codes({ role: 'DEALER', attributes: [attr({ key: 'bank_account' })] })).toEqual(['attributes[0].key ATTRIBUTE_KEY_RESERVED']);
    expect(codes({ role: 'DEALER', attributes: [attr({ key: 'age' })] })).toEqual(['attributes[0].key ATTRIBUTE_KEY_RESERVED']);
    expect(codes({ role: 'DEALER', attributes: [attr(), attr({ aliases: [] })] })).toEqual(['attributes[1].key ATTRIBUTE_KEY_DUPLICATE']);
    expect(codes({ role: 'SUPPLIER', template: 'DAIRY_SUPPLIER', attributes: [attr({ key: 'herd_size' })] })).toEqual([
      'attributes[0].key ATTRIBUTE_KEY_RESERVED',
    ]);
  });

  it('checks types, bounds, enum values and the template role', () => {
    expect(codes({ role: 'DEALER', attributes: [attr({ type: 'FLOAT' as never })] })).toEqual(['attributes[0].type INVALID_VALUE']);
    expect(codes({ role: 'DEALER', attributes: [attr({ min: '10', max: '5' })] })).toEqual(['attributes[0].max MIN_ABOVE_MAX']);
    expect(codes({ role: 'DEALER', attributes: [attr({ min: '1.5' })] })).toEqual(['attributes[0].min INVALID_BOUND']);
    expect(codes({ role: 'DEALER', attributes: [attr({ type: 'MONEY', min: 5 as never })] })).toEqual(['attributes[0].min INVALID_BOUND']);
    expect(codes({ role: 'DEALER', attributes: [attr({ type: 'TEXT', max: '5' })] })).toEqual(['attributes[0].max BOUND_NOT_FOR_TYPE']);
    expect(codes({ role: 'DEALER', attributes: [attr({ type: 'ENUM', values: [] })] })).toEqual([
      'attributes[0].values INVALID_ENUM_VALUES',
    ]);
    expect(codes({ role: 'DEALER', attributes: [attr({ values: ['A'] })] })).toEqual(['attributes[0].values VALUES_NOT_FOR_TYPE']);
    expect(codes({ role: 'DEALER', template: 'DAIRY_SUPPLIER', attributes: [] })).toEqual(['template TEMPLATE_ROLE_MISMATCH']);
    expect(codes({ role: 'DEALER', attributes: [] })).toEqual(['attributes SCHEMA_EMPTY']);
    expect(codes({ role: 'BUYER', attributes: [attr()], extra: 1 })).toEqual(['extra UNKNOWN_FIELD', 'role INVALID_VALUE']);
  });

  it('refuses a header that would name two columns', () => {
    expect(codes({ role: 'DEALER', attributes: [attr({ aliases: ['手机号'] })] })).toEqual(['attributes HEADER_CLASH']);
    expect(codes({ role: 'DEALER', template: 'DEALER', attributes: [attr({ key: 'stores', aliases: ['门店数'] })] })).toEqual([
      'attributes HEADER_CLASH',
    ]);
  });
});

describe('resolveAttributes', () => {
  it("puts the template's attributes first, replaced by one of the same key, then the others", () => {
    const resolved = resolveAttributes('DEALER', [attr({ key: 'outlets', max: '50' }), attr({ key: 'region', type: 'TEXT', aliases: [] })]);
    expect(resolved.map((a) => a.key)).toEqual(['annual_purchase_amount', 'cooperation_years', 'outlets', 'orders_12m', 'region']);
    expect(resolved[2].max).toBe('50');
  });

  it('keeps the dairy template exactly as domain.md has its columns', () => {
    expect(TEMPLATES.DAIRY_SUPPLIER.attributes.map((a) => [a.key, a.aliases[0], a.required])).toEqual([
      ['farm_name', '牧场名称', true],
      ['herd_size', '存栏数', true],
      ['years_experience', '养殖年限', true],
      ['epidemic_cert_no', '动物防疫条件合格证号', false],
      ['epidemic_cert_expiry', '防疫证有效期至', false],
      ['delivery_months', '供奶月数', true],
      ['avg_monthly_delivery_kg', '月均交奶量kg', true],
      ['avg_monthly_settlement', '月均结算金额', false],
    ]);
  });
});

describe('retypedAttributes', () => {
  it('names attributes whose type changes, or whose enum loses a value', () => {
    const grade = attr({ key: 'grade', type: 'ENUM', values: ['A', 'B'] }) as AttributeDef;
    const before = [attr() as AttributeDef, grade];
    expect(retypedAttributes(before, [attr({ max: '9' }) as AttributeDef, { ...grade, values: ['A', 'B', 'C'] }])).toEqual([]);
    expect(retypedAttributes(before, [attr({ type: 'TEXT' }) as AttributeDef, { ...grade, values: ['A'] }])).toEqual([
      'orders_12m',
      'grade',
    ]);
  });
});
