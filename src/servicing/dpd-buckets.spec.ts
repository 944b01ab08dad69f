import { DPD_BUCKETS, dpdBucket } from './dpd-buckets.js';

describe('DPD buckets', () => {
  it('puts every day count in exactly one bucket, boundaries included', () => {
    const cases: [number, string][] = [
      [0, '0'],
      [1, '1-30'],
      [30, '1-30'],
      [31, '31-60'],
      [90, '61-90'],
      [91, '91-180'],
      [360, '181-360'],
      [361, '>360'],
      [5000, '>360'],
    ];
    expect(cases.map(([d]) => dpdBucket(d))).toEqual(cases.map(([, b]) => b));
  });

  it('has contiguous buckets from 0 up', () => {
    for (let i = 1; i < DPD_BUCKETS.length; i++) expect(DPD_BUCKETS[i].from).toBe(DPD_BUCKETS[i - 1].to + 1);
  });
});
