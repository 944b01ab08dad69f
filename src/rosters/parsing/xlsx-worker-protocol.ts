import type { RosterFileErrorCode, RosterRecord, XlsxLimits } from './reader.js';

/** What the xlsx parser thread (xlsx-worker.ts) and the import (xlsx-in-worker.ts) say to each other. */
export interface XlsxWorkerInput {
  file: string;
  /** exceljs spools worksheets it cannot read yet to temporary files: they go here, removed by the parent. */
  spoolDir: string;
  limits: XlsxLimits;
  batchRows: number;
}

export type XlsxWorkerMessage =
  | { kind: 'records'; records: RosterRecord[] }
  | { kind: 'done' }
  | { kind: 'refused'; code: RosterFileErrorCode; message: string }
  | { kind: 'crashed'; message: string };

/** The parent posts this once it has taken a batch; the worker never has more than a few unanswered. */
export const MORE = 'more';
export const BATCHES_IN_FLIGHT = 2;
