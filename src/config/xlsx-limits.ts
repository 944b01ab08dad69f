const MiB = 1024 * 1024;

/**
 * What a roster workbook may inflate to, by how much it may inflate, and how many distinct texts it
 * may hold, unless ROSTER_MAX_INFLATED_BYTES, ROSTER_MAX_INFLATE_RATIO and ROSTER_MAX_SHARED_STRINGS
 * say otherwise. A file of its own, without imports: the .xlsx worker thread reads it too.
 */
export const DEFAULT_XLSX_LIMITS: Readonly<{ maxInflatedBytes: number; maxRatio: number; maxSharedStrings: number }> = {
  maxInflatedBytes: 512 * MiB,
  maxRatio: 100,
  maxSharedStrings: 2_000_000,
};
