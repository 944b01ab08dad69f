/**
 * npm run bench:scale -- [--sizes 50000,200000,1000000] [--only roster,screening,approvals,settlement,cob]
 *
 * Runs each benchmark at each size, one after the other (each as its own process, on its own fresh
 * database), collects the figures each writes with --json, and prints per benchmark a table of its
 * figures at each size with the growth exponent of every time and memory figure (cost ∝ size^k: 1 is
 * linear). Writes out/scale.json, out/scale.md, out/scale.svg and out/scale.png (the PNG is drawn by
 * Debian's chromium, as the browser tests use it; without it the SVG is still written). --reuse keeps
 * the figures of a point already in out/scale/ instead of running it again (to add a size or a bench).
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { chartGrid, type ChartSpec, type Series } from './chart.js';
import { growthExponent, growthVerdict } from './growth.js';
import type { BenchResult } from './results.js';
import { ROOT, args, seconds } from './support.js';

interface Bench {
  name: string;
  sizeFlag: string;
  /** Flags that keep one point of the curve short; the benchmark's own run gives the full figures. */
  extra: string[];
}

const BENCHES: Bench[] = [
  { name: 'roster', sizeFlag: '--rows', extra: ['--update-base', '0'] },
  { name: 'screening', sizeFlag: '--suppliers', extra: [] },
  { name: 'approvals', sizeFlag: '--suppliers', extra: ['--runs', '1', '--duration', '15'] },
  { name: 'settlement', sizeFlag: '--rows', extra: [] },
  { name: 'cob', sizeFlag: '--loans', extra: ['--days', '1'] },
];

const OUT = path.join(ROOT, 'out');

async function runBench(bench: Bench, size: number, reuse: boolean): Promise<BenchResult> {
  const json = path.join(OUT, 'scale', `${bench.name}-${size}.json`);
  if (reuse) {
    const kept = await readFile(json, 'utf8').catch(() => null);
    if (kept) return JSON.parse(kept) as BenchResult;
  }
  const log = createWriteStream(path.join(OUT, 'scale', `${bench.name}-${size}.log`));
  await rm(json, { force: true });
  const child = spawn(
    process.execPath,
    [
      '--enable-source-maps',
      path.join(ROOT, 'dist', 'bench', `${bench.name}.js`),
      bench.sizeFlag,
      String(size),
      ...bench.extra,
      '--json',
      json,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: process.env },
  );
  const label = `[${bench.name} ${size}]`;
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      console.log(`${label} ${line}`);
      log.write(`${line}\n`);
    });
  }
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  log.end();
  if (code !== 0) throw new Error(`${label} exited with ${code}: see out/scale/${bench.name}-${size}.log`);
  return JSON.parse(await readFile(json, 'utf8')) as BenchResult;
}

const formatValue = (v: number, unit: string) =>
  unit === 's' ? v.toFixed(2) : unit === 'ratio' ? v.toFixed(2) : unit === 'ms' ? v.toFixed(1) : Math.round(v).toString();

/** One benchmark's figures at each size as a Markdown table, with each step's growth exponent for time and memory. */
function table(results: BenchResult[]): { markdown: string; verdicts: string[] } {
  const sizes = results.map((r) => r.size);
  const names = [...new Set(results.flatMap((r) => Object.keys(r.metrics)))];
  const steps = sizes.slice(1).map((s, i) => `k ${sizes[i] / 1000}k→${s / 1000}k`);
  const lines = [
    `| ${results[0].bench} (${results[0].sizeOf}) | ${sizes.map((s) => s.toLocaleString('en')).join(' | ')} | ${steps.join(' | ')} | goal |`,
    `|---|${sizes.map(() => '---:').join('|')}|${steps.map(() => '---:').join('|')}|---|`,
  ];
  const verdicts: string[] = [];
  for (const name of names) {
    const cells = results.map((r) => r.metrics[name]);
    const unit = cells.find(Boolean)?.unit ?? '';
    const grows = unit === 's' || unit === 'MiB';
    const exponents = grows
      ? results.slice(1).map((r, i) => {
          const a = results[i].metrics[name];
          const b = r.metrics[name];
          return a && b ? growthExponent({ size: results[i].size, value: a.value }, { size: r.size, value: b.value }) : null;
        })
      : [];
    if (grows) verdicts.push(`${results[0].bench} ${name}: ${growthVerdict(exponents)}`);
    lines.push(
      `| ${name} (${unit}) | ${cells.map((c) => (c ? formatValue(c.value, unit) : '—')).join(' | ')} | ${
        grows ? exponents.map((k) => (k === null ? '—' : k.toFixed(2))).join(' | ') : steps.map(() => '').join(' | ')
      } | ${[...new Set(cells.map((c) => c?.goal).filter(Boolean))].join('; ')} |`,
    );
  }
  return { markdown: lines.join('\n'), verdicts };
}

function metricSeries(bench: string, results: BenchResult[], unit: string, prefix: boolean): Series[] {
  const names = [...new Set(results.flatMap((r) => Object.keys(r.metrics)))];
  return names
    .filter((n) => results.some((r) => r.metrics[n]?.unit === unit))
    .map((n) => ({
      name: prefix ? `${bench}: ${n}` : n,
      points: results.filter((r) => r.metrics[n]).map((r) => [r.size, r.metrics[n].value] as [number, number]),
    }));
}

/** A line of slope 1 from the first point of the slowest series: a series steeper than it grows worse than linearly. */
function linearReference(series: Series[]): Series[] {
  const slowest = series.filter((s) => s.points.length > 1).sort((a, b) => b.points[0][1] - a.points[0][1])[0];
  if (!slowest) return [];
  const [[x0, y0]] = slowest.points;
  const x1 = slowest.points[slowest.points.length - 1][0];
  return [
    {
      name: 'linear (slope 1)',
      dashed: true,
      points: [
        [x0, y0],
        [x1, (y0 * x1) / x0],
      ],
    },
  ];
}

function charts(byBench: Map<string, BenchResult[]>): ChartSpec[] {
  const across = (unit: string) => [...byBench].flatMap(([bench, results]) => metricSeries(bench, results, unit, true));
  const perBench = [...byBench].map(([bench, results]) => {
    const time = metricSeries(bench, results, 's', false);
    return {
      title: `bench:${bench}, time against ${results[0].sizeOf} (log-log)`,
      xLabel: results[0].sizeOf,
      yLabel: 'seconds',
      logY: true,
      series: [...time, ...linearReference(time)],
    };
  });
  return [
    ...perBench,
    { title: 'Service peak RSS', xLabel: 'size', yLabel: 'MiB', logY: false, series: across('MiB') },
    { title: 'Throughput', xLabel: 'suppliers', yLabel: 'per second', logY: false, series: [...across('req/s'), ...across('tx/s')] },
    { title: 'Ratios (to the physical limit, or tail / median)', xLabel: 'size', yLabel: 'ratio', logY: false, series: across('ratio') },
  ].filter((c) => c.series.length > 0);
}

async function renderPng(svg: string, file: string): Promise<string> {
  try {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
      await page.locator('svg').screenshot({ path: file });
      return `wrote ${path.relative(ROOT, file)}`;
    } finally {
      await browser.close();
    }
  } catch (e) {
    return `no PNG (${(e as Error).message.split('\n')[0]}); the SVG is there`;
  }
}

async function main() {
  const a = args();
  const sizes = (a.sizes ?? '50000,200000,1000000').split(',').map(Number);
  if (sizes.some((s) => !Number.isInteger(s) || s <= 0)) throw new Error(`--sizes: positive integers, comma-separated (got ${a.sizes})`);
  const only = a.only?.split(',');
  const benches = BENCHES.filter((b) => !only || only.includes(b.name));
  await mkdir(path.join(OUT, 'scale'), { recursive: true });

  const started = process.hrtime.bigint();
  const byBench = new Map<string, BenchResult[]>();
  for (const bench of benches) {
    const results: BenchResult[] = [];
    for (const size of [...sizes].sort((x, y) => x - y)) results.push(await runBench(bench, size, a.reuse === 'true'));
    byBench.set(bench.name, results);
  }

  const tables = [...byBench.values()].map(table);
  const markdown = [
    `# bench:scale, ${new Date().toISOString()}, sizes ${sizes.join(', ')}`,
    '',
    'k = growth exponent of a time or memory figure between two sizes (cost ∝ size^k; 1 is linear, below 1 better).',
    '',
    ...tables.flatMap((t) => [t.markdown, '']),
    ...tables.flatMap((t) => t.verdicts.map((v) => `- ${v}`)),
    '',
  ].join('\n');
  console.log('');
  console.log(markdown);
  const svg = chartGrid(charts(byBench), 2);
  await writeFile(path.join(OUT, 'scale.json'), JSON.stringify(Object.fromEntries(byBench), null, 2));
  await writeFile(path.join(OUT, 'scale.md'), markdown);
  await writeFile(path.join(OUT, 'scale.svg'), svg);
  console.log(`wrote out/scale.json, out/scale.md, out/scale.svg; ${await renderPng(svg, path.join(OUT, 'scale.png'))}`);
  console.log(`bench:scale took ${(seconds(started) / 60).toFixed(1)} min`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
