import { ROSTER_IMPORT_STATUSES, rosterImportStateMachine, statusMayBecome, type RosterImportStatus } from './roster-import-state.js';

/**
 * Written out independently of roster-import-state.ts so that a change there has to change this too.
 * RUNNING → RUNNING is the claim of an import whose process died while it ran.
 */
const ALLOWED: ReadonlyArray<readonly [RosterImportStatus, RosterImportStatus]> = [
  ['QUEUED', 'RUNNING'],
  ['QUEUED', 'FAILED'],
  ['RUNNING', 'RUNNING'],
  ['RUNNING', 'COMPLETED'],
  ['RUNNING', 'FAILED'],
  ['FAILED', 'QUEUED'],
];

const ALL: RosterImportStatus[] = ['QUEUED', 'RUNNING', 'COMPLETED', 'FAILED'];
const isAllowed = (from: RosterImportStatus, to: RosterImportStatus) => ALLOWED.some(([f, t]) => f === from && t === to);
const pairs = ALL.flatMap((from) => ALL.map((to) => [from, to] as const));

describe('roster import state machine', () => {
  it('knows exactly the four statuses', () => {
    expect([...ROSTER_IMPORT_STATUSES].sort()).toEqual([...ALL].sort());
    expect(rosterImportStateMachine.states.sort()).toEqual([...ALL].sort());
  });

  it.each(pairs.filter(([f, t]) => isAllowed(f, t)))('allows %s → %s', (from, to) => {
    expect(rosterImportStateMachine.can(from, to)).toBe(true);
  });

  it.each(pairs.filter(([f, t]) => !isAllowed(f, t)))('refuses %s → %s', (from, to) => {
    expect(rosterImportStateMachine.can(from, to)).toBe(false);
  });

  it('lets nothing leave COMPLETED', () => {
    expect(ALL.filter((to) => rosterImportStateMachine.can('COMPLETED', to))).toEqual([]);
  });

  it('writes the guards of the conditional updates', () => {
    expect(statusMayBecome('RUNNING')).toBe(`status IN ('QUEUED', 'RUNNING')`);
    expect(statusMayBecome('FAILED')).toBe(`status IN ('QUEUED', 'RUNNING')`);
    expect(statusMayBecome('QUEUED')).toBe(`status = 'FAILED'`);
    expect(statusMayBecome('COMPLETED')).toBe(`status = 'RUNNING'`);
  });
});
