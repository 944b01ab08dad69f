import { checkUpTo, chunkCount, datesFrom, idRanges, lastClosableDate } from './cob-plan.js';

describe('datesFrom', () => {
  it('lists each calendar date in order, across a month and a leap day', () => {
    expect(datesFrom('2028-02-27', '2028-03-01')).toEqual(['2028-02-27', '2028-02-28', '2028-02-29', '2028-03-01']);
  });

  it('is one date when from = to, none when from > to', () => {
    expect(datesFrom('2026-01-31', '2026-01-31')).toEqual(['2026-01-31']);
    expect(datesFrom('2026-02-01', '2026-01-31')).toEqual([]);
  });
});

describe('idRanges', () => {
  it('covers the uuid space without gaps or overlaps', () => {
    const r = idRanges(4);
    expect(r).toEqual([
      { lo: '00000000-0000-0000-0000-000000000000', hi: '40000000-0000-0000-0000-000000000000' },
      { lo: '40000000-0000-0000-0000-000000000000', hi: '80000000-0000-0000-0000-000000000000' },
      { lo: '80000000-0000-0000-0000-000000000000', hi: 'c0000000-0000-0000-0000-000000000000' },
      { lo: 'c0000000-0000-0000-0000-000000000000', hi: null },
    ]);
  });

  it('is one unbounded range for one chunk, and ranges ordered as PostgreSQL orders uuids', () => {
    expect(idRanges(1)).toEqual([{ lo: '00000000-0000-0000-0000-000000000000', hi: null }]);
    const r = idRanges(100);
    for (let i = 1; i < r.length; i++) expect(r[i].lo > r[i - 1].lo && r[i].lo === r[i - 1].hi).toBe(true);
  });

  it('refuses a count that is not a positive integer', () => {
    expect(() => idRanges(0)).toThrow(RangeError);
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
