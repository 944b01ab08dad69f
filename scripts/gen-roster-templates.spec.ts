import { Readable, Writable } from 'node:stream';
import { TEMPLATES } from '../src/counterparties/roster-schema.js';
import { mapHeaders, rosterLayout } from '../src/rosters/parsing/columns.js';
import { readCsv, type Cell } from '../src/rosters/parsing/reader.js';
import { RosterRowValidator } from '../src/rosters/parsing/validate-row.js';
import { DEFAULT_OPTIONS, generateRoster, type GeneratorTemplate } from '../src/rosters/testing/roster-generator.js';
import { parseArgs } from './gen-roster.js';

class Collector extends Writable {
  readonly parts: Buffer[] = [];
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    this.parts.push(Buffer.from(chunk));
    callback();
  }
}

async function generated(template: GeneratorTemplate, headers: 'en' | 'zh') {
  const file = new Collector();
  const truth = new Collector();
  await generateRoster({ ...DEFAULT_OPTIONS, rows: 300, seed: 11, errorRate: 0.2, template, headers }, file, truth);
  const defects = Buffer.concat(truth.parts)
    .toString('utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { row: number; defect: string | null });
  return { file: Buffer.concat(file.parts), defects };
}

describe('npm run gen:roster -- --template', () => {
  it.each([
    ['DEALER', 'DEALER', 'en'],
    ['FREIGHT_FORWARDER', 'SUPPLIER', 'zh'],
  ] as const)(
    'writes %s rosters the import reads with that schema: clean rows pass, defective rows fail',
    async (template, role, headers) => {
      const layout = rosterLayout(role, TEMPLATES[template].attributes);
      const validator = new RosterRowValidator(DEFAULT_OPTIONS.asOf, layout);
      const { file, defects } = await generated(template, headers);
      let columns: (string | null)[] = [];
      const outcomes: boolean[] = [];
      for await (const record of readCsv(Readable.from([file]))) {
        if (record.kind === 'header') {
          const mapping = mapHeaders(record.cells, layout);
          expect(mapping).toMatchObject({ unknown: [], missing: [], duplicated: [] });
          columns = mapping.columns;
          continue;
        }
        const cells: Record<string, Cell> = {};
        columns.forEach((c, i) => {
          if (c) cells[c] = record.cells[i] ?? null;
        });
        outcomes.push(validator.validate(record.rowNumber, cells).ok);
      }
      expect(outcomes).toHaveLength(300);
      expect(outcomes).toEqual(defects.map((d) => d.defect === null));
      expect(defects.some((d) => d.defect !== null)).toBe(true);
    },
  );

  it('takes --template, and leaves the dairy roster the default', () => {
    expect(parseArgs(['--template', 'DEALER']).template).toBe('DEALER');
    expect(parseArgs([]).template).toBeUndefined();
    expect(() => parseArgs(['--template', 'GRAIN'])).toThrow(/--template/);
  });
});
