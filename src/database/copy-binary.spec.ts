import { BinaryRows, binaryTypeOf } from './copy-binary.js';

const encoded = (write: (rows: BinaryRows) => void): Buffer => {
  const rows = new BinaryRows();
  write(rows);
  return Buffer.concat(rows.take());
};

/** A numeric value's header and base-10000 digits, as numeric_send writes them. */
const numeric = (decimal: string) => {
  const b = encoded((r) => r.numeric(decimal));
  const ndigits = b.readInt16BE(4);
  expect(b.readInt32BE(0)).toBe(8 + ndigits * 2);
  return {
    weight: b.readInt16BE(6),
    sign: b.readUInt16BE(8),
    dscale: b.readInt16BE(10),
    digits: Array.from({ length: ndigits }, (_, i) => b.readInt16BE(12 + i * 2)),
  };
};

describe('BinaryRows', () => {
  it('encodes decimals as base-10000 digits with their weight, sign and scale', () => {
    expect(numeric('123456.789')).toEqual({ weight: 1, sign: 0, dscale: 3, digits: [12, 3456, 7890] });
    expect(numeric('0.05')).toEqual({ weight: -1, sign: 0, dscale: 2, digits: [500] });
    expect(numeric('-14.5')).toEqual({ weight: 0, sign: 0x4000, dscale: 1, digits: [14, 5000] });
    expect(numeric('125000.00')).toEqual({ weight: 1, sign: 0, dscale: 2, digits: [12, 5000] });
    expect(numeric('10000')).toEqual({ weight: 1, sign: 0, dscale: 0, digits: [1] });
    expect(numeric('-0.00')).toEqual({ weight: 0, sign: 0, dscale: 2, digits: [] });
    expect(() => numeric('1e5')).toThrow();
  });

  it('encodes any plain decimal as numeric_send does (weight, sign, scale and digits from the decimal string)', () => {
    // the straightforward reading of the decimal, by regular expression and padding, as the oracle
    const oracle = (decimal: string) => {
      const [, minus, whole, fraction = ''] = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal)!;
      const intPart = whole.replace(/^0+/, '');
      const intGroups = Math.ceil(intPart.length / 4);
      const padded = intPart.padStart(intGroups * 4, '0') + fraction.padEnd(Math.ceil(fraction.length / 4) * 4, '0');
      const digits = (padded.match(/\d{4}/g) ?? []).map(Number);
      let weight = intGroups - 1;
      while (digits.length && digits[0] === 0) {
        digits.shift();
        weight--;
      }
      while (digits.length && digits[digits.length - 1] === 0) digits.pop();
      return { weight: digits.length ? weight : 0, sign: minus && digits.length ? 0x4000 : 0, dscale: fraction.length, digits };
    };
    let seed = 7;
    const random = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    for (let i = 0; i < 20_000; i++) {
      const whole = Array.from({ length: 1 + random(14) }, () => (random(3) === 0 ? '0' : String(random(10)))).join('');
      const fraction = random(3) === 0 ? '' : '.' + Array.from({ length: 1 + random(7) }, () => String(random(10))).join('');
      const decimal = (random(4) === 0 ? '-' : '') + whole + fraction;
      expect([decimal, numeric(decimal)]).toEqual([decimal, oracle(decimal)]);
    }
    for (const bad of ['', '-', '.5', '5.', '1.2.3', '+1', ' 1', '1_000', '١٢']) expect(() => numeric(bad)).toThrow();
  });

  it('encodes dates as days since 2000-01-01, text as UTF-8, jsonb with its version, null as length -1', () => {
    expect(encoded((r) => r.date('2000-01-02')).readInt32BE(4)).toBe(1);
    expect(encoded((r) => r.date('1949-12-31')).readInt32BE(4)).toBe(-18263);
    expect(() => encoded((r) => r.date('2025-13-45'))).toThrow();
    expect(encoded((r) => r.text('王a'))).toEqual(Buffer.from([0, 0, 0, 4, ...Buffer.from('王a')]));
    expect(encoded((r) => r.jsonb('{}'))).toEqual(Buffer.from([0, 0, 0, 3, 1, ...Buffer.from('{}')]));
    expect(encoded((r) => r.value('text', null))).toEqual(Buffer.from([0xff, 0xff, 0xff, 0xff]));
    expect(encoded((r) => r.value('int4', 42))).toEqual(Buffer.from([0, 0, 0, 4, 0, 0, 0, 42]));
  });

  it('encodes a uuid as its 16 bytes whatever the case of its digits, an int8 as 8 bytes, and refuses what is not a uuid', () => {
    const id = '0f8e3a2b-9c4d-4e5f-8a6b-7c8d9e0fa1b2';
    const bytes = Buffer.from(id.replace(/-/g, ''), 'hex');
    expect(encoded((r) => r.uuid(id))).toEqual(Buffer.concat([Buffer.from([0, 0, 0, 16]), bytes]));
    expect(encoded((r) => r.uuid(id.toUpperCase()))).toEqual(encoded((r) => r.uuid(id)));
    expect(encoded((r) => r.int8(-2n))).toEqual(Buffer.from([0, 0, 0, 8, 255, 255, 255, 255, 255, 255, 255, 254]));
    for (const bad of [id.slice(1), id.replace('-', 'x'), id.replace('0f', 'g0'), `${id.slice(0, 35)}é`])
      expect(() => encoded((r) => r.uuid(bad))).toThrow('not a uuid');
  });

  it('hands a bytea value over as its own block, after its length, without copying it', () => {
    const rows = new BinaryRows();
    const chunk = Buffer.from('a stored upload chunk');
    rows.row(2);
    rows.int4(7);
    rows.bytea(chunk);
    rows.row(1);
    rows.int4(8);
    const blocks = rows.take();
    expect(blocks).toContain(chunk);
    expect(Buffer.concat(blocks)).toEqual(
      Buffer.from([0, 2, 0, 0, 0, 4, 0, 0, 0, 7, 0, 0, 0, chunk.length, ...chunk, 0, 1, 0, 0, 0, 4, 0, 0, 0, 8]),
    );
  });

  it('spreads rows over blocks and hands them over once', () => {
    const rows = new BinaryRows();
    const long = 'x'.repeat(10_000);
    for (let i = 0; i < 20; i++) {
      rows.row(1);
      rows.text(long);
    }
    const blocks = rows.take();
    expect(blocks.length).toBeGreaterThan(1);
    expect(Buffer.concat(blocks).length).toBe(20 * (2 + 4 + 10_000));
    expect(rows.take()).toEqual([]);
  });

  it('knows the binary form of the SQL types rosters use', () => {
    expect(binaryTypeOf('numeric(16,3) NOT NULL')).toBe('numeric');
    expect(binaryTypeOf('integer')).toBe('int4');
    expect(binaryTypeOf('jsonb NOT NULL')).toBe('jsonb');
    expect(() => binaryTypeOf('bytea')).toThrow();
  });
});
