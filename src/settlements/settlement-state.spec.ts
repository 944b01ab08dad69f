import { SETTLEMENT_STATUSES, settlementStateMachine, type SettlementStatus } from './settlement-state.js';

/** Written out independently of settlement-state.ts so that a change there has to change this too. */
const ALLOWED: ReadonlyArray<readonly [SettlementStatus, SettlementStatus]> = [
  ['QUEUED', 'COMPUTED'],
  ['QUEUED', 'FAILED'],
  ['COMPUTED', 'CONFIRMED'],
  ['COMPUTED', 'QUEUED'],
  ['FAILED', 'QUEUED'],
];

const ALL: SettlementStatus[] = ['QUEUED', 'COMPUTED', 'CONFIRMED', 'FAILED'];
const isAllowed = (from: SettlementStatus, to: SettlementStatus) => ALLOWED.some(([f, t]) => f === from && t === to);
const pairs = ALL.flatMap((from) => ALL.map((to) => [from, to] as const));

describe('settlement state machine', () => {
  it('knows exactly the four statuses', () => {
    expect([...SETTLEMENT_STATUSES].sort()).toEqual([...ALL].sort());
    expect(settlementStateMachine.states.sort()).toEqual([...ALL].sort());
  });

  it.each(pairs.filter(([f, t]) => isAllowed(f, t)))('allows %s → %s', (from, to) => {
    expect(settlementStateMachine.can(from, to)).toBe(true);
  });

  it.each(pairs.filter(([f, t]) => !isAllowed(f, t)))('refuses %s → %s', (from, to) => {
    expect(settlementStateMachine.can(from, to)).toBe(false);
  });

  it('lets nothing leave CONFIRMED: its money is posted', () => {
    expect(ALL.filter((to) => settlementStateMachine.can('CONFIRMED', to))).toEqual([]);
  });
});
