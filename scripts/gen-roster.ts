/**
 * The command line of the roster generator (src/rosters/testing/roster-generator.ts):
 *
 *   node dist/scripts/gen-roster.js --rows 100000 --seed 7 --error-rate 0.02 --headers zh --out roster.csv \
 *        [--truth truth.jsonl] [--as-of 2026-06-30] [--encoding utf8|utf8-bom|gb18030] [--format csv|xlsx]
 *
 * --truth FILE   one JSON line per data row: {row, supplier_code, defect|null}; row 1 is the first data row
 * --as-of DATE   the date ages and licence expiry dates are drawn around (default 2026-06-30)
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { isIsoDate } from '../src/common/business-date.js';
import { DEFAULT_OPTIONS, GENERATOR_TEMPLATES, generateRoster, type RosterOptions } from '../src/rosters/testing/roster-generator.js';

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new Error(`--${flag} must be one of ${allowed.join(', ')}`);
}

function numberFlag(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${flag} must be a non-negative number`);
  return n;
}

export const USAGE = `Writes a synthetic supplier roster (CSV by default) to standard output or to --out.

Usage: npm run gen:roster -- [options]      (each option as --flag value or --flag=value)

  --rows N           data rows (default ${DEFAULT_OPTIONS.rows})
  --seed N           the same seed gives the same rows (default ${DEFAULT_OPTIONS.seed})
  --error-rate R     share of rows, 0 to 1, that carry one defect (default ${DEFAULT_OPTIONS.errorRate})
  --headers en|zh    English or Chinese column headers (default ${DEFAULT_OPTIONS.headers})
  --encoding E       utf8, utf8-bom or gb18030 (default ${DEFAULT_OPTIONS.encoding})
  --format F         csv or xlsx (default ${DEFAULT_OPTIONS.format})
  --template T       ${GENERATOR_TEMPLATES.join(', ')}: the roster schema template the rows follow (default DAIRY_SUPPLIER);
                     DEALER and FREIGHT_FORWARDER rosters are uploaded with the form field role (DEALER) or after
                     PUT /core-enterprises/:id/roster-schema (FREIGHT_FORWARDER for role SUPPLIER)
  --as-of DATE       YYYY-MM-DD that ages and licence expiry dates are drawn around (default ${DEFAULT_OPTIONS.asOf})
  --out FILE         write the roster to FILE instead of standard output
  --truth FILE       one JSON line per data row: {row, supplier_code, defect|null}
  --help, -h         print this text
`;

const VALUE_FLAGS = ['rows', 'seed', 'error-rate', 'headers', 'encoding', 'format', 'as-of', 'out', 'truth', 'template'] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];

export function helpRequested(argv: readonly string[]): boolean {
  return argv.some((arg) => arg === '--help' || arg === '-h');
}

/**
 * Reads `--flag value` and `--flag=value`. A typo must not silently fall back to a default (a
 * benchmark of 1,000 rows instead of 200,000), so anything unknown, repeated or without a value is
 * an error.
 */
export function parseArgs(argv: readonly string[]): RosterOptions & { out?: string; truth?: string } {
  const flags = new Map<ValueFlag, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}" (flags are --name value or --name=value; see --help)`);
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (!(VALUE_FLAGS as readonly string[]).includes(name)) throw new Error(`unknown flag --${name} (see --help)`);
    const flag = name as ValueFlag;
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) value = argv[++i];
    if (!value) throw new Error(`--${flag} needs a value`);
    if (flags.has(flag)) throw new Error(`--${flag} is given twice`);
    flags.set(flag, value);
  }
  const asOf = flags.get('as-of') ?? DEFAULT_OPTIONS.asOf;
  if (!isIsoDate(asOf)) throw new Error('--as-of must be a YYYY-MM-DD date');
  return {
    rows: numberFlag('rows', flags.get('rows'), DEFAULT_OPTIONS.rows),
    seed: numberFlag('seed', flags.get('seed'), DEFAULT_OPTIONS.seed),
    errorRate: numberFlag('error-rate', flags.get('error-rate'), DEFAULT_OPTIONS.errorRate),
    asOf,
    headers: oneOf('headers', flags.get('headers'), ['en', 'zh'], DEFAULT_OPTIONS.headers),
    encoding: oneOf('encoding', flags.get('encoding'), ['utf8', 'utf8-bom', 'gb18030'], DEFAULT_OPTIONS.encoding),
    format: oneOf('format', flags.get('format'), ['csv', 'xlsx'], DEFAULT_OPTIONS.format),
    // absent unless given: the dairy roster, as before templates
    template: flags.has('template') ? oneOf('template', flags.get('template'), GENERATOR_TEMPLATES, 'DAIRY_SUPPLIER') : undefined,
    out: flags.get('out'),
    truth: flags.get('truth'),
  };
}

/** The command line: the usage for --help, else the roster to --out or to `stdout`. */
export async function main(argv: readonly string[], stdout: Writable): Promise<void> {
  if (helpRequested(argv)) {
    if (!stdout.write(USAGE)) await once(stdout, 'drain');
    return;
  }
  const options = parseArgs(argv);
  const out = options.out ? createWriteStream(options.out) : stdout;
  const truth = options.truth ? createWriteStream(options.truth) : undefined;
  await generateRoster(options, out, truth);
  for (const stream of [out, truth]) {
    if (stream === undefined || stream === stdout) continue;
    if (!stream.writableEnded) stream.end();
    if (!stream.writableFinished) await once(stream, 'finish');
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2), process.stdout).catch((err: unknown) => {
    process.stderr.write(`gen-roster: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
