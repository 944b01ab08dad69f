import { payableOf, SettlementFileCheck } from './settlement-file.js';

describe('payableOf', () => {
  it.each([
    ['1234.56', 123_456n],
    ['1,234.5', 123_450n],
    ['0', 0n],
    ['7.10', 710n],
    ['12.300', 1_230n],
  ])('reads %s', (text, fen) => expect(payableOf(text)).toEqual({ ok: true, fen }));

  it('reads numeric cells of a workbook', () => expect(payableOf(88.8)).toEqual({ ok: true, fen: 8_880n }));

  it.each([
    ['-5.00', 'NEGATIVE_AMOUNT'],
    ['abc', 'NOT_A_NUMBER'],
    ['1.234', 'TOO_MANY_DECIMALS'],
    ['', 'MISSING_VALUE'],
    ['12345678901234567', 'AMOUNT_TOO_LARGE'],
  ])('refuses %s as %s', (text, code) => expect(payableOf(text)).toMatchObject({ ok: false, code }));
});

describe('SettlementFileCheck', () => {
  it('maps English or Chinese headers and reports every bad row', () => {
    const check = new SettlementFileCheck();
    check.header(['结算期', '供应商编号', '应付金额'], 1);
    check.row(['2026-01', 'S1', '100.00'], 2);
    check.row(['2026-01', 'S1', '5'], 3);
    check.row(['2026-01', 'S2', '-1'], 4);
    check.row(['2026-01', '', 'x'], 5);
    check.finish();
    expect(check.rows).toEqual([{ row: 2, supplierCode: 'S1', payableFen: 10_000n, period: '2026-01' }]);
    expect(check.problems.map((p) => [p.row, p.field, p.code])).toEqual([
      [3, 'supplier_code', 'DUPLICATE_SUPPLIER_CODE'],
      [4, 'payable_amount', 'NEGATIVE_AMOUNT'],
      [5, 'supplier_code', 'MISSING_VALUE'],
      [5, 'payable_amount', 'NOT_A_NUMBER'],
    ]);
  });

  it('refuses a header without the payable column, and a file without rows', () => {
    const missing = new SettlementFileCheck();
    missing.header(['supplier_code', 'amount'], 1);
    missing.finish();
    expect(missing.problems).toEqual([expect.objectContaining({ row: 1, field: 'payable_amount', code: 'MISSING_COLUMN' })]);
    const empty = new SettlementFileCheck();
    empty.header(['Supplier Code', 'Payable Amount'], 1);
    empty.finish();
    expect(empty.problems.map((p) => p.code)).toEqual(['NO_DATA_ROWS']);
  });

  it('keeps only the first problems but counts them all', () => {
    const check = new SettlementFileCheck(2);
    check.header(['supplier_code', 'payable_amount'], 1);
    for (let r = 2; r < 7; r++) check.row([`S${r}`, 'bad'], r);
    expect([check.problems.length, check.problemCount]).toEqual([2, 5]);
  });
});
