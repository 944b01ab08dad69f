import type { StoredFileTable } from '../rosters/import/stored-roster.js';
import type { UploadProblems } from '../rosters/upload-receive.js';
import { SettlementErrors } from './settlements.errors.js';

/** A settlement file is received exactly as a roster is (rosters/upload-receive.ts), under its own codes. */
export const SETTLEMENT_UPLOAD_PROBLEMS: UploadProblems = {
  notMultipart: SettlementErrors.SETTLEMENT_NOT_MULTIPART,
  missing: SettlementErrors.SETTLEMENT_FILE_MISSING,
  unsupported: SettlementErrors.SETTLEMENT_UNSUPPORTED_TYPE,
  unsupportedDetail: (name) => `${name} is not a .csv or .xlsx file`,
  tooLarge: SettlementErrors.SETTLEMENT_FILE_TOO_LARGE,
  empty: SettlementErrors.SETTLEMENT_EMPTY_FILE,
  tooSlow: SettlementErrors.SETTLEMENT_UPLOAD_TOO_SLOW,
  defaultName: 'settlement',
};

/** Where a settlement's file is kept, in chunks, the way rosters keep theirs. */
export const SETTLEMENT_FILES: StoredFileTable = { table: 'settlement_files', key: 'settlement_id' };
