import { defineErrors } from '../common/errors.js';

export const LoanErrors = defineErrors({
  INVALID_TRANSITION: { status: 409, title: 'The loan application is not in a state that allows this' },
  PROGRAMME_INACTIVE: { status: 422, title: 'The programme takes no applications' },
  SUPPLIER_NOT_IN_PROGRAMME: { status: 422, title: "The supplier does not belong to the programme's core enterprise" },
  AMOUNT_OUT_OF_RANGE: { status: 422, title: "The amount is outside the programme's product range" },
  TERM_OUT_OF_RANGE: { status: 422, title: "The term is outside the programme's product range" },
  AMOUNT_EXCEEDS_AVAILABLE_LIMIT: { status: 422, title: "The amount is above the supplier's available limit" },
  FOUR_EYES_SENIOR_REQUIRED: { status: 403, title: 'Only a SENIOR_OFFICER may give the second approval' },
  FOUR_EYES_SAME_APPROVER: { status: 409, title: 'The second approval must come from a different officer' },
  FOUR_EYES_SUBMITTER: { status: 409, title: 'The officer who submitted an application may not approve it' },
  SUPPLIER_BLACKLISTED: { status: 409, title: "The supplier is on the bank's blacklist: no lending to it in any programme" },
  LOAN_IN_OPEN_BATCH: { status: 409, title: 'The loan is in an open disbursement batch' },
  PURCHASE_ORDER_REQUIRED: {
    status: 422,
    title: 'A DOWNSTREAM programme lends on a confirmed purchase order: purchaseOrderId is required',
  },
  PURCHASE_ORDER_NOT_FOR_UPSTREAM: { status: 422, title: 'An UPSTREAM programme lends on no purchase order' },
  PURCHASE_ORDER_OF_ANOTHER_DEALER: { status: 422, title: 'The purchase order is not the dealer’s' },
  AMOUNT_EXCEEDS_ADVANCE: { status: 422, title: "The amount is above the order's advance (order amount x advanceRatio)" },
  PURCHASE_ORDER_ALREADY_FINANCED: { status: 409, title: 'The purchase order already finances a live loan' },
  COLLECTION_ACCOUNT_MISSING: { status: 409, title: 'The core enterprise has no collection account to pay a dealer loan to' },
});
