import { defineErrors } from '../common/errors.js';

export const ServicingErrors = defineErrors({
  COB_PENDING: { status: 409, title: 'The end of day has not caught up with this loan yet; try again once it has run' },
  REPAYMENT_EXCEEDS_PAYOFF: { status: 422, title: 'The repayment is more than everything the loan owes today' },
  REPAYMENT_REFERENCE_REUSED: { status: 409, title: 'This reference was already used for a repayment of another amount on this loan' },
  LOAN_NOT_DISBURSED: { status: 409, title: 'Only a disbursed loan takes repayments' },
  LOAN_NOT_SERVICED: { status: 404, title: 'The loan has no statement: it has not been disbursed' },
});
