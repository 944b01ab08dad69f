/**
 * CSV for people who open it in Excel: UTF-8 with a BOM (so Chinese shows), quoted where needed, and
 * no cell that Excel would run as a formula (OWASP "CSV injection": a leading = + - @ TAB or CR gets a
 * leading apostrophe).
 */
export const CSV_BOM = '\uFEFF';

export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** Whether the client asked for CSV rather than JSON (an Accept naming both gets JSON). */
export function wantsCsv(accept: string | undefined): boolean {
  return !!accept && /text\/csv/.test(accept) && !/application\/json/.test(accept);
}

/** Where a CSV is streamed to: Express's response, reduced to what streaming needs. */
export interface CsvSink {
  setHeader(name: string, value: string): unknown;
  write(chunk: string | Buffer): unknown;
  end(): unknown;
}

/**
 * Streams a CSV download. The first chunk is awaited before any header is set, so that the
 * generator's access check (its first step) can still answer with a problem instead of a CSV.
 */
export async function streamCsv(res: CsvSink, chunks: AsyncGenerator<string | Buffer>, fileName: string): Promise<void> {
  const first = await chunks.next();
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  if (!first.done) res.write(first.value);
  for await (const chunk of chunks) res.write(chunk);
  res.end();
}
