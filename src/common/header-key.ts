/**
 * How a roster header is compared with a column's name and aliases. NFKC folds what a Chinese
 * keyboard or Excel tends to slip into headers (full-width letters and brackets, the ideographic
 * space) into plain characters, so '月均交奶量ＫＧ' still matches '月均交奶量kg'.
 */
export function headerKey(raw: string): string {
  return raw
    .normalize('NFKC')
    .trim()
    .replace(/^["'“”‘’]+|["'“”‘’]+$/g, '')
    .trim()
    .toLowerCase();
}
