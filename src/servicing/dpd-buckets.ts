/** The DPD buckets a portfolio reports, as a bank's credit committee reads them (upper bounds inclusive). */
export const DPD_BUCKETS = [
  { bucket: '0', from: 0, to: 0 },
  { bucket: '1-30', from: 1, to: 30 },
  { bucket: '31-60', from: 31, to: 60 },
  { bucket: '61-90', from: 61, to: 90 },
  { bucket: '91-180', from: 91, to: 180 },
  { bucket: '181-360', from: 181, to: 360 },
  { bucket: '>360', from: 361, to: Number.MAX_SAFE_INTEGER },
] as const;

export function dpdBucket(dpd: number): string {
  return DPD_BUCKETS.find((b) => dpd >= b.from && dpd <= b.to)?.bucket ?? '0';
}
