import { defineErrors } from '../common/errors.js';

export const IdempotencyErrors = defineErrors({
  IDEMPOTENCY_OUTCOME_UNKNOWN: { status: 409, title: 'The request with this Idempotency-Key made its changes, but its response was lost' },
});
