import { StateMachine } from '../common/state-machine.js';

export const SCREENING_RUN_STATUSES = ['QUEUED', 'RUNNING', 'COMPLETED', 'FAILED'] as const;
export type ScreeningRunStatus = (typeof SCREENING_RUN_STATUSES)[number];

/**
 * A run is queued by a request or a roster import, claimed by the screening job, and ends COMPLETED
 * or FAILED. RUNNING → RUNNING: the queue retries a job whose worker died or timed out mid-run, and
 * the retry claims the run again.
 */
export const screeningRunStateMachine = new StateMachine<ScreeningRunStatus>('Screening run', {
  QUEUED: ['RUNNING'],
  RUNNING: ['RUNNING', 'COMPLETED', 'FAILED'],
  COMPLETED: [],
  FAILED: [],
});
