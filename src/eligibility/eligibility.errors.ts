import { defineErrors } from '../common/errors.js';

export const EligibilityErrors = defineErrors({
  PROGRAMME_REQUIRED: { status: 400, title: 'Name the programme (programmeId): the supplier has several' },
  PROGRAMME_NOT_FOR_SUPPLIER: { status: 404, title: "The programme does not belong to the supplier's core enterprise" },
  ALREADY_BLACKLISTED: { status: 409, title: 'The supplier is blacklisted already' },
  NOT_BLACKLISTED: { status: 409, title: 'The supplier is not blacklisted' },
});
