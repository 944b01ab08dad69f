import { TEMPLATES, resolveAttributes } from '../../counterparties/roster-schema.js';
import { mapHeaders, rosterLayout } from './columns.js';
import { RosterRowValidator } from './validate-row.js';

const dealer = rosterLayout('DEALER', TEMPLATES.DEALER.attributes);
const forwarder = rosterLayout('SUPPLIER', TEMPLATES.FREIGHT_FORWARDER.attributes);
const identity = {
  supplier_code: 'D-001',
  supplier_type: 'INDIVIDUAL',
  name: '王经销',
  id_number: '11010519491231002X',
  phone: '13800138000',
  bank_account: '6228480402564890018',
  bank_name: '中国农业银行',
  province: '内蒙古',
};

describe('rosters of a schema other than the dairy one', () => {
  it('map the identity headers, the extra code headers and the attribute aliases; no dairy column is asked for', () => {
    const m = mapHeaders(
      [
        '经销商编号',
        '主体类型',
        '名称',
        '证件号码',
        '手机号',
        '银行账号',
        '开户行',
        '省份',
        '年进货额',
        '合作年限',
        '门店数',
        '近12月订单数',
      ],
      dealer,
    );
    expect(m.missing).toEqual([]);
    expect(m.unknown).toEqual([]);
    expect(m.columns[0]).toBe('supplier_code');
    expect(mapHeaders(['supplier_code', '牧场名称'], dealer).missing).toContain('annual_purchase_amount');
  });

  it('store the attributes in their canonical forms, the dairy columns empty', () => {
    const v = new RosterRowValidator('2026-11-29', dealer);
    const r = v.validate(2, {
      ...identity,
      annual_purchase_amount: '¥1,200,000.5',
      cooperation_years: '3.50',
      outlets: 12,
      orders_12m: '24',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(JSON.parse(r.supplier.attributes!)).toEqual({
      annual_purchase_amount: '1200000.50',
      cooperation_years: '3.5',
      outlets: 12,
      orders_12m: 24,
    });
    expect(r.supplier).toMatchObject({ farmName: null, herdSize: null, supplierCode: 'D-001' });
    expect(v.role).toBe('DEALER');
  });

  it('report every bad attribute under its own key and header', () => {
    const v = new RosterRowValidator('2026-11-29', forwarder);
    const r = v.validate(2, {
      ...identity,
      monthly_shipments: '12.5',
      customs_declarations_12m: '-1',
      tax_paid_12m: '10.001',
      tax_credit_grade: 'E',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => `${p.field} ${p.code}`)).toEqual([
      'monthly_shipments NOT_AN_INTEGER',
      'customs_declarations_12m OUT_OF_RANGE',
      'tax_paid_12m MONEY_FORMAT',
      'tax_credit_grade ENUM_UNKNOWN',
      'years_in_business REQUIRED',
    ]);
    expect(r.problems[3].message).toContain('纳税信用等级 (tax_credit_grade)');
  });

  it('read booleans, dates and enum values in the ways clerks write them', () => {
    const layout = rosterLayout(
      'SUPPLIER',
      resolveAttributes(null, [
        { key: 'organic', label: 'organic', aliases: ['有机认证'], type: 'BOOLEAN', required: true },
        { key: 'licence_expiry', label: 'licence', aliases: [], type: 'DATE', required: false, min: '2020-01-01' },
        { key: 'grade', label: 'grade', aliases: [], type: 'ENUM', required: false, values: ['A', 'B'] },
      ]),
    );
    const v = new RosterRowValidator('2026-11-29', layout);
    const r = v.validate(2, { ...identity, organic: '是', licence_expiry: '2027年5月1日', grade: 'b' });
    expect(r.ok && JSON.parse(r.supplier.attributes!)).toEqual({ organic: true, licence_expiry: '2027-05-01', grade: 'B' });
    const bad = v.validate(3, { ...identity, supplier_code: 'D-002', organic: 'maybe', licence_expiry: '2019-12-31' });
    expect(!bad.ok && bad.problems.map((p) => `${p.field} ${p.code}`)).toEqual(['organic BOOLEAN_FORMAT', 'licence_expiry OUT_OF_RANGE']);
  });
});
