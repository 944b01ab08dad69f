import { Worker } from 'node:worker_threads';
import { RosterFileError, type RosterRecord, type XlsxLimits } from './reader.js';
import { MORE, type XlsxWorkerInput, type XlsxWorkerMessage } from './xlsx-worker-protocol.js';

export interface XlsxWorkerOptions {
  limits: XlsxLimits;
  /** The worker's heap limit (ROSTER_PARSER_MEMORY_MB). */
  memoryMb: number;
  /** A private directory for exceljs's temporary files, removed by the caller afterwards. */
  spoolDir: string;
}

/** Records cross the thread boundary in batches: one message per row would slow an import down. */
const BATCH_ROWS = 1000;

/**
 * The built worker script. Under ts-jest this module runs from src/*.ts, which a worker thread cannot
 * load, so the tests use the build (npm test builds first).
 */
function workerScript(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('../../../dist/src/rosters/parsing/xlsx-worker.js', here) : new URL('./xlsx-worker.js', here);
}

/**
 * readXlsx() of a file, run in a worker thread with its own memory limit. A workbook that exhausts it
 * (or crashes the parser) ends the worker, never the service: the caller gets a RosterFileError
 * FILE_TOO_COMPLEX for running out of memory, and a plain Error for anything else the worker died of.
 * Stopping early (or failing) terminates the worker.
 */
export async function* readXlsxInWorker(file: string, options: XlsxWorkerOptions): AsyncGenerator<RosterRecord> {
  const input: XlsxWorkerInput = { file, spoolDir: options.spoolDir, limits: options.limits, batchRows: BATCH_ROWS };
  const worker = new Worker(workerScript(), {
    workerData: input,
    resourceLimits: { maxOldGenerationSizeMb: options.memoryMb },
    stdout: true,
    stderr: true,
  });
  // the worker has no business writing to the service's output; reading its streams keeps them from filling
  worker.stdout.resume();
  worker.stderr.resume();
  const inbox: XlsxWorkerMessage[] = [];
  let died: Error | undefined;
  let exitCode: number | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  worker.on('message', (m: XlsxWorkerMessage) => {
    inbox.push(m);
    notify();
  });
  worker.on('error', (err) => {
    died = err;
    notify();
  });
  worker.on('exit', (code) => {
    exitCode = code;
    notify();
  });
  try {
    for (;;) {
      while (!inbox.length && !died && exitCode === undefined) await new Promise<void>((resolve) => (wake = resolve));
      const message = inbox.shift();
      if (!message) {
        if ((died as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          throw new RosterFileError(
            'FILE_TOO_COMPLEX',
            `Reading the workbook needs more than the ${options.memoryMb} MB of memory a roster may use. Save the roster as CSV, or split it into smaller workbooks.`,
          );
        }
        throw died ?? new Error(`the xlsx parser exited with code ${exitCode} before it finished`);
      }
      switch (message.kind) {
        case 'records':
          worker.postMessage(MORE);
          yield* message.records;
          break;
        case 'done':
          return;
        case 'refused':
          throw new RosterFileError(message.code, message.message);
        case 'crashed':
          throw new Error(`the xlsx parser failed: ${message.message}`);
      }
    }
  } finally {
    await worker.terminate();
  }
}
