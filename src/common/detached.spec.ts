import { detached } from './detached.js';

describe('detached', () => {
  it.each(['', 'S', 'SUP-007-0000001', '王家庭牧场', '𠀀 and 🐄', 'x'.repeat(10_000)])('answers a string equal to %j', (s) => {
    expect(detached(s)).toBe(s);
  });

  it('answers an equal string for a slice of a larger text', () => {
    const text = `${'a'.repeat(100_000)}SUP-001-0000042${'b'.repeat(100_000)}`;
    const slice = text.slice(100_000, 100_015);
    expect(detached(slice)).toBe('SUP-001-0000042');
  });
});
