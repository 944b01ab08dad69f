/**
 * A copy of a short string that shares no memory with the text it was cut from. V8 keeps a slice of
 * a long string as a view into it, so one field kept from a parsed chunk (a supplier code, to report
 * or to check for repeats) would keep the whole chunk alive. Prepending a character makes a new
 * string, which slicing flattens into a copy of its own.
 */
export function detached(s: string): string {
  return ` ${s}`.slice(1);
}
