import { defineErrors } from '../common/errors.js';

export const DisbursementErrors = defineErrors({
  INVALID_BATCH_TRANSITION: { status: 409, title: 'The batch is not in a state that allows this' },
  MAKER_CHECKER_SAME_USER: { status: 409, title: 'The batch must be approved by someone other than its maker' },
  NOTHING_TO_DISBURSE: { status: 422, title: 'The programme has no approved loans waiting for a batch' },
  LOAN_NOT_IN_PROGRAMME: { status: 422, title: 'The loan belongs to another programme' },
  LOAN_NOT_APPROVED: { status: 409, title: 'Only APPROVED loans can be disbursed' },
  LOAN_IN_OPEN_BATCH: { status: 409, title: 'The loan is already in an open disbursement batch' },
  SUPPLIER_BLACKLISTED: { status: 409, title: "The supplier is on the bank's blacklist: none of its loans is paid" },
  STATUS_REPORT_INVALID: { status: 400, title: 'The status report is not a readable pain.002.001.10 document' },
  STATUS_REPORT_OTHER_BATCH: { status: 422, title: "The status report answers another batch's payment file" },
  BATCH_NOT_SENT_AS_FILE: { status: 409, title: 'The batch was not sent to the bank as a file' },
  STATUS_REPORT_SAME_USER: {
    status: 409,
    title: "The bank's status report must be read by someone who neither made the batch nor sent its file",
  },
  ITEM_NOT_HELD: { status: 409, title: 'The payment is not held for reconciliation' },
  RECONCILE_SAME_USER: {
    status: 409,
    title: 'A held payment must be reconciled by someone who neither made the batch, sent its file nor read the report',
  },
});
