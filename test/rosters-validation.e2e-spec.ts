import { luhnCheckDigit, usccCheckChar } from '../src/common/identifiers.js';
import { residentId, uscc } from './support/ids.js';
import {
  CHINESE,
  COLUMNS,
  allErrors,
  csvFile,
  entity,
  identityOf,
  individual,
  listSuppliers,
  problemsOf,
  residentIdEndingInX,
  serverErrors,
  uploadAndWait,
  withBadCheck,
  type RowError,
  type Row,
} from './support/roster-files.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Every row rule of domain.md ("Roster columns", "Identifiers") with a good and a bad value, all in
 * one hand-written CSV: each case is one row, and its spreadsheet row number is its index + 2.
 */
interface Case {
  label: string;
  row: Row;
  /** `field:CODE` of every problem the row must report; [] for a row that must be accepted. */
  problems: string[];
}

const nextYear = new Date().getUTCFullYear() + 1;
const ucc = (i: number, ch: string) => {
  const code = uscc();
  return code.slice(0, i) + ch + code.slice(i + 1);
};
const card16 = (() => {
  const body = '622202000012345';
  return body + luhnCheckDigit(body);
})();
const CODE64 = `C${'x'.repeat(63)}`;
const xId = residentIdEndingInX('1979-11-02');
/** One resident ID in 31 also passes the credit-code checksum: the case needs one that does not. */
function residentIdThatIsNoUscc(): string {
  for (;;) {
    const id = residentId();
    if (usccCheckChar(id.slice(0, 17)) !== id[17]) return id;
  }
}

const cases: Case[] = [
  // supplier_code: 1-64 of [A-Za-z0-9_-]
  { label: 'code with letters, digits, - and _', row: individual('Ok_code-01'), problems: [] },
  { label: 'code of 64 characters', row: individual(CODE64), problems: [] },
  { label: 'code of 65 characters', row: individual(`${CODE64}y`), problems: ['supplier_code:TOO_LONG'] },
  { label: 'code with a space', row: individual('BAD 01'), problems: ['supplier_code:SUPPLIER_CODE_FORMAT'] },
  { label: 'code in Chinese', row: individual('供应商01'), problems: ['supplier_code:SUPPLIER_CODE_FORMAT'] },
  { label: 'code with a dot', row: individual('BAD.02'), problems: ['supplier_code:SUPPLIER_CODE_FORMAT'] },
  { label: 'no code', row: individual('', { name: '无编号' }), problems: ['supplier_code:REQUIRED'] },

  // supplier_type and its Chinese aliases
  { label: 'type 个人', row: individual('TYPE-GR', { supplier_type: '个人' }), problems: [] },
  { label: 'type 企业', row: entity('TYPE-QY', { supplier_type: '企业' }), problems: [] },
  { label: 'type 个体工商户', row: entity('TYPE-GT', { supplier_type: '个体工商户' }), problems: [] },
  { label: 'type 合作社', row: entity('TYPE-HZ', { supplier_type: '合作社' }), problems: [] },
  { label: 'type ENTITY', row: entity('TYPE-EN'), problems: [] },
  { label: 'unknown type', row: individual('TYPE-BAD', { supplier_type: '农户' }), problems: ['supplier_type:SUPPLIER_TYPE_UNKNOWN'] },
  { label: 'no type', row: individual('TYPE-NONE', { supplier_type: '' }), problems: ['supplier_type:REQUIRED'] },

  // name: 1-100 characters
  { label: 'name of 100 characters', row: individual('NAME-100', { name: '牧'.repeat(100) }), problems: [] },
  { label: 'name of 100 four-byte characters', row: individual('NAME-100B', { name: '𠀾'.repeat(100) }), problems: [] },
  { label: 'name of 101 characters', row: individual('NAME-101', { name: '牧'.repeat(101) }), problems: ['name:TOO_LONG'] },
  { label: 'no name', row: individual('NAME-NONE', { name: '' }), problems: ['name:REQUIRED'] },

  // resident ID (GB 11643)
  { label: 'resident ID with a lower-case x', row: individual('ID-LOWX', { id_number: xId.toLowerCase() }), problems: [] },
  {
    label: 'resident ID checksum wrong',
    row: individual('ID-CHK', { id_number: withBadCheck(residentId('1980-05-17')) }),
    problems: ['id_number:ID_NUMBER_CHECKSUM'],
  },
  {
    label: 'resident ID born 30 February',
    row: individual('ID-0230', { id_number: residentId('1980-02-30') }),
    problems: ['id_number:ID_NUMBER_BIRTH_DATE'],
  },
  {
    label: 'resident ID born 29 February of a leap year',
    row: individual('ID-0229', { id_number: residentId('1980-02-29') }),
    problems: [],
  },
  {
    label: 'resident ID born in the future',
    row: individual('ID-FUT', { id_number: residentId(`${nextYear}-01-15`) }),
    problems: ['id_number:ID_NUMBER_FUTURE_BIRTH_DATE'],
  },
  {
    label: 'resident ID of 17 characters',
    row: individual('ID-LEN', { id_number: residentId().slice(0, 17) }),
    problems: ['id_number:ID_NUMBER_FORMAT'],
  },
  {
    label: 'resident ID in scientific notation',
    row: individual('ID-SCI', { id_number: '1.50102E+17' }),
    problems: ['id_number:ID_NUMBER_STORED_AS_NUMBER'],
  },
  { label: 'no ID number', row: individual('ID-NONE', { id_number: '' }), problems: ['id_number:REQUIRED'] },

  // unified social credit code (GB 32100) of an ENTITY
  ...['I', 'O', 'S', 'V', 'Z'].map((ch) => ({
    label: `credit code with ${ch}`,
    row: entity(`USCC-${ch}`, { id_number: ucc(9, ch) }),
    problems: ['id_number:USCC_CHARACTER'],
  })),
  {
    label: 'credit code checksum wrong',
    row: entity('USCC-CHK', { id_number: withBadCheck(uscc()) }),
    problems: ['id_number:USCC_CHECKSUM'],
  },
  {
    label: 'credit code of 17 characters',
    row: entity('USCC-LEN', { id_number: uscc().slice(0, 17) }),
    problems: ['id_number:USCC_FORMAT'],
  },
  {
    label: 'ENTITY whose id is a resident ID',
    row: entity('USCC-RID', { id_number: residentIdThatIsNoUscc() }),
    problems: ['id_number:USCC_CHECKSUM'],
  },

  // ENTITY legal representative
  {
    label: 'ENTITY without legal representative',
    row: entity('LR-NONE', { legal_rep_id_number: '' }),
    problems: ['legal_rep_id_number:REQUIRED'],
  },
  {
    label: 'ENTITY legal representative checksum wrong',
    row: entity('LR-CHK', { legal_rep_id_number: withBadCheck(residentId('1970-01-01')) }),
    problems: ['legal_rep_id_number:ID_NUMBER_CHECKSUM'],
  },

  // phone ^1[3-9]\d{9}$
  { label: 'phone starting 19', row: individual('PH-OK', { phone: '19912345678' }), problems: [] },
  { label: 'phone starting 12', row: individual('PH-12', { phone: '12912345678' }), problems: ['phone:PHONE_FORMAT'] },
  { label: 'phone of 10 digits', row: individual('PH-10', { phone: '1381234567' }), problems: ['phone:PHONE_FORMAT'] },
  { label: 'phone with +86', row: individual('PH-86', { phone: '+8613812345678' }), problems: ['phone:PHONE_FORMAT'] },
  { label: 'no phone', row: individual('PH-NONE', { phone: '' }), problems: ['phone:REQUIRED'] },

  // INDIVIDUAL bank card: 16-19 digits, Luhn
  { label: '16-digit Luhn card', row: individual('CARD-16', { bank_account: card16 }), problems: [] },
  {
    label: 'card failing Luhn',
    row: individual('CARD-LUHN', { bank_account: withBadCheck(card16) }),
    problems: ['bank_account:BANK_CARD_CHECKSUM'],
  },
  {
    label: 'card of 15 digits',
    row: individual('CARD-15', { bank_account: card16.slice(0, 15) }),
    problems: ['bank_account:BANK_CARD_FORMAT'],
  },
  {
    label: 'card with a letter',
    row: individual('CARD-A', { bank_account: `${card16.slice(0, 15)}A` }),
    problems: ['bank_account:BANK_CARD_FORMAT'],
  },

  // ENTITY settlement account: 8-32 digits
  { label: 'ENTITY account of 8 digits', row: entity('ACC-8', { bank_account: '12345678' }), problems: [] },
  { label: 'ENTITY account of 32 digits', row: entity('ACC-32', { bank_account: '1'.repeat(32) }), problems: [] },
  {
    label: 'ENTITY account of 7 digits',
    row: entity('ACC-7', { bank_account: '1234567' }),
    problems: ['bank_account:BANK_ACCOUNT_FORMAT'],
  },
  {
    label: 'ENTITY account of 33 digits',
    row: entity('ACC-33', { bank_account: '1'.repeat(33) }),
    problems: ['bank_account:BANK_ACCOUNT_FORMAT'],
  },
  {
    label: 'ENTITY account with letters',
    row: entity('ACC-ABC', { bank_account: 'ACCT-12345678' }),
    problems: ['bank_account:BANK_ACCOUNT_FORMAT'],
  },

  // herd_size: integer 0-100,000
  { label: 'herd 0', row: individual('HERD-0', { herd_size: '0' }), problems: [] },
  { label: 'herd 100000', row: individual('HERD-MAX', { herd_size: '100000' }), problems: [] },
  { label: 'herd 100001', row: individual('HERD-OVER', { herd_size: '100001' }), problems: ['herd_size:OUT_OF_RANGE'] },
  { label: 'herd -1', row: individual('HERD-NEG', { herd_size: '-1' }), problems: ['herd_size:OUT_OF_RANGE'] },
  { label: 'herd 12.5', row: individual('HERD-DEC', { herd_size: '12.5' }), problems: ['herd_size:NOT_AN_INTEGER'] },
  { label: 'herd 约120', row: individual('HERD-TXT', { herd_size: '约120' }), problems: ['herd_size:NOT_AN_INTEGER'] },

  // delivery_months: integer 0-600
  { label: 'months 600', row: individual('MON-MAX', { delivery_months: '600' }), problems: [] },
  { label: 'months 601', row: individual('MON-OVER', { delivery_months: '601' }), problems: ['delivery_months:OUT_OF_RANGE'] },
  { label: 'months 3.5', row: individual('MON-DEC', { delivery_months: '3.5' }), problems: ['delivery_months:NOT_AN_INTEGER'] },

  // years_experience: decimal 0-60
  { label: 'years 12.5', row: individual('YRS-DEC', { years_experience: '12.5' }), problems: [] },
  { label: 'years 60', row: individual('YRS-MAX', { years_experience: '60' }), problems: [] },
  { label: 'years 0', row: individual('YRS-0', { years_experience: '0' }), problems: [] },
  { label: 'years 60.5', row: individual('YRS-OVER', { years_experience: '60.5' }), problems: ['years_experience:OUT_OF_RANGE'] },
  { label: 'years -1', row: individual('YRS-NEG', { years_experience: '-1' }), problems: ['years_experience:OUT_OF_RANGE'] },
  { label: 'years 十年', row: individual('YRS-TXT', { years_experience: '十年' }), problems: ['years_experience:DECIMAL_FORMAT'] },

  // avg_monthly_settlement: money, optional
  { label: 'settlement 125000.5', row: individual('SET-OK', { avg_monthly_settlement: '125000.5' }), problems: [] },
  { label: 'no settlement', row: individual('SET-NONE', { avg_monthly_settlement: '' }), problems: [] },
  {
    label: 'settlement with three decimals',
    row: individual('SET-3DP', { avg_monthly_settlement: '1.234' }),
    problems: ['avg_monthly_settlement:MONEY_FORMAT'],
  },
  {
    label: 'settlement in words',
    row: individual('SET-TXT', { avg_monthly_settlement: '六万' }),
    problems: ['avg_monthly_settlement:MONEY_FORMAT'],
  },
  {
    label: 'negative settlement',
    row: individual('SET-NEG', { avg_monthly_settlement: '-5.00' }),
    problems: ['avg_monthly_settlement:OUT_OF_RANGE'],
  },

  // avg_monthly_delivery_kg: decimal >= 0
  { label: 'delivery kg 0', row: individual('KG-0', { avg_monthly_delivery_kg: '0' }), problems: [] },
  {
    label: 'negative delivery kg',
    row: individual('KG-NEG', { avg_monthly_delivery_kg: '-1' }),
    problems: ['avg_monthly_delivery_kg:OUT_OF_RANGE'],
  },

  // epidemic certificate and its expiry
  { label: 'no certificate, no expiry', row: individual('CERT-NONE', { epidemic_cert_no: '', epidemic_cert_expiry: '' }), problems: [] },
  {
    label: 'certificate without expiry',
    row: individual('CERT-NOEXP', { epidemic_cert_expiry: '' }),
    problems: ['epidemic_cert_expiry:REQUIRED'],
  },
  { label: 'expiry 2026年5月1日', row: individual('DATE-ZH', { epidemic_cert_expiry: '2026年5月1日' }), problems: [] },
  { label: 'expiry 2026/5/1', row: individual('DATE-SL', { epidemic_cert_expiry: '2026/5/1' }), problems: [] },
  {
    label: 'expiry 2026-02-30',
    row: individual('DATE-0230', { epidemic_cert_expiry: '2026-02-30' }),
    problems: ['epidemic_cert_expiry:DATE_INVALID'],
  },
  {
    label: 'expiry 2026年2月30日',
    row: individual('DATE-ZH0230', { epidemic_cert_expiry: '2026年2月30日' }),
    problems: ['epidemic_cert_expiry:DATE_INVALID'],
  },
  {
    label: 'expiry 2026/13/1',
    row: individual('DATE-M13', { epidemic_cert_expiry: '2026/13/1' }),
    problems: ['epidemic_cert_expiry:DATE_INVALID'],
  },
  {
    label: 'expiry 01.05.2026',
    row: individual('DATE-DOT', { epidemic_cert_expiry: '01.05.2026' }),
    problems: ['epidemic_cert_expiry:DATE_FORMAT'],
  },

  // every problem of a row, at once
  {
    label: 'a row with many problems',
    row: individual('MANY 1', {
      phone: '2345',
      bank_account: withBadCheck(card16),
      herd_size: '-3',
      years_experience: 'abc',
      epidemic_cert_expiry: '',
      delivery_months: '700',
      name: '',
    }),
    problems: [
      'bank_account:BANK_CARD_CHECKSUM',
      'delivery_months:OUT_OF_RANGE',
      'epidemic_cert_expiry:REQUIRED',
      'herd_size:OUT_OF_RANGE',
      'name:REQUIRED',
      'phone:PHONE_FORMAT',
      'supplier_code:SUPPLIER_CODE_FORMAT',
      'years_experience:DECIMAL_FORMAT',
    ],
  },

  // a later row repeating a supplier code
  { label: 'first use of a code', row: individual('DUP-1', { name: '第一个' }), problems: [] },
  { label: 'the same code again', row: individual('DUP-1', { name: '第二个' }), problems: ['supplier_code:DUPLICATE_SUPPLIER_CODE'] },
];

const rowOf = (label: string) => cases.findIndex((c) => c.label === label) + 2;

describe('roster validation: every rule, a good and a bad value', () => {
  let t: TestApp;
  let ceId: string;
  let imp: Record<string, any>;
  let errors: RowError[];
  let byCode: Map<string, Record<string, any>>;

  beforeAll(async () => {
    t = await createTestApp();
    ceId = (await t.coreEnterprise()).id;
    imp = await uploadAndWait(t, ceId, csvFile(cases.map((c) => c.row)));
    errors = await allErrors(t, imp.importId);
    byCode = new Map((await listSuppliers(t, ceId)).map((s) => [s.supplierCode as string, s]));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('imports the file, accepting the good rows and rejecting the bad ones', () => {
    const bad = cases.filter((c) => c.problems.length).length;
    expect(imp).toMatchObject({
      status: 'COMPLETED',
      totalRows: cases.length,
      processedRows: cases.length,
      acceptedRows: cases.length - bad,
      rejectedRows: bad,
      createdCount: cases.length - bad,
      updatedCount: 0,
      unchangedCount: 0,
    });
    expect(byCode.size).toBe(cases.length - bad);
  });

  it('reports exactly the expected problems on exactly the expected rows', () => {
    const actual = cases.map((c, i) => ({ label: c.label, row: i + 2, problems: problemsOf(errors, i + 2) }));
    const expected = cases.map((c, i) => ({ label: c.label, row: i + 2, problems: [...c.problems].sort() }));
    expect(actual).toEqual(expected);
    expect(errors.length).toBe(cases.reduce((n, c) => n + c.problems.length, 0));
    // no entry for a row the file does not have
    expect(errors.filter((e) => e.row < 2 || e.row > cases.length + 1)).toEqual([]);
  });

  it('names the supplier code as written, and explains every problem', () => {
    for (const e of errors) {
      expect(e.message).toEqual(expect.any(String));
      expect(e.message.length).toBeGreaterThan(10);
      const c = cases[e.row - 2];
      expect(e.supplierCode).toBe(c.row.supplier_code === '' ? null : c.row.supplier_code);
    }
    const dup = errors.find((e) => e.row === rowOf('the same code again'))!;
    expect(dup.message).toContain(`row ${rowOf('first use of a code')}`);
    // no message repeats a full identifier
    const ids = cases.flatMap((c) => [c.row.id_number, c.row.legal_rep_id_number, c.row.bank_account].filter((v) => v && v.length >= 12));
    expect(errors.filter((e) => ids.some((id) => e.message.includes(id)))).toEqual([]);
  });

  it('keeps the first row of a repeated code and drops the later one', () => {
    expect(byCode.get('DUP-1')).toMatchObject({ name: '第一个' });
  });

  it('maps the Chinese supplier types onto INDIVIDUAL and ENTITY', () => {
    expect(byCode.get('TYPE-GR')?.supplierType).toBe('INDIVIDUAL');
    for (const code of ['TYPE-QY', 'TYPE-GT', 'TYPE-HZ', 'TYPE-EN']) expect(byCode.get(code)?.supplierType).toBe('ENTITY');
  });

  it('stores a lower-case x in a resident ID upper-case', async () => {
    const s = byCode.get('ID-LOWX')!;
    expect(s.idNumber).toMatch(/X$/);
    const full = await identityOf(t, s.id);
    expect(full.idNumber).toBe(xId);
    expect(full.idNumber).toMatch(/^\d{17}X$/);
  });

  it('stores the values of the accepted rows in canonical form', () => {
    expect(byCode.get('DATE-ZH')?.epidemicCertExpiry).toBe('2026-05-01');
    expect(byCode.get('DATE-SL')?.epidemicCertExpiry).toBe('2026-05-01');
    expect(byCode.get('YRS-DEC')?.yearsExperience).toBe('12.5');
    expect(byCode.get('YRS-MAX')?.yearsExperience).toBe('60');
    expect(byCode.get('YRS-0')?.yearsExperience).toBe('0');
    expect(byCode.get('SET-OK')?.avgMonthlySettlement).toBe('125000.50');
    expect(byCode.get('SET-NONE')?.avgMonthlySettlement).toBeNull();
    expect(byCode.get('CERT-NONE')).toMatchObject({ epidemicCertNo: null, epidemicCertExpiry: null });
    expect(byCode.get('HERD-0')?.herdSize).toBe(0);
    expect(byCode.get('HERD-MAX')?.herdSize).toBe(100000);
    expect(byCode.get('MON-MAX')?.deliveryMonths).toBe(600);
    expect(byCode.get('NAME-100')?.name).toBe('牧'.repeat(100));
    expect(byCode.get('NAME-100B')?.name).toBe('𠀾'.repeat(100));
    expect(byCode.get(CODE64)).toBeDefined();
    expect(byCode.get('ACC-32')?.bankAccount).toMatch(/^1111\*+1111$/);
  });

  it('names the canonical column and the spreadsheet row whatever header the file used', async () => {
    const ce = await t.coreEnterprise();
    const rows = [
      individual('ZH-OK'),
      individual('ZH-BAD', { id_number: withBadCheck(residentId()), phone: '123' }),
      entity('ZH-ENT', { legal_rep_id_number: '' }),
    ];
    const res = await uploadAndWait(t, ce.id, csvFile(rows, { headers: COLUMNS.map((c) => ` ${CHINESE[c]} `) }));
    expect(res).toMatchObject({ status: 'COMPLETED', acceptedRows: 1, rejectedRows: 2 });
    const list = await allErrors(t, res.importId);
    expect(
      list
        .map(({ row, supplierCode, field, code }) => ({ row, supplierCode, field, code }))
        .sort((a, b) => a.row - b.row || a.field!.localeCompare(b.field!)),
    ).toEqual([
      { row: 3, supplierCode: 'ZH-BAD', field: 'id_number', code: 'ID_NUMBER_CHECKSUM' },
      { row: 3, supplierCode: 'ZH-BAD', field: 'phone', code: 'PHONE_FORMAT' },
      { row: 4, supplierCode: 'ZH-ENT', field: 'legal_rep_id_number', code: 'REQUIRED' },
    ]);
  });

  it('counts blank lines in the row numbers, as a spreadsheet does', async () => {
    const ce = await t.coreEnterprise();
    const [header, first] = csvFile([individual('BL-1')])
      .toString('utf8')
      .split('\r\n');
    const [, bad] = csvFile([individual('BL-2', { herd_size: 'x' })])
      .toString('utf8')
      .split('\r\n');
    const text = [header, first, '', ',,,,', bad, ''].join('\r\n');
    const res = await uploadAndWait(t, ce.id, Buffer.from(text, 'utf8'));
    expect(res).toMatchObject({ status: 'COMPLETED', totalRows: 2, acceptedRows: 1, rejectedRows: 1 });
    expect(await allErrors(t, res.importId)).toEqual([
      { row: 5, supplierCode: 'BL-2', field: 'herd_size', code: 'NOT_AN_INTEGER', message: expect.any(String) },
    ]);
  });

  it('answered no request with a 5xx and failed no import for an unexpected reason', () => {
    expect(serverErrors(t)).toEqual([]);
  });
});
