import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/*
 * The module map of the README, checked: the ground floor imports no feature, nothing imports
 * upward into auth, and features import each other only along the arrows listed here. A new arrow
 * is a design decision: add it here and to the README's Architecture table together.
 */
const SRC = resolve(process.cwd(), 'src');
const GROUND = new Set(['common', 'config', 'database']);
const CROSS_CUTTING = new Set(['audit', 'clock', 'idempotency', 'jobs']);
const FEATURE_ARROWS: Record<string, string[]> = {
  auth: ['core-enterprises'],
  'core-enterprises': ['exposure'],
  suppliers: ['core-enterprises'],
  programmes: ['core-enterprises', 'exposure', 'suppliers', 'counterparties'],
  counterparties: ['core-enterprises', 'suppliers'],
  rosters: ['suppliers', 'counterparties'],
  eligibility: ['programmes', 'suppliers', 'exposure', 'rosters', 'counterparties'],
  exposure: [],
  loans: ['eligibility', 'programmes', 'suppliers', 'exposure', 'rosters', 'purchase-orders'],
  'purchase-orders': [],
  disbursements: ['loans', 'programmes', 'bank-sim', 'servicing'],
  'bank-sim': [],
  servicing: ['ledger', 'exposure', 'loans', 'programmes', 'eligibility'],
  ledger: [],
  // the settlement file is read by rosters' reader (rosters/parsing), its deductions posted through servicing
  settlements: ['servicing', 'rosters', 'suppliers', 'programmes', 'core-enterprises'],
  health: [],
  // a development start's demo data, created through the owners' services
  'dev-demo': ['core-enterprises', 'programmes', 'auth'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

function importedFolders(): { from: string; to: string; file: string }[] {
  const edges: { from: string; to: string; file: string }[] = [];
  for (const file of sourceFiles(SRC)) {
    const from = relative(SRC, file).split('/')[0];
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]/g)) {
      const to = relative(SRC, resolve(dirname(file), m[1])).split('/')[0];
      if (to !== from && !to.startsWith('..') && !to.endsWith('.js')) edges.push({ from, to, file: relative(SRC, file) });
    }
  }
  return edges;
}

describe('the module map', () => {
  const edges = importedFolders();

  it('reads the imports between folders', () => {
    expect(edges.length).toBeGreaterThan(50);
    expect(edges).toContainEqual(expect.objectContaining({ from: 'loans', to: 'exposure' }));
  });

  it('keeps the ground floor (common, config, database) free of feature imports', () => {
    expect(edges.filter((e) => GROUND.has(e.from) && !GROUND.has(e.to))).toEqual([]);
  });

  it('has features import each other only along the arrows of the README', () => {
    const stray = edges.filter(
      (e) => e.from in FEATURE_ARROWS && !GROUND.has(e.to) && !CROSS_CUTTING.has(e.to) && !FEATURE_ARROWS[e.from].includes(e.to),
    );
    expect(stray).toEqual([]);
  });

  it('lists every feature folder in the map', () => {
    const folders = readdirSync(SRC).filter((name) => statSync(join(SRC, name)).isDirectory());
    const unmapped = folders.filter((f) => !GROUND.has(f) && !CROSS_CUTTING.has(f) && !(f in FEATURE_ARROWS));
    expect(unmapped).toEqual([]);
  });
});
