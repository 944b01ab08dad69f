import { defineErrors } from '../common/errors.js';

export const SettlementErrors = defineErrors({
  SETTLEMENT_NOT_MULTIPART: { status: 415, title: 'Send the settlement file as multipart/form-data with a field named "file"' },
  SETTLEMENT_FILE_MISSING: { status: 400, title: 'No file in the field "file"' },
  SETTLEMENT_UNSUPPORTED_TYPE: { status: 415, title: 'Settlement files are .csv or .xlsx files' },
  SETTLEMENT_FILE_TOO_LARGE: { status: 413, title: 'The settlement file is larger than the upload limit' },
  SETTLEMENT_EMPTY_FILE: { status: 400, title: 'The settlement file is empty' },
  SETTLEMENT_UPLOAD_TOO_SLOW: { status: 408, title: 'The upload stalled or was too slow, and was cut off' },
  SETTLEMENT_UPLOADS_BUSY: { status: 429, title: 'Too many settlement files are being received; retry later' },
  SETTLEMENT_NOT_COMPUTED: { status: 409, title: 'Only a COMPUTED settlement can be confirmed' },
  SETTLEMENT_ALREADY_CONFIRMED: { status: 409, title: 'The settlement is confirmed already; its allocations are posted' },
  SETTLEMENT_STALE: {
    status: 409,
    title: 'The business date moved on or a loan of the settlement changed since it was computed; recompute it, then confirm',
  },
  SETTLEMENT_NOT_RECOMPUTABLE: { status: 409, title: 'Only a COMPUTED or FAILED settlement can be recomputed' },
  SETTLEMENT_AMOUNT_MISMATCH: { status: 422, title: 'The remitted amount is not the settlement’s total deduction' },
});
