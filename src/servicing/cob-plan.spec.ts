import { checkUpTo, chunkCount, datesFrom, lastClosableDate, pageRanges, passes } from './cob-plan.js';

describe('datesFrom', () => {
  it('lists each calendar date in order, across a month and a leap day', () => {
    expect(datesFrom('2028-02-27', '2028-03-01')).toEqual(['2028-02-27', '2028-02-28', '2028-02-29', '2028-03-01']);
  });

  it('is one date when from = to, none when from > to', () => {
    expect(datesFrom('2026-01-31', '2026-01-31')).toEqual(['2026-01-31']);
    expect(datesFrom('2026-02-01', '2026-01-31')).toEqual([]);
  });
});

describe('passes', () => {
  it('cuts the dates into passes of at most the given size, in order, the last one shorter', () => {
    const dates = datesFrom('2024-02-27', '2024-03-03');
    expect(passes(dates, 2)).toEqual([
      ['2024-02-27', '2024-02-28'],
      ['2024-02-29', '2024-03-01'],
      ['2024-03-02', '2024-03-03'],
    ]);
    expect(passes(dates, 10)).toEqual([dates]);
    expect(passes(dates, 1)).toEqual(dates.map((d) => [d]));
    expect(passes([], 3)).toEqual([]);
  });

  it('refuses a pass size that is not a positive integer', () => {
    expect(() => passes(['2024-01-01'], 0)).toThrow(RangeError);
    expect(() => passes(['2024-01-01'], 1.5)).toThrow(RangeError);
  });
});

describe('pageRanges', () => {
  it('covers the pages in order without gaps or overlaps, the last open-ended', () => {
    expect(pageRanges(1000, 4)).toEqual([
      { lo: '(0,0)', hi: '(250,0)' },
      { lo: '(250,0)', hi: '(500,0)' },
      { lo: '(500,0)', hi: '(750,0)' },
      { lo: '(750,0)', hi: null },
    ]);
    const r = pageRanges(123_457, 100);
    for (let i = 1; i < r.length; i++) expect(r[i].lo).toBe(r[i - 1].hi);
  });

  it('is one unbounded range for one chunk or an empty table, and never more ranges than pages', () => {
    expect(pageRanges(5000, 1)).toEqual([{ lo: '(0,0)', hi: null }]);
    expect(pageRanges(0, 7)).toEqual([{ lo: '(0,0)', hi: null }]);
    expect(pageRanges(3, 10)).toEqual([
      { lo: '(0,0)', hi: '(1,0)' },
      { lo: '(1,0)', hi: '(2,0)' },
      { lo: '(2,0)', hi: null },
    ]);
  });

  it('refuses a count that is not a positive integer', () => {
    expect(() => pageRanges(10, 0)).toThrow(RangeError);
    expect(() => pageRanges(-1, 2)).toThrow(RangeError);
  });
});

describe('chunkCount', () => {
  it('is about loans / chunkSize, at least one', () => {
    expect([chunkCount(0, 10_000), chunkCount(10_000, 10_000), chunkCount(1_000_001, 10_000)]).toEqual([1, 1, 101]);
  });
});

describe('which dates a run may close', () => {
  it('is the day before the earliest today among the time zones', () => {
    expect(lastClosableDate(['2026-03-02', '2026-03-01'])).toBe('2026-02-28');
  });

  it('defaults upTo to that date and refuses today or later', () => {
    expect(checkUpTo(undefined, '2026-02-28')).toEqual({ ok: true, upTo: '2026-02-28' });
    expect(checkUpTo('2026-02-01', '2026-02-28')).toEqual({ ok: true, upTo: '2026-02-01' });
    expect(checkUpTo('2026-03-01', '2026-02-28')).toEqual({ ok: false, lastClosable: '2026-02-28' });
  });
});
