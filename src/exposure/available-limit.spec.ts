import { availableLimit } from './available-limit.js';

describe('availableLimit', () => {
  it('is the credit limit less what is reserved, to the fen', () => {
    expect(availableLimit('100000.00', '30000.01').toFixed(2)).toBe('69999.99');
  });

  it('is the whole limit when nothing is reserved (no exposure row yet)', () => {
    expect(availableLimit('5000.00', null).toFixed(2)).toBe('5000.00');
    expect(availableLimit('5000.00', undefined).toFixed(2)).toBe('5000.00');
  });

  it('never goes below zero when a re-screening lowered the limit under what is reserved', () => {
    expect(availableLimit('1000.00', '2500.00').toFixed(2)).toBe('0.00');
  });
});

describe('availableLimit of a supplier with an overdue loan', () => {
  it('is zero whatever the limit and the reservations', () => {
    expect(availableLimit('100000.00', '0', true).toFixed(2)).toBe('0.00');
    expect(availableLimit('100000.00', null, true).toFixed(2)).toBe('0.00');
  });

  it('is the ordinary figure when not frozen', () => {
    expect(availableLimit('100000.00', '1.00', false).toFixed(2)).toBe('99999.00');
  });
});
