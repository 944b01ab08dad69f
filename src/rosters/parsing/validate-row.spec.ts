import { luhnCheckDigit, residentIdCheckChar, usccCheckChar } from '../../common/identifiers.js';
import type { RosterColumn } from './columns.js';
import type { Cell } from './reader.js';
import { RosterRowValidator, type RowProblem, type RowValidation } from './validate-row.js';

const TODAY = '2026-06-30';

/** An identifier whose check character is right, so that only the part under test is wrong. */
const residentId = (body17: string) => body17 + residentIdCheckChar(body17);
const card = (body: string) => body + luhnCheckDigit(body);

const PERSON_ID = '11010519491231002X';
const REPRESENTATIVE_ID = residentId('15010219800517437');
const USCC = '91350100M000100Y43';
const CARD = card('622848001234567');

type Cells = Partial<Record<RosterColumn, Cell>>;

const individual = (overrides: Cells = {}): Cells => ({
  supplier_code: 'SUP-001',
  supplier_type: 'INDIVIDUAL',
  name: '王建国',
  id_number: PERSON_ID,
  legal_rep_id_number: '',
  phone: '13800138000',
  bank_account: CARD,
  bank_name: '中国农业银行',
  farm_name: '王建国家庭牧场',
  province: '内蒙古',
  herd_size: '120',
  years_experience: '8.5',
  epidemic_cert_no: '(蒙)动防合字第150102000123号',
  epidemic_cert_expiry: '2027-03-31',
  delivery_months: '36',
  avg_monthly_delivery_kg: '54000',
  avg_monthly_settlement: '162000.00',
  ...overrides,
});

const entity = (overrides: Cells = {}): Cells =>
  individual({
    supplier_code: 'SUP-002',
    supplier_type: 'ENTITY',
    name: '蒙牛奶牛养殖专业合作社',
    id_number: USCC,
    legal_rep_id_number: REPRESENTATIVE_ID,
    bank_account: '110060149018000123',
    ...overrides,
  });

function validate(cells: Cells, rowNumber = 2): RowValidation {
  return new RosterRowValidator(TODAY).validate(rowNumber, cells);
}

function problemsOf(cells: Cells): RowProblem[] {
  const result = validate(cells);
  if (result.ok) throw new Error('expected the row to be rejected');
  return result.problems;
}

/** The only problem of a row that has exactly one. */
function theProblem(cells: Cells): RowProblem {
  const problems = problemsOf(cells);
  expect(problems).toHaveLength(1);
  return problems[0];
}

function accepted(cells: Cells) {
  const result = validate(cells);
  if (!result.ok) throw new Error(`expected the row to be accepted: ${JSON.stringify(result.problems)}`);
  return result.supplier;
}

describe('RosterRowValidator', () => {
  it('refuses a business date that is not YYYY-MM-DD', () => {
    expect(() => new RosterRowValidator('30/06/2026')).toThrow(RangeError);
  });

  describe('a valid row', () => {
    it('becomes an INDIVIDUAL supplier with canonical values and the birth date of its resident ID', () => {
      expect(validate(individual())).toEqual({
        ok: true,
        supplier: {
          supplierCode: 'SUP-001',
          supplierType: 'INDIVIDUAL',
          name: '王建国',
          idNumber: PERSON_ID,
          legalRepIdNumber: null,
          phone: '13800138000',
          bankAccount: CARD,
          bankName: '中国农业银行',
          farmName: '王建国家庭牧场',
          province: '内蒙古',
          herdSize: 120,
          yearsExperience: '8.5',
          epidemicCertNo: '(蒙)动防合字第150102000123号',
          epidemicCertExpiry: '2027-03-31',
          deliveryMonths: 36,
          avgMonthlyDeliveryKg: '54000',
          avgMonthlySettlement: '162000.00',
          birthDate: '1949-12-31',
        },
      });
    });

    it('becomes an ENTITY supplier dated by its legal representative', () => {
      const supplier = accepted(entity());
      expect(supplier).toMatchObject({
        supplierType: 'ENTITY',
        idNumber: USCC,
        legalRepIdNumber: REPRESENTATIVE_ID,
        bankAccount: '110060149018000123',
        birthDate: '1980-05-17',
      });
    });

    it('trims every value, including full-width spaces', () => {
      const supplier = accepted(individual({ name: '\u3000王建国 ', phone: ' 13800138000\t', province: ' 内蒙古\u3000' }));
      expect(supplier).toMatchObject({ name: '王建国', phone: '13800138000', province: '内蒙古' });
    });

    it('does not keep the legal representative of an INDIVIDUAL, which nothing needs', () => {
      expect(accepted(individual({ legal_rep_id_number: REPRESENTATIVE_ID })).legalRepIdNumber).toBeNull();
    });
  });

  describe('required columns', () => {
    it.each<RosterColumn>([
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
    ])('reports %s as REQUIRED when blank or absent', (column) => {
      expect(theProblem(individual({ [column]: '   ' }))).toMatchObject({ field: column, code: 'REQUIRED' });
      const { [column]: _absent, ...without } = individual();
      expect(theProblem(without)).toMatchObject({ field: column, code: 'REQUIRED' });
    });

    it('leaves the optional columns null when blank', () => {
      const supplier = accepted(individual({ epidemic_cert_no: '', epidemic_cert_expiry: null, avg_monthly_settlement: ' ' }));
      expect(supplier).toMatchObject({ epidemicCertNo: null, epidemicCertExpiry: null, avgMonthlySettlement: null });
    });

    it('requires the legal representative of an ENTITY', () => {
      expect(theProblem(entity({ legal_rep_id_number: '' }))).toMatchObject({ field: 'legal_rep_id_number', code: 'REQUIRED' });
    });
  });

  describe('supplier_code', () => {
    it('accepts letters, digits, "-" and "_", and a number cell', () => {
      expect(accepted(individual({ supplier_code: 'Farm_01-a' })).supplierCode).toBe('Farm_01-a');
      expect(accepted(individual({ supplier_code: 10023 })).supplierCode).toBe('10023');
    });

    it.each(['SUP 001', '供应商1', 'SUP/1'])('refuses other characters (%s)', (code) => {
      expect(theProblem(individual({ supplier_code: code }))).toMatchObject({ field: 'supplier_code', code: 'SUPPLIER_CODE_FORMAT' });
    });

    it('allows 64 characters and refuses 65', () => {
      expect(accepted(individual({ supplier_code: 'A'.repeat(64) })).supplierCode).toHaveLength(64);
      expect(theProblem(individual({ supplier_code: 'A'.repeat(65) }))).toMatchObject({ code: 'TOO_LONG' });
    });

    it('rejects a later row repeating a code, naming the first row, even when that row was rejected', () => {
      const validator = new RosterRowValidator(TODAY);
      expect(validator.validate(2, individual({ supplier_code: 'S1', phone: 'none' })).ok).toBe(false);
      expect(validator.validate(3, individual({ supplier_code: 'S2' })).ok).toBe(true);
      const repeat = validator.validate(4, individual({ supplier_code: 'S1' }));
      expect(repeat).toEqual({
        ok: false,
        supplierCode: 'S1',
        problems: [
          {
            field: 'supplier_code',
            code: 'DUPLICATE_SUPPLIER_CODE',
            message: '供应商编号 (supplier_code): "S1" is already used on row 2 of this file; each supplier may appear only once',
          },
        ],
      });
      expect(validator.validate(5, individual({ supplier_code: 'S1' })).ok).toBe(false);
    });

    it('finds repeats whatever order the codes come in', () => {
      const validator = new RosterRowValidator(TODAY);
      const codes = ['M', 'C', 'X', 'A', 'Q', 'C', 'A', 'X', 'Z', 'Q', 'B'];
      const firstRowOfRepeats = codes.map((code, i) => {
        const result = validator.validate(i + 2, individual({ supplier_code: code }));
        return result.ok ? null : result.problems[0].message.match(/row (\d+)/)?.[1];
      });
      expect(firstRowOfRepeats).toEqual([null, null, null, null, null, '3', '5', '4', null, '6', null]);
    });

    it('finds repeats in a file listed in code order but for a few rows', () => {
      const validator = new RosterRowValidator(TODAY);
      const codes = [...Array.from({ length: 20 }, (_, i) => `S${String(i + 1).padStart(2, '0')}`), 'S05', 'A1', 'S21', 'A1', 'S21', 'S20'];
      const repeats = codes.map((code, i) => {
        const result = validator.validate(i + 2, individual({ supplier_code: code }));
        return result.ok ? null : `${code}@${result.problems[0].message.match(/row (\d+)/)?.[1]}`;
      });
      expect(repeats.filter((r) => r !== null)).toEqual(['S05@6', 'A1@23', 'S21@24', 'S20@21']);
    });

    it('treats codes differing only in case as different suppliers', () => {
      const validator = new RosterRowValidator(TODAY);
      expect(validator.validate(2, individual({ supplier_code: 'abc' })).ok).toBe(true);
      expect(validator.validate(3, individual({ supplier_code: 'ABC' })).ok).toBe(true);
    });
  });

  describe('supplier_type', () => {
    it.each([
      ['INDIVIDUAL', 'INDIVIDUAL'],
      ['individual', 'INDIVIDUAL'],
      ['个人', 'INDIVIDUAL'],
    ])('reads %s as INDIVIDUAL', (text) => {
      expect(accepted(individual({ supplier_type: text })).supplierType).toBe('INDIVIDUAL');
    });

    it.each(['ENTITY', 'Entity', '企业', '个体工商户', '合作社'])('reads %s as ENTITY', (text) => {
      expect(accepted(entity({ supplier_type: text })).supplierType).toBe('ENTITY');
    });

    it('refuses an unknown type, and then cannot judge the type-specific identifiers', () => {
      const problems = problemsOf(individual({ supplier_type: 'FARMER?', id_number: 'garbage', bank_account: '12' }));
      expect(problems).toEqual([expect.objectContaining({ field: 'supplier_type', code: 'SUPPLIER_TYPE_UNKNOWN' })]);
      expect(problems[0].message).toMatch(/个人/);
    });
  });

  describe('name and other text', () => {
    it('allows a name of 100 characters, counting a character outside the BMP once', () => {
      expect(accepted(individual({ name: '𠀀'.repeat(100) })).name).toHaveLength(200);
      expect(theProblem(individual({ name: '王'.repeat(101) }))).toMatchObject({ field: 'name', code: 'TOO_LONG' });
    });

    it('refuses free text longer than 200 characters', () => {
      expect(theProblem(individual({ bank_name: '行'.repeat(201) }))).toMatchObject({ field: 'bank_name', code: 'TOO_LONG' });
    });
  });

  describe('resident ID (GB 11643)', () => {
    it('accepts a lower-case x and stores it upper-case', () => {
      expect(accepted(individual({ id_number: '11010519491231002x' })).idNumber).toBe(PERSON_ID);
    });

    it.each([
      ['17 characters', '11010519491231002', 'ID_NUMBER_FORMAT'],
      ['a letter inside', '1101051949123A002X', 'ID_NUMBER_FORMAT'],
      ['a wrong check character', '110105194912310021', 'ID_NUMBER_CHECKSUM'],
      ['30 February as birth date', residentId('11010519490230002'), 'ID_NUMBER_BIRTH_DATE'],
      ['a birth date after today', residentId('11010520270101002'), 'ID_NUMBER_FUTURE_BIRTH_DATE'],
    ])('refuses %s', (_, id, code) => {
      const p = theProblem(individual({ id_number: id }));
      expect(p).toMatchObject({ field: 'id_number', code });
      expect(p.message).not.toContain(id);
    });

    it('explains a checksum failure in words a clerk understands', () => {
      expect(theProblem(individual({ id_number: '110105194912310021' })).message).toBe(
        '证件号码 (id_number): the last character does not match the rest of the number; check for a typo',
      );
    });

    it('applies the same rules to the legal representative of an ENTITY', () => {
      expect(theProblem(entity({ legal_rep_id_number: residentId('15010219800230437') }))).toMatchObject({
        field: 'legal_rep_id_number',
        code: 'ID_NUMBER_BIRTH_DATE',
      });
      expect(accepted(entity({ legal_rep_id_number: REPRESENTATIVE_ID.toLowerCase() })).legalRepIdNumber).toBe(REPRESENTATIVE_ID);
    });
  });

  describe('unified social credit code (GB 32100)', () => {
    it('accepts the standard example, in lower case too', () => {
      expect(accepted(entity({ id_number: USCC.toLowerCase() })).idNumber).toBe(USCC);
    });

    it.each(['I', 'O', 'S', 'V', 'Z'])('refuses the letter %s, which the alphabet leaves out, naming it', (letter) => {
      const body = `91350100M${letter}00100Y4`;
      const p = theProblem(entity({ id_number: body + '3' }));
      expect(p).toMatchObject({ field: 'id_number', code: 'USCC_CHARACTER' });
      expect(p.message).toContain(`"${letter}"`);
    });

    it('refuses a wrong length and a wrong check character', () => {
      expect(theProblem(entity({ id_number: USCC.slice(0, 17) }))).toMatchObject({ code: 'USCC_FORMAT' });
      const body = USCC.slice(0, 17);
      const wrong = usccCheckChar(body) === '3' ? '4' : '3';
      expect(theProblem(entity({ id_number: body + wrong }))).toMatchObject({ code: 'USCC_CHECKSUM' });
    });

    it('refuses a resident ID given for an ENTITY', () => {
      expect(theProblem(entity({ id_number: PERSON_ID }))).toMatchObject({ field: 'id_number', code: 'USCC_CHECKSUM' });
    });
  });

  describe('phone', () => {
    it('accepts a mobile number as text or as a number cell', () => {
      expect(accepted(individual({ phone: 13912345678 })).phone).toBe('13912345678');
    });

    it.each(['23800138000', '1380013800', '138-0013-8000', '+8613800138000', '12800138000'])('refuses %s', (phone) => {
      expect(theProblem(individual({ phone }))).toMatchObject({ field: 'phone', code: 'PHONE_FORMAT' });
    });
  });

  describe('bank_account', () => {
    it('accepts an individual card of 16 to 19 digits that passes Luhn, with spaces between groups', () => {
      const long = card('622848001234567890');
      expect(long).toHaveLength(19);
      expect(accepted(individual({ bank_account: long })).bankAccount).toBe(long);
      const spaced = `${CARD.slice(0, 4)} ${CARD.slice(4, 8)}\u3000${CARD.slice(8, 12)} ${CARD.slice(12)}`;
      expect(accepted(individual({ bank_account: spaced })).bankAccount).toBe(CARD);
    });

    it('refuses an individual card of the wrong length or failing Luhn', () => {
      expect(theProblem(individual({ bank_account: card('62284800123456') }))).toMatchObject({ code: 'BANK_CARD_FORMAT' });
      const wrong = CARD.slice(0, -1) + String((Number(CARD.at(-1)) + 1) % 10);
      expect(theProblem(individual({ bank_account: wrong }))).toMatchObject({ field: 'bank_account', code: 'BANK_CARD_CHECKSUM' });
    });

    it('accepts an ENTITY account of 8 to 32 digits without a Luhn check, and refuses others', () => {
      expect(accepted(entity({ bank_account: '12345678' })).bankAccount).toBe('12345678');
      expect(accepted(entity({ bank_account: '1'.repeat(32) })).bankAccount).toHaveLength(32);
      expect(theProblem(entity({ bank_account: '1234567' }))).toMatchObject({ code: 'BANK_ACCOUNT_FORMAT' });
      expect(theProblem(entity({ bank_account: 'ACCT-12345678' }))).toMatchObject({ code: 'BANK_ACCOUNT_FORMAT' });
    });

    it('accepts an ENTITY account in a number cell while Excel still holds all its digits', () => {
      expect(accepted(entity({ bank_account: 110060149018 })).bankAccount).toBe('110060149018');
    });
  });

  describe('identifiers Excel stored as numbers', () => {
    it('refuses a resident ID in a number cell, asking for a Text column', () => {
      const p = theProblem(individual({ id_number: 110105194912310020 }));
      expect(p).toMatchObject({ field: 'id_number', code: 'ID_NUMBER_STORED_AS_NUMBER' });
      expect(p.message).toMatch(/Format the 证件号码 column as Text/);
    });

    it('refuses a resident ID that a CSV carries in scientific notation', () => {
      expect(theProblem(individual({ id_number: '1.10105E+17' }))).toMatchObject({ code: 'ID_NUMBER_STORED_AS_NUMBER' });
    });

    it('refuses a credit code in scientific notation, yet reads a code with an E inside as a code', () => {
      expect(theProblem(entity({ id_number: '9.13501E+17' }))).toMatchObject({ code: 'ID_NUMBER_STORED_AS_NUMBER' });
      const body = '91350100ME0010012';
      expect(accepted(entity({ id_number: body + usccCheckChar(body) })).idNumber).toBe(body + usccCheckChar(body));
    });

    it('refuses the legal representative in a number cell', () => {
      expect(theProblem(entity({ legal_rep_id_number: 150102198005174370 }))).toMatchObject({
        field: 'legal_rep_id_number',
        code: 'ID_NUMBER_STORED_AS_NUMBER',
      });
    });

    it('refuses a bank card of more than 15 digits in a number cell or in scientific notation', () => {
      expect(theProblem(individual({ bank_account: 6228480012345678 }))).toMatchObject({ code: 'BANK_ACCOUNT_STORED_AS_NUMBER' });
      expect(theProblem(individual({ bank_account: '6.22848E+15' }))).toMatchObject({ code: 'BANK_ACCOUNT_STORED_AS_NUMBER' });
    });
  });

  describe('whole numbers', () => {
    it.each([
      ['0', 0],
      ['100000', 100000],
      ['1,200', 1200],
      ['120.00', 120],
      [120, 120],
    ])('reads herd_size %j as %d', (cell, herd) => {
      expect(accepted(individual({ herd_size: cell })).herdSize).toBe(herd);
    });

    it.each([
      ['-5', 'OUT_OF_RANGE'],
      ['100001', 'OUT_OF_RANGE'],
      ['约120', 'NOT_AN_INTEGER'],
      ['12.5', 'NOT_AN_INTEGER'],
      ['12,00', 'NOT_AN_INTEGER'],
      [12.5, 'NOT_AN_INTEGER'],
    ])('refuses herd_size %j (%s)', (cell, code) => {
      expect(theProblem(individual({ herd_size: cell }))).toMatchObject({ field: 'herd_size', code });
    });

    it('quotes the value back in its message', () => {
      expect(theProblem(individual({ herd_size: '约120' })).message).toBe('存栏数 (herd_size): "约120" is not a whole number');
    });

    it('bounds delivery_months to 0-600', () => {
      expect(accepted(individual({ delivery_months: '600' })).deliveryMonths).toBe(600);
      expect(theProblem(individual({ delivery_months: '601' }))).toMatchObject({ field: 'delivery_months', code: 'OUT_OF_RANGE' });
    });
  });

  describe('decimals', () => {
    it.each([
      ['8.5', '8.5'],
      ['08.50', '8.5'],
      ['60', '60'],
      ['0', '0'],
      ['12.25', '12.25'],
      [14.6, '14.6'],
      [14.599999999999998, '14.6'],
    ])('reads years_experience %j as %s', (cell, years) => {
      expect(accepted(individual({ years_experience: cell })).yearsExperience).toBe(years);
    });

    it.each([
      ['60.01', 'OUT_OF_RANGE'],
      ['-1', 'OUT_OF_RANGE'],
      ['8.555', 'DECIMAL_FORMAT'],
      ['eight', 'DECIMAL_FORMAT'],
      ['8,5', 'DECIMAL_FORMAT'],
    ])('refuses years_experience %j (%s)', (cell, code) => {
      expect(theProblem(individual({ years_experience: cell }))).toMatchObject({ field: 'years_experience', code });
    });

    it('reads avg_monthly_delivery_kg with up to 3 decimals and grouped thousands', () => {
      expect(accepted(individual({ avg_monthly_delivery_kg: '1,234,567.125' })).avgMonthlyDeliveryKg).toBe('1234567.125');
      expect(theProblem(individual({ avg_monthly_delivery_kg: '54000.1234' }))).toMatchObject({ code: 'DECIMAL_FORMAT' });
      expect(theProblem(individual({ avg_monthly_delivery_kg: '-3' }))).toMatchObject({ code: 'OUT_OF_RANGE' });
    });

    it.each([
      ['1,234.56', '1234.56'],
      ['1234.5', '1234.50'],
      ['0', '0.00'],
      ['¥1,234', '1234.00'],
      ['￥ 88.8', '88.80'],
      [2163748.95, '2163748.95'],
      ['9999999999999999.99', '9999999999999999.99'],
    ])('reads avg_monthly_settlement %j as %s', (cell, money) => {
      expect(accepted(individual({ avg_monthly_settlement: cell })).avgMonthlySettlement).toBe(money);
    });

    it.each([
      ['1234.567', 'MONEY_FORMAT'],
      ['1,23,456.00', 'MONEY_FORMAT'],
      ['12 000', 'MONEY_FORMAT'],
      ['-0.01', 'OUT_OF_RANGE'],
      ['10000000000000000.00', 'OUT_OF_RANGE'],
    ])('refuses avg_monthly_settlement %j (%s)', (cell, code) => {
      expect(theProblem(individual({ avg_monthly_settlement: cell }))).toMatchObject({ field: 'avg_monthly_settlement', code });
    });
  });

  describe('epidemic prevention certificate', () => {
    it.each([
      ['2026-05-01', '2026-05-01'],
      ['2026/5/1', '2026-05-01'],
      ['2026年5月1日', '2026-05-01'],
      ['2026-5-1', '2026-05-01'],
      ['2028-02-29', '2028-02-29'],
      [new Date(Date.UTC(2026, 4, 1)), '2026-05-01'],
      [new Date(Date.UTC(2026, 4, 1, 23, 59)), '2026-05-01'],
      [46143, '2026-05-01'],
    ])('reads the expiry %j as %s', (cell, date) => {
      expect(accepted(individual({ epidemic_cert_expiry: cell })).epidemicCertExpiry).toBe(date);
    });

    it('accepts an expired certificate: screening judges it, not the import', () => {
      expect(accepted(individual({ epidemic_cert_expiry: '2020-01-01' })).epidemicCertExpiry).toBe('2020-01-01');
    });

    it.each([
      ['2026-02-30', 'DATE_INVALID'],
      ['2026/2/30', 'DATE_INVALID'],
      ['2026年2月30日', 'DATE_INVALID'],
      ['2025-13-45', 'DATE_INVALID'],
      ['2027-02-29', 'DATE_INVALID'],
      ['next May', 'DATE_FORMAT'],
      ['01/05/2026', 'DATE_FORMAT'],
      [12, 'DATE_FORMAT'],
      [46143.5, 'DATE_FORMAT'],
    ])('refuses the expiry %j (%s)', (cell, code) => {
      expect(theProblem(individual({ epidemic_cert_expiry: cell }))).toMatchObject({ field: 'epidemic_cert_expiry', code });
    });

    it('requires the expiry when a certificate number is given', () => {
      expect(theProblem(individual({ epidemic_cert_expiry: '' }))).toMatchObject({ field: 'epidemic_cert_expiry', code: 'REQUIRED' });
    });

    it('reports an expiry without a certificate number on the number, and still checks the date', () => {
      expect(theProblem(individual({ epidemic_cert_no: '' }))).toMatchObject({ field: 'epidemic_cert_no', code: 'REQUIRED' });
      expect(problemsOf(individual({ epidemic_cert_no: '', epidemic_cert_expiry: '2026-02-30' })).map((p) => p.code)).toEqual([
        'REQUIRED',
        'DATE_INVALID',
      ]);
    });
  });

  describe('a row with many problems', () => {
    it('reports every one of them, in column order, with the code the clerk typed', () => {
      const result = validate(
        individual({
          name: '',
          id_number: '110105194912310021',
          phone: '2380013800',
          bank_account: '6.22848E+18',
          herd_size: '-1',
          years_experience: 'many',
          epidemic_cert_expiry: '2026-02-30',
          delivery_months: '12.5',
          avg_monthly_settlement: '1.234',
        }),
      );
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.supplierCode).toBe('SUP-001');
      expect(result.problems.map((p) => [p.field, p.code])).toEqual([
        ['name', 'REQUIRED'],
        ['id_number', 'ID_NUMBER_CHECKSUM'],
        ['phone', 'PHONE_FORMAT'],
        ['bank_account', 'BANK_ACCOUNT_STORED_AS_NUMBER'],
        ['herd_size', 'OUT_OF_RANGE'],
        ['years_experience', 'DECIMAL_FORMAT'],
        ['epidemic_cert_expiry', 'DATE_INVALID'],
        ['delivery_months', 'NOT_AN_INTEGER'],
        ['avg_monthly_settlement', 'MONEY_FORMAT'],
      ]);
      for (const p of result.problems) expect(p.message).toMatch(/^\S+ \([a-z_]+\): /);
    });

    it('gives no supplier code when the row has none', () => {
      expect(validate(individual({ supplier_code: ' ' }))).toMatchObject({ ok: false, supplierCode: null });
    });

    it('never repeats a full identifier in a message, even one typed into the wrong column', () => {
      const problems = problemsOf(
        individual({ id_number: '110105194912310021', bank_account: card('62284800123456'), herd_size: PERSON_ID, phone: CARD }),
      );
      const text = problems.map((p) => p.message).join('\n');
      for (const id of ['110105194912310021', card('62284800123456'), PERSON_ID, CARD]) expect(text).not.toContain(id);
      expect(text).toContain('110105********002X');
    });
  });
});
