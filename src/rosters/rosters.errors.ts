import { defineErrors } from '../common/errors.js';

export const RosterErrors = defineErrors({
  ROSTER_NOT_MULTIPART: { status: 415, title: 'Send the roster as multipart/form-data with a field named "file"' },
  ROSTER_FILE_MISSING: { status: 400, title: 'No file in the field "file"' },
  ROSTER_UNSUPPORTED_TYPE: { status: 415, title: 'Rosters are .csv or .xlsx files' },
  ROSTER_TOO_LARGE: { status: 413, title: 'The roster file is larger than the upload limit' },
  ROSTER_EMPTY_FILE: { status: 400, title: 'The roster file is empty' },
  ROSTER_IMPORT_NOT_RETRYABLE: { status: 409, title: 'Only a FAILED import can be retried' },
});
