/**
 * Machine-readable figures of one benchmark run, for `npm run bench:scale`: a benchmark given
 * `--json FILE` writes its headline figures there as well as printing them.
 */
import { writeFile } from 'node:fs/promises';
import { args } from './support.js';

export type Unit = 's' | 'ms' | 'MiB' | 'req/s' | 'tx/s' | 'rows/s' | 'ratio' | 'count';

export interface Metric {
  value: number;
  unit: Unit;
  /** The goal as the issue states it, e.g. '>= 0.8' or '<= 30 s'; absent where there is none. */
  goal?: string;
}

export interface BenchResult {
  bench: string;
  /** The size the run was asked for (rows, suppliers...), named by sizeOf. */
  size: number;
  sizeOf: string;
  metrics: Record<string, Metric>;
}

export async function writeResult(result: BenchResult): Promise<void> {
  const file = args().json;
  if (file) await writeFile(file, JSON.stringify(result, null, 2));
}
