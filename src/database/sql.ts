import type { EntityManager } from 'typeorm';

export interface SqlResult<T> {
  rows: T[];
  rowCount: number;
}

/**
 * Plain SQL on the given manager (inside its transaction when it has one), answering rows and the
 * affected-row count the same way for every command: set-based and conditional updates need both.
 */
export async function sql<T = Record<string, unknown>>(db: EntityManager, text: string, params: unknown[] = []): Promise<SqlResult<T>> {
  const runner = db.queryRunner;
  if (runner && !runner.isReleased) {
    const r = await runner.query(text, params, true);
    return { rows: (r.records ?? []) as T[], rowCount: r.affected ?? 0 };
  }
  const own = db.connection.createQueryRunner();
  try {
    const r = await own.query(text, params, true);
    return { rows: (r.records ?? []) as T[], rowCount: r.affected ?? 0 };
  } finally {
    await own.release();
  }
}

/** The PostgreSQL SQLSTATE of an error thrown by TypeORM or pg, if it has one. */
export function pgCode(e: unknown): string | undefined {
  const err = e as { code?: unknown; driverError?: { code?: unknown } };
  const code = err?.driverError?.code ?? err?.code;
  return typeof code === 'string' ? code : undefined;
}

export const UNIQUE_VIOLATION = '23505';
