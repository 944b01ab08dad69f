/**
 * How a cost grows with size: the exponent k of cost ∝ size^k between two measured sizes (the slope
 * on a log-log plot). k = 1 is linear, k < 1 better than linear (fixed costs amortised), k > 1 worse.
 */

export function growthExponent(smaller: { size: number; value: number }, larger: { size: number; value: number }): number | null {
  if (!(smaller.size > 0 && larger.size > smaller.size && smaller.value > 0 && larger.value > 0)) return null;
  return Math.log(larger.value / smaller.value) / Math.log(larger.size / smaller.size);
}

/**
 * Growth is "linear or better" when every step's exponent stays under 1 plus a tolerance for run-to-run
 * noise on a shared machine (0.15: a 200k -> 1M step 25 % slower per row than linear reads as 1.14).
 */
export const LINEAR_TOLERANCE = 0.15;

export function growthVerdict(exponents: Array<number | null>): 'linear or better' | 'worse than linear' | 'not measured' {
  const known = exponents.filter((k): k is number => k !== null);
  if (known.length === 0) return 'not measured';
  return known.every((k) => k <= 1 + LINEAR_TOLERANCE) ? 'linear or better' : 'worse than linear';
}
