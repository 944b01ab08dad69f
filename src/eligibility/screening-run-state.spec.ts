import { DomainError } from '../common/errors.js';
import { SCREENING_RUN_STATUSES, screeningRunStateMachine, type ScreeningRunStatus } from './screening-run-state.js';

/**
 * QUEUED → RUNNING → COMPLETED | FAILED, and RUNNING → RUNNING when a retried job claims its run again.
 * Written out independently of screening-run-state.ts so that a change there has to change this too.
 */
const ALLOWED: ReadonlyArray<readonly [ScreeningRunStatus, ScreeningRunStatus]> = [
  ['QUEUED', 'RUNNING'],
  ['RUNNING', 'RUNNING'],
  ['RUNNING', 'COMPLETED'],
  ['RUNNING', 'FAILED'],
];

const ALL_STATUSES: ScreeningRunStatus[] = ['QUEUED', 'RUNNING', 'COMPLETED', 'FAILED'];

const isAllowed = (from: ScreeningRunStatus, to: ScreeningRunStatus) => ALLOWED.some(([f, t]) => f === from && t === to);
const pairs = ALL_STATUSES.flatMap((from) => ALL_STATUSES.map((to) => [from, to] as const));
const allowedPairs = pairs.filter(([f, t]) => isAllowed(f, t));
const refusedPairs = pairs.filter(([f, t]) => !isAllowed(f, t));

describe('screening run state machine', () => {
  it('knows exactly the four statuses the database allows', () => {
    expect([...SCREENING_RUN_STATUSES].sort()).toEqual([...ALL_STATUSES].sort());
    expect(screeningRunStateMachine.states.sort()).toEqual([...ALL_STATUSES].sort());
  });

  it('covers all 16 pairs: 4 allowed, 12 refused', () => {
    expect(pairs).toHaveLength(16);
    expect(allowedPairs).toHaveLength(4);
    expect(refusedPairs).toHaveLength(12);
  });

  it.each(allowedPairs)('allows %s → %s', (from, to) => {
    expect(screeningRunStateMachine.can(from, to)).toBe(true);
    expect(() => screeningRunStateMachine.assert(from, to)).not.toThrow();
  });

  it.each(refusedPairs)('refuses %s → %s with 409', (from, to) => {
    expect(screeningRunStateMachine.can(from, to)).toBe(false);
    expect(() => screeningRunStateMachine.assert(from, to)).toThrow(DomainError);
  });

  it('lets the job claim a queued run, or a running one a retry takes over, and nothing else', () => {
    expect(screeningRunStateMachine.sourcesOf('RUNNING').sort()).toEqual(['QUEUED', 'RUNNING']);
  });

  it('ends a run only from RUNNING', () => {
    expect(screeningRunStateMachine.sourcesOf('COMPLETED')).toEqual(['RUNNING']);
    expect(screeningRunStateMachine.sourcesOf('FAILED')).toEqual(['RUNNING']);
  });
});
