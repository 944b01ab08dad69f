/**
 * The worker thread that reads an .xlsx roster (see xlsx-in-worker.ts): whatever a hostile workbook
 * makes exceljs do, it happens in this thread's own heap, under the memory limit it was started with.
 */
import { createReadStream } from 'node:fs';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { readXlsx, RosterFileError, type RosterRecord } from './reader.js';
import { BATCHES_IN_FLIGHT, MORE, type XlsxWorkerInput, type XlsxWorkerMessage } from './xlsx-worker-protocol.js';

async function run(port: MessagePort, input: XlsxWorkerInput): Promise<void> {
  process.env.TMPDIR = input.spoolDir;
  let credit = BATCHES_IN_FLIGHT;
  let wake: (() => void) | undefined;
  port.on('message', (m) => {
    if (m !== MORE) return;
    credit++;
    wake?.();
  });
  const send = async (records: RosterRecord[]) => {
    while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
    credit--;
    port.postMessage({ kind: 'records', records } satisfies XlsxWorkerMessage);
  };
  try {
    let batch: RosterRecord[] = [];
    for await (const record of readXlsx(createReadStream(input.file), input.limits)) {
      batch.push(record);
      if (batch.length >= input.batchRows) {
        await send(batch);
        batch = [];
      }
    }
    if (batch.length) await send(batch);
    port.postMessage({ kind: 'done' } satisfies XlsxWorkerMessage);
  } catch (err) {
    port.postMessage(
      (err instanceof RosterFileError
        ? { kind: 'refused', code: err.code, message: err.message }
        : { kind: 'crashed', message: err instanceof Error ? err.message : String(err) }) satisfies XlsxWorkerMessage,
    );
  }
}

if (parentPort) void run(parentPort, workerData as XlsxWorkerInput);
