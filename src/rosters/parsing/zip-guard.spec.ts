import { InflateBudget, MAX_ZIP_ENTRIES, RATIO_GRACE_BYTES, inspectZipDirectory, type ZipLimits } from './zip-guard.js';
import { buildZip, workbookParts } from './zip-builder.spec-helper.js';

const MiB = 1024 * 1024;
const DEFAULTS: ZipLimits = { maxInflatedBytes: 512 * MiB, maxRatio: 100 };

function inspect(zip: Buffer, limits: ZipLimits = DEFAULTS) {
  const reads: [number, number][] = [];
  const read = async (position: number, length: number) => {
    reads.push([position, length]);
    return zip.subarray(position, position + length);
  };
  return inspectZipDirectory(read, zip.length, limits).then((verdict) => ({ verdict, reads }));
}

describe('inspectZipDirectory', () => {
  it('passes an ordinary workbook, counting its parts and their declared size', async () => {
    const parts = workbookParts([
      ['supplier_code', 'name'],
      ['S1', '王五'],
    ]);
    const { verdict } = await inspect(buildZip(parts));
    expect(verdict).toEqual({ ok: true, entries: parts.length, declaredBytes: expect.any(Number) });
  });

  it('refuses a bomb of a few hundred MB in well under 1 MB, reading only the end of the file', async () => {
    const zip = buildZip([...workbookParts([['a']]), { name: 'xl/media/image1.bin', repeat: { chunk: Buffer.alloc(MiB), times: 600 } }]);
    expect(zip.length).toBeLessThan(MiB);
    const { verdict, reads } = await inspect(zip);
    expect(verdict).toEqual({ ok: false, tooComplex: true, message: expect.stringMatching(/expands to more than 512 MiB/) });
    // the tail (end record) and the directory: no entry data
    expect(reads).toHaveLength(2);
    expect(reads[1][1]).toBeLessThan(2000);
  });

  it('refuses a part that expands more than the ratio allows, once it is past the grace size', async () => {
    const bomb = buildZip([
      ...workbookParts([['a']]),
      { name: 'xl/worksheets/sheet2.xml', repeat: { chunk: Buffer.alloc(MiB, 0x20), times: 50 } },
    ]);
    const { verdict } = await inspect(bomb);
    expect(verdict).toMatchObject({
      ok: false,
      tooComplex: true,
      message: expect.stringMatching(/xl\/worksheets\/sheet2\.xml expands [\d,]+ times/),
    });
    // a small part may compress as well as it likes
    const small = buildZip([...workbookParts([['a']]), { name: 'xl/styles.xml', data: Buffer.alloc(RATIO_GRACE_BYTES - 1, 0x20) }]);
    expect((await inspect(small)).verdict.ok).toBe(true);
  });

  it('adds up the declared sizes of all parts: many moderate parts are one big bomb', async () => {
    const parts = Array.from({ length: 12 }, (_, i) => ({ name: `xl/media/p${i}.bin`, repeat: { chunk: Buffer.alloc(MiB, i), times: 3 } }));
    const zip = buildZip(parts);
    expect((await inspect(zip, { maxInflatedBytes: 32 * MiB, maxRatio: 10_000 })).verdict).toMatchObject({ ok: false, tooComplex: true });
    expect((await inspect(zip, { maxInflatedBytes: 40 * MiB, maxRatio: 10_000 })).verdict).toMatchObject({
      ok: true,
      declaredBytes: 36 * MiB,
    });
  });

  it('refuses more parts than any workbook has', async () => {
    const zip = buildZip(Array.from({ length: MAX_ZIP_ENTRIES + 1 }, (_, i) => ({ name: `p${i}`, data: '', stored: true })));
    expect((await inspect(zip)).verdict).toMatchObject({ ok: false, tooComplex: true, message: expect.stringMatching(/10,001 parts/) });
  });

  it('reads zip64 sizes, so that a zip64 directory cannot hide a bomb', async () => {
    const honest = buildZip(workbookParts([['a']]), { zip64: true });
    expect((await inspect(honest)).verdict).toMatchObject({ ok: true, entries: 5 });
    const liar = buildZip(
      [...workbookParts([['a']]).slice(0, 4), { name: 'xl/worksheets/sheet1.xml', data: '<x/>', declaredSize: 5 * 1024 * MiB }],
      { zip64: true },
    );
    expect((await inspect(liar)).verdict).toMatchObject({
      ok: false,
      tooComplex: true,
      message: expect.stringMatching(/more than 512 MiB/),
    });
  });

  it('takes the sizes the directory declares, even where the local headers hide them', async () => {
    const zip = buildZip([
      { name: 'xl/worksheets/sheet1.xml', repeat: { chunk: Buffer.alloc(MiB), times: 600 }, hideSizes: true, declaredSize: 600 * MiB },
    ]);
    expect((await inspect(zip)).verdict).toMatchObject({ ok: false, tooComplex: true });
  });

  it('calls a file without a readable directory unreadable, not too complex (the import reports it damaged)', async () => {
    const whole = buildZip(workbookParts([['a']]));
    for (const bytes of [
      Buffer.alloc(0),
      Buffer.from('PK\u0003\u0004garbage'),
      whole.subarray(0, Math.floor(whole.length / 2)),
      whole.subarray(0, whole.length - 30),
    ]) {
      expect((await inspect(bytes)).verdict).toMatchObject({ ok: false, tooComplex: false });
    }
    // a directory that claims more entries than it holds
    const lying = Buffer.from(whole);
    lying.writeUInt16LE(9, lying.length - 22 + 10);
    expect((await inspect(lying)).verdict).toMatchObject({ ok: false, tooComplex: false });
  });

  it('finds the end record behind a zip comment', async () => {
    const zip = buildZip(workbookParts([['a']]));
    const comment = Buffer.from('saved by a roster tool, with a comment PK\u0005\u0006 inside');
    const withComment = Buffer.concat([zip, comment]);
    withComment.writeUInt16LE(comment.length, zip.length - 22 + 20);
    expect((await inspect(withComment)).verdict).toMatchObject({ ok: true, entries: 5 });
  });
});

describe('InflateBudget', () => {
  it('answers a problem once the inflated bytes pass the limit', () => {
    const budget = new InflateBudget({ maxInflatedBytes: 10 * MiB, maxRatio: 1000 });
    budget.read(MiB);
    expect(budget.inflate(10 * MiB)).toBeNull();
    expect(budget.inflate(1)).toMatch(/more than 10 MiB/);
  });

  it('judges the ratio of inflated to read bytes only past the grace size', () => {
    const budget = new InflateBudget({ maxInflatedBytes: 1024 * MiB, maxRatio: 100 });
    budget.read(1000);
    expect(budget.inflate(RATIO_GRACE_BYTES)).toBeNull();
    expect(budget.inflate(1)).toMatch(/more than 100 times/);
    const fair = new InflateBudget({ maxInflatedBytes: 1024 * MiB, maxRatio: 100 });
    fair.read(MiB);
    expect(fair.inflate(90 * MiB)).toBeNull();
  });

  it('counts the parts', () => {
    const budget = new InflateBudget(DEFAULTS);
    const problems = Array.from({ length: MAX_ZIP_ENTRIES + 1 }, () => budget.entry());
    expect(problems.slice(0, MAX_ZIP_ENTRIES).filter((p) => p !== null)).toEqual([]);
    expect(problems[MAX_ZIP_ENTRIES]).toMatch(/more than 10,000 parts/);
  });
});
