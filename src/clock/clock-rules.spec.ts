import { isBackwards } from './clock-rules.js';

describe('isBackwards', () => {
  it('lets the date move forward, across months and years, or stay', () => {
    expect(isBackwards('2026-01-31', '2026-02-01')).toBe(false);
    expect(isBackwards('2026-12-31', '2027-01-01')).toBe(false);
    expect(isBackwards('2026-03-15', '2026-03-15')).toBe(false);
  });

  it('refuses any earlier date', () => {
    expect(isBackwards('2026-03-15', '2026-03-14')).toBe(true);
    expect(isBackwards('2027-01-01', '2026-12-31')).toBe(true);
  });
});
