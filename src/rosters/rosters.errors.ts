import { defineErrors } from '../common/errors.js';

export const RosterErrors = defineErrors({
  ROSTER_NOT_MULTIPART: { status: 415, title: 'Send the roster as multipart/form-data with a field named "file"' },
  ROSTER_FILE_MISSING: { status: 400, title: 'No file in the field "file"' },
  ROSTER_UNSUPPORTED_TYPE: { status: 415, title: 'Rosters are .csv or .xlsx files' },
  ROSTER_TOO_LARGE: { status: 413, title: 'The roster file is larger than the upload limit' },
  ROSTER_EMPTY_FILE: { status: 400, title: 'The roster file is empty' },
  ROSTER_IMPORT_NOT_RETRYABLE: { status: 409, title: 'Only a FAILED import can be retried' },
  ROSTER_UPLOAD_TOO_SLOW: { status: 408, title: 'The upload stalled or was too slow, and was cut off' },
  ROSTER_UPLOADS_BUSY: { status: 429, title: 'Too many roster uploads are being received; retry later' },
  ROSTER_UPLOAD_RATE_EXCEEDED: { status: 429, title: 'The core enterprise has uploaded as many rosters as an hour allows' },
  ROSTER_STORAGE_QUOTA_EXCEEDED: { status: 413, title: "The core enterprise's stored rosters not yet imported would exceed its quota" },
  ROSTER_FILE_TOO_COMPLEX: { status: 422, title: 'The workbook would expand beyond what a roster may take' },
  ROSTER_FILE_EXPIRED: { status: 409, title: 'The stored file of this import was deleted; upload the roster again' },
});
