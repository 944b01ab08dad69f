import { StateMachine } from '../common/state-machine.js';

export const ROSTER_IMPORT_STATUSES = ['QUEUED', 'RUNNING', 'COMPLETED', 'FAILED'] as const;
export type RosterImportStatus = (typeof ROSTER_IMPORT_STATUSES)[number];

/**
 * An upload is QUEUED; a worker claims it (RUNNING) and either commits it (COMPLETED) or fails it.
 * RUNNING → RUNNING: an import left RUNNING by a process that died is claimed again. QUEUED →
 * FAILED: one that used up its attempts fails before it runs once more. FAILED → QUEUED: a retry
 * by hand.
 */
export const rosterImportStateMachine = new StateMachine<RosterImportStatus>('Roster import', {
  QUEUED: ['RUNNING', 'FAILED'],
  RUNNING: ['RUNNING', 'COMPLETED', 'FAILED'],
  COMPLETED: [],
  FAILED: ['QUEUED'],
});

/**
 * The guard of a conditional UPDATE to `to`: `status IN (...)` of the statuses it may be reached
 * from. The statuses are constants of the table, so they are written into the statement.
 */
export function statusMayBecome(to: RosterImportStatus): string {
  const from = rosterImportStateMachine.sourcesOf(to);
  return from.length === 1 ? `status = '${from[0]}'` : `status IN (${from.map((s) => `'${s}'`).join(', ')})`;
}
