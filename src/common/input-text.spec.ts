import { MAX_JSON_DEPTH, jsonNestingExceeds, unstorableTextFields } from './input-text.js';

describe('jsonNestingExceeds', () => {
  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

  it('lets the deepest body of this API through', () => {
    const programme = JSON.stringify({
      eligibilityRules: [{ name: 'herd', fact: 'herdSize', operator: 'between', value: [10, 5000] }],
      limitFormula: { maxAmount: '1.00' },
    });
    expect(jsonNestingExceeds(programme, MAX_JSON_DEPTH)).toBe(false);
    expect(jsonNestingExceeds(nested(MAX_JSON_DEPTH), MAX_JSON_DEPTH)).toBe(false);
  });

  it('finds nesting past the bound, of arrays and objects alike', () => {
    expect(jsonNestingExceeds(nested(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH)).toBe(true);
    expect(jsonNestingExceeds('{"a":'.repeat(MAX_JSON_DEPTH + 1) + '1' + '}'.repeat(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH)).toBe(true);
  });

  it('counts depth, not the number of arrays and objects', () => {
    const wide = `[${Array.from({ length: 10_000 }, () => '{"a":[1]}').join(',')}]`;
    expect(jsonNestingExceeds(wide, 3)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ name: `[[[[{{{{ "\\" ${'['.repeat(100)}` });
    expect(jsonNestingExceeds(text, 1)).toBe(false);
    expect(jsonNestingExceeds('{"a":"\\\\"}', 1)).toBe(false);
  });

  it('stops at the bound without walking a million levels', () => {
    const text = '['.repeat(1_000_000);
    const started = process.hrtime.bigint();
    expect(jsonNestingExceeds(text, MAX_JSON_DEPTH)).toBe(true);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(50);
  });
});

describe('unstorableTextFields', () => {
  it('accepts ordinary text, Chinese and characters outside the BMP', () => {
    expect(unstorableTextFields({ name: '内蒙古优然牧业 🐄', list: ['a', 1, true, null], nested: { x: 'y' } })).toEqual([]);
  });

  it.each([
    ['a NUL', 'a\u0000b'],
    ['a lone high surrogate', 'a\ud800b'],
    ['a lone low surrogate', 'a\udc00b'],
    ['a high surrogate at the end', 'ab\ud83d'],
    ['two surrogates in the wrong order', '\udc04\ud83d'],
  ])('names a string with %s', (_, bad) => {
    expect(unstorableTextFields({ name: bad })).toEqual(['name']);
  });

  it('names every bad string at any depth with its path', () => {
    const body = {
      applications: [{ purpose: 'ok' }, { purpose: 'x\u0000' }],
      rules: [{ value: ['a', '\ud800'] }],
      deep: { deeper: { deepest: '\u0000' } },
    };
    expect(unstorableTextFields(body)).toEqual(['applications[1].purpose', 'rules[0].value[1]', 'deep.deeper.deepest']);
  });

  it('names a bad property name, readably', () => {
    expect(unstorableTextFields({ ['bad\u0000key']: 'v' })).toEqual(['bad\ufffdkey']);
  });

  it('names query parameters by name, and a repeated one by index', () => {
    expect(unstorableTextFields({ q: 'a\u0000', tags: ['x', '\ud800'] })).toEqual(['q', 'tags[1]']);
  });

  it('stops after a few, however many there are', () => {
    expect(unstorableTextFields(Array.from({ length: 1000 }, () => '\u0000'))).toHaveLength(20);
  });
});
