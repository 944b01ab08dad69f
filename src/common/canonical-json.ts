/**
 * JSON with object keys sorted (and undefined members left out), so that two values that mean the same
 * compare equal whatever their key order: request fingerprints, ruleset comparisons.
 */
export function canonicalJson(v: unknown): string {
  if (v === undefined) return '';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .filter((k) => o[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}
