/**
 * A simulated clock only moves forward: COB, accruals and the audit trail all assume that a business
 * date, once reached, stays in the past. Setting the current date again changes nothing.
 * Dates are YYYY-MM-DD, so their order is their text order.
 */
export function isBackwards(current: string, requested: string): boolean {
  return requested < current;
}
