import { defineErrors } from '../common/errors.js';

export const ExposureErrors = defineErrors({
  SUPPLIER_HAS_OVERDUE_LOAN: { status: 409, title: 'The supplier has an overdue loan: its limits are frozen until it is repaid' },
  SUPPLIER_NOT_ELIGIBLE: { status: 409, title: 'The supplier is no longer eligible for this programme' },
  SUPPLIER_LIMIT_EXCEEDED: { status: 409, title: "Approving would exceed the supplier's credit limit" },
  PROGRAMME_CAP_EXCEEDED: { status: 409, title: "Approving would exceed the programme's cap" },
  GUARANTEE_CAP_EXCEEDED: { status: 409, title: "Approving would exceed the core enterprise's guarantee cap" },
});
