import { defineErrors } from '../common/errors.js';

export const PurchaseOrderErrors = defineErrors({
  PURCHASE_ORDER_CONFLICT: { status: 409, title: 'This order number is confirmed already, with other content' },
  PURCHASE_ORDER_NOT_A_DEALER: { status: 422, title: 'The counterparty is not a dealer of the core enterprise' },
});
