import {
  ageOn,
  isLuhnValid,
  isMobile,
  isRealDate,
  luhnCheckDigit,
  mask,
  maskBankAccount,
  maskIdNumber,
  maskIdentifiersInText,
  maskPhone,
  parseBankCard,
  parseCorporateAccount,
  parseResidentId,
  parseUscc,
  residentIdCheckChar,
  usccCheckChar,
} from './identifiers.js';

const TODAY = '2025-06-30';

/** A resident ID whose check character is right, so that only the part under test is wrong. */
const withCheck = (body17: string) => body17 + residentIdCheckChar(body17);

describe('resident ID (GB 11643-1999)', () => {
  it("accepts the standard's own example and reads birth date and sex from it", () => {
    const r = parseResidentId('11010519491231002X', TODAY);
    expect(r).toEqual({ ok: true, value: { number: '11010519491231002X', birthDate: '1949-12-31', male: false } });
  });

  it('computes the check character with the weights of the standard', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('15010219800517437')).toBe('4');
  });

  it('reads an odd sequence digit as male', () => {
    const r = parseResidentId(withCheck('15010219800517437'), TODAY);
    expect(r.ok && r.value.male).toBe(true);
  });

  it('accepts a lower-case x and stores it upper-case', () => {
    const r = parseResidentId('11010519491231002x', TODAY);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.number).toBe('11010519491231002X');
  });

  it('refuses a wrong check character', () => {
    expect(parseResidentId('110105194912310021', TODAY)).toEqual({ ok: false, problem: 'ID_NUMBER_CHECKSUM' });
    expect(parseResidentId('150102198005174370', TODAY)).toEqual({ ok: false, problem: 'ID_NUMBER_CHECKSUM' });
  });

  it.each([
    ['17 characters', '11010519491231002'],
    ['19 characters', '11010519491231002X1'],
    ['a letter inside', '1101051949123A002X'],
    ['X anywhere but last', 'X1010519491231002X'],
    ['empty', ''],
    ['spaces', ' 11010519491231002X'],
  ])('refuses a malformed number (%s)', (_, v) => {
    expect(parseResidentId(v, TODAY)).toEqual({ ok: false, problem: 'ID_NUMBER_FORMAT' });
  });

  it.each([
    ['30 February', '11010519490230002'],
    ['29 February of a common year', '11010519490229002'],
    ['month 13', '11010519491331002'],
    ['day 00', '11010519491200002'],
    ['before 1900', '11010518991231002'],
  ])('refuses an impossible birth date (%s) even with a right check character', (_, body) => {
    expect(parseResidentId(withCheck(body), TODAY)).toEqual({ ok: false, problem: 'ID_NUMBER_BIRTH_DATE' });
  });

  it('accepts 29 February of a leap year', () => {
    expect(parseResidentId(withCheck('11010520000229123'), TODAY).ok).toBe(true);
  });

  it('refuses a birth date after today, and accepts one born today', () => {
    expect(parseResidentId(withCheck('11010520250701002'), TODAY)).toEqual({ ok: false, problem: 'ID_NUMBER_FUTURE_BIRTH_DATE' });
    expect(parseResidentId(withCheck('11010520250630002'), TODAY).ok).toBe(true);
  });
});

describe('unified social credit code (GB 32100-2015)', () => {
  it("accepts the standard's example", () => {
    expect(parseUscc('91350100M000100Y43')).toEqual({ ok: true, value: '91350100M000100Y43' });
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('accepts lower-case letters and answers the code upper-case', () => {
    expect(parseUscc('91350100m000100y43')).toEqual({ ok: true, value: '91350100M000100Y43' });
  });

  it('refuses a wrong check character', () => {
    expect(parseUscc('91350100M000100Y44')).toEqual({ ok: false, problem: 'USCC_CHECKSUM' });
  });

  it.each(['I', 'O', 'S', 'V', 'Z'])('refuses the letter %s, which the alphabet leaves out', (letter) => {
    expect(parseUscc(`91350100${letter}000100Y43`)).toEqual({ ok: false, problem: 'USCC_CHARACTER' });
  });

  it('refuses punctuation and non-ASCII characters', () => {
    expect(parseUscc('91350100-000100Y43')).toEqual({ ok: false, problem: 'USCC_CHARACTER' });
    expect(parseUscc('91350100Ｍ000100Y43')).toEqual({ ok: false, problem: 'USCC_CHARACTER' });
  });

  it.each([
    ['17', '91350100M000100Y4'],
    ['19', '91350100M000100Y433'],
    ['0', ''],
  ])('refuses a code of %s characters', (_, v) => {
    expect(parseUscc(v)).toEqual({ ok: false, problem: 'USCC_FORMAT' });
  });
});

describe('Luhn and bank accounts', () => {
  it('computes and checks the Luhn digit', () => {
    expect(luhnCheckDigit('7992739871')).toBe('3');
    expect(isLuhnValid('79927398713')).toBe(true);
    expect(isLuhnValid('79927398710')).toBe(false);
    expect(isLuhnValid('4539578763621486')).toBe(true);
    expect(isLuhnValid('4539578763621487')).toBe(false);
  });

  it('is not fooled by a single digit, non-digits or an empty string', () => {
    expect(isLuhnValid('0')).toBe(false);
    expect(isLuhnValid('')).toBe(false);
    expect(isLuhnValid('7992739871a')).toBe(false);
  });

  it('accepts a 16-19 digit Luhn-valid card only', () => {
    expect(parseBankCard('4539578763621486')).toEqual({ ok: true, value: '4539578763621486' });
    expect(parseBankCard('4539578763621487')).toEqual({ ok: false, problem: 'BANK_CARD_CHECKSUM' });
    expect(parseBankCard('79927398713')).toEqual({ ok: false, problem: 'BANK_CARD_FORMAT' });
    const twenty = '4539578763621486000';
    expect(parseBankCard(twenty + luhnCheckDigit(twenty))).toEqual({ ok: false, problem: 'BANK_CARD_FORMAT' });
  });

  it('accepts an 8-32 digit corporate account without a check digit', () => {
    expect(parseCorporateAccount('12345678').ok).toBe(true);
    expect(parseCorporateAccount('1'.repeat(32)).ok).toBe(true);
    expect(parseCorporateAccount('1234567')).toEqual({ ok: false, problem: 'BANK_ACCOUNT_FORMAT' });
    expect(parseCorporateAccount('1'.repeat(33))).toEqual({ ok: false, problem: 'BANK_ACCOUNT_FORMAT' });
  });
});

describe('mobile numbers', () => {
  it.each(['13812345678', '19912345678', '15000000000'])('accepts %s', (v) => expect(isMobile(v)).toBe(true));
  it.each(['12812345678', '1381234567', '138123456789', '23812345678', '+8613812345678', '1381234567a'])('refuses %s', (v) =>
    expect(isMobile(v)).toBe(false),
  );
});

describe('dates and age', () => {
  it('knows leap years', () => {
    expect(isRealDate(2000, 2, 29)).toBe(true);
    expect(isRealDate(1900, 2, 29)).toBe(false);
    expect(isRealDate(2024, 2, 29)).toBe(true);
    expect(isRealDate(2023, 4, 31)).toBe(false);
  });

  it('adds the year on the birthday itself, not the day before', () => {
    expect(ageOn('1980-05-17', '2025-05-16')).toBe(44);
    expect(ageOn('1980-05-17', '2025-05-17')).toBe(45);
    expect(ageOn('1980-05-17', '2025-12-31')).toBe(45);
  });

  it('turns a 29 February birthday on 1 March in a common year and on 29 February in a leap year', () => {
    expect(ageOn('2000-02-29', '2019-02-28')).toBe(18);
    expect(ageOn('2000-02-29', '2019-03-01')).toBe(19);
    expect(ageOn('2000-02-29', '2020-02-28')).toBe(19);
    expect(ageOn('2000-02-29', '2020-02-29')).toBe(20);
  });

  it('answers 0 on the day of birth', () => {
    expect(ageOn('2025-06-30', '2025-06-30')).toBe(0);
  });
});

describe('masking (PIPL)', () => {
  it('keeps the region and the last four of a resident ID', () => {
    expect(maskIdNumber('150102198005174374')).toBe('150102********4374');
    expect(maskIdNumber('11010519491231002X')).toMatch(/^110105\*{8}002X$/);
  });

  it('masks cards and phones', () => {
    expect(maskBankAccount('6228480402564890018')).toBe('6228***********0018');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('passes empty values through and hides short ones completely', () => {
    expect(maskIdNumber(null)).toBeNull();
    expect(maskIdNumber(undefined)).toBeNull();
    expect(maskIdNumber('')).toBe('');
    expect(mask('1234', 3, 2)).toBe('****');
  });

  it('masks every identifier inside free text and leaves the rest alone', () => {
    const text = 'row 7: 11010519491231002x card 6228480402564890018, tel 13812345678; amount 125000.00';
    const masked = maskIdentifiersInText(text);
    expect(masked).toBe('row 7: 110105********002x card 6228***********0018, tel 138****5678; amount 125000.00');
    expect(masked).not.toMatch(/\d{11,}/);
  });

  it('masks identifiers next to Chinese text and inside URLs', () => {
    expect(maskIdentifiersInText('证件号码150102198005174374有误')).toBe('证件号码150102********4374有误');
    expect(maskIdentifiersInText('/suppliers?q=150102198005174374&page=1')).toBe('/suppliers?q=150102********4374&page=1');
  });

  it('masks identifiers glued to letters or to a percent-escape of a logged URL', () => {
    expect(maskIdentifiersInText('ID11010519491231002X')).toBe('ID110105********002X');
    expect(maskIdentifiersInText('id_13812345678')).toBe('id_138****5678');
    expect(maskIdentifiersInText('/suppliers?q=%2011010519491231002X')).toBe('/suppliers?q=%20110105********002X');
    const chineseName = `/suppliers?q=${encodeURIComponent('张三11010519491231002X')}`;
    expect(maskIdentifiersInText(chineseName)).toBe(`/suppliers?q=${encodeURIComponent('张三')}110105********002X`);
    expect(maskIdentifiersInText('x11010519491231002Xyz')).toBe('x110105********002Xyz');
  });

  it('does not mistake part of a longer digit run for an identifier', () => {
    // 19 digits: a card, not a resident ID followed by a digit
    expect(maskIdentifiersInText('6228480402564890018')).toBe('6228***********0018');
    // 11 digits inside 13: not a mobile number, but long enough to be an account
    expect(maskIdentifiersInText('8613812345678')).toBe('8613*****5678');
  });

  it('leaves short numbers (amounts, codes, dates) untouched', () => {
    const text = 'herd 120, 2026-05-01, supplier S-000123, 1000000.00';
    expect(maskIdentifiersInText(text)).toBe(text);
  });
});
