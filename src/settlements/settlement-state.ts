import { StateMachine } from '../common/state-machine.js';

export const SETTLEMENT_STATUSES = ['QUEUED', 'COMPUTED', 'CONFIRMED', 'FAILED'] as const;
export type SettlementStatus = (typeof SETTLEMENT_STATUSES)[number];

/**
 * An upload is QUEUED until its job computes it (COMPUTED) or refuses it (FAILED: bad rows, COB
 * behind). Staff confirm a COMPUTED one once the remittance arrived (CONFIRMED, for good). A
 * recompute (the business date moved on, a loan changed, COB caught up) queues a COMPUTED or FAILED
 * one again; a CONFIRMED one has posted its money and never computes again.
 */
export const settlementStateMachine = new StateMachine<SettlementStatus>('Settlement', {
  QUEUED: ['COMPUTED', 'FAILED'],
  COMPUTED: ['CONFIRMED', 'QUEUED'],
  CONFIRMED: [],
  FAILED: ['QUEUED'],
});
