import { CHINESE_ALIAS, COLUMN_NAMES, ROSTER_COLUMNS, mapHeaders } from './columns.js';

const REQUIRED = ROSTER_COLUMNS.filter((c) => c.required).map((c) => c.name);

describe('roster columns', () => {
  it('has the 17 columns of domain.md, with their Chinese aliases', () => {
    expect(COLUMN_NAMES).toHaveLength(17);
    expect(CHINESE_ALIAS.id_number).toBe('证件号码');
    expect(CHINESE_ALIAS.avg_monthly_delivery_kg).toBe('月均交奶量kg');
  });

  it('requires per file neither the legal representative nor the expiry, which only some rows need', () => {
    expect(REQUIRED).not.toContain('legal_rep_id_number');
    expect(REQUIRED).not.toContain('epidemic_cert_expiry');
    expect(REQUIRED).not.toContain('epidemic_cert_no');
    expect(REQUIRED).not.toContain('avg_monthly_settlement');
    expect(REQUIRED).toHaveLength(13);
  });
});

describe('mapHeaders', () => {
  it('maps the English names in the generator order', () => {
    const m = mapHeaders([...COLUMN_NAMES]);
    expect(m).toEqual({ columns: [...COLUMN_NAMES], unknown: [], missing: [], duplicated: [] });
  });

  it('maps the Chinese aliases', () => {
    const m = mapHeaders(COLUMN_NAMES.map((c) => CHINESE_ALIAS[c]));
    expect(m.columns).toEqual([...COLUMN_NAMES]);
    expect(m.missing).toEqual([]);
  });

  it('matches in any order, in any case, mixing languages, around spaces, quotes and a BOM', () => {
    const headers = [
      '\uFEFFSupplier_Code',
      ' 主体类型 ',
      'NAME',
      '"证件号码"',
      '\u3000Phone\u3000',
      ' “银行账号” ',
      'Bank_Name',
      "'farm_name'",
      '省份',
      '存栏数',
      'YEARS_EXPERIENCE',
      '供奶月数',
      '月均交奶量KG',
    ];
    const m = mapHeaders(headers);
    expect(m.columns).toEqual([
      'supplier_code',
      'supplier_type',
      'name',
      'id_number',
      'phone',
      'bank_account',
      'bank_name',
      'farm_name',
      'province',
      'herd_size',
      'years_experience',
      'delivery_months',
      'avg_monthly_delivery_kg',
    ]);
    expect(m.missing).toEqual([]);
  });

  it('folds full-width letters, as a Chinese input method types them', () => {
    expect(mapHeaders(['月均交奶量ＫＧ', 'ｐｈｏｎｅ']).columns).toEqual(['avg_monthly_delivery_kg', 'phone']);
  });

  it('lists unknown headers once each, ignores blank ones, and keeps their place as null', () => {
    const m = mapHeaders([...COLUMN_NAMES, '备注', ' Remarks ', '备注', '', '  ']);
    expect(m.unknown).toEqual(['备注', 'Remarks']);
    expect(m.columns.slice(17)).toEqual([null, null, null, null, null]);
    expect(m.missing).toEqual([]);
  });

  it('lists the required columns that are missing, and only those', () => {
    const m = mapHeaders(['supplier_code', 'name', 'legal_rep_id_number']);
    expect(m.missing).toEqual(REQUIRED.filter((c) => c !== 'supplier_code' && c !== 'name'));
    expect(m.missing).toContain('id_number');
    expect(m.missing).not.toContain('epidemic_cert_expiry');
  });

  it('reports a column given twice, in English and Chinese alike, and keeps the first', () => {
    const m = mapHeaders([...COLUMN_NAMES, '手机号', 'PHONE', 'name']);
    expect(m.duplicated).toEqual(['phone', 'name']);
    expect(m.columns.slice(17)).toEqual([null, null, null]);
    expect(m.columns.indexOf('phone')).toBe(5);
  });

  it('finds every required column missing in an empty header', () => {
    expect(mapHeaders([]).missing).toEqual(REQUIRED);
  });
});
