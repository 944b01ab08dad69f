/**
 * Checks on raw input that no field validator can make: how deep a JSON text nests (before anything
 * recursive reads it) and whether text can be stored at all.
 */

/** Deeper than any body of this API (a programme's rules nest four levels) and far below any recursion limit. */
export const MAX_JSON_DEPTH = 32;
const MAX_REPORTED = 20;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]); // [ {
const CLOSERS = new Set([0x5d, 0x7d]); // ] }

/** Whether arrays and objects in the JSON text nest deeper than `max`; stops as soon as they do. */
export function jsonNestingExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (OPENERS.has(c)) {
      if (++depth > max) return true;
    } else if (CLOSERS.has(c)) depth--;
  }
  return false;
}

/**
 * PostgreSQL refuses NUL in text and jsonb, and a UTF-16 surrogate without its pair is no character
 * at all (jsonb refuses its escape; UTF-8 turns it into U+FFFD): neither can be stored as sent.
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');

/**
 * The paths (`applications[1].purpose`) of the strings and property names in a parsed value that hold
 * unstorable text; the first few only. Walks without recursion, whatever the depth.
 */
export function unstorableTextFields(value: unknown): string[] {
  const found: string[] = [];
  const stack: Array<[unknown, string]> = [[value, '']];
  while (stack.length && found.length < MAX_REPORTED) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (UNSTORABLE.test(v)) found.push(path);
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}[${i}]`]);
    } else if (v && typeof v === 'object') {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i];
        const name = key.replace(UNSTORABLE_ALL, '\uFFFD');
        const childPath = path ? `${path}.${name}` : name;
        if (UNSTORABLE.test(key)) found.push(childPath);
        else stack.push([child, childPath]);
      }
    }
  }
  return found;
}
