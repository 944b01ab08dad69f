/** A supplier is a person (a herder, identified by resident ID) or a business (identified by USCC). */
export const SUPPLIER_TYPES = ['INDIVIDUAL', 'ENTITY'] as const;
export type SupplierType = (typeof SUPPLIER_TYPES)[number];

/**
 * The words a roster may write for each type: the codes, and the Chinese a clerk's spreadsheet uses
 * (a sole trader, 个体工商户, and a cooperative, 合作社, lend as businesses).
 */
export const SUPPLIER_TYPE_WORDS: ReadonlyMap<string, SupplierType> = new Map<string, SupplierType>([
  ['INDIVIDUAL', 'INDIVIDUAL'],
  ['个人', 'INDIVIDUAL'],
  ['ENTITY', 'ENTITY'],
  ['企业', 'ENTITY'],
  ['个体工商户', 'ENTITY'],
  ['合作社', 'ENTITY'],
]);
