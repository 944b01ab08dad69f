import type { EntityManager } from 'typeorm';

export interface SqlResult<T> {
  rows: T[];
  rowCount: number;
}

/**
 * Anything that runs one parameterised statement the way pg's Client, PoolClient and Pool do: what a
 * plain function needs to run its SQL without Nest or TypeORM (a benchmark times the approval's own
 * statements on a bare pg.Pool through it).
 */
export interface SqlExecutor {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

/** Where plain SQL runs: a TypeORM manager (inside its transaction when it has one) or a bare executor. */
export type Db = EntityManager | SqlExecutor;

function isManager(db: Db): db is EntityManager {
  // a pg client has a `connection` too, but not TypeORM's data source behind it
  return typeof (db as Partial<EntityManager>).connection?.createQueryRunner === 'function';
}

type PgResult = { rows?: unknown[]; rowCount?: number | null };

/**
 * What pg answers, as SqlResult: the result of the last statement when `text` held several (sent
 * without parameters, in one message).
 */
function resultOf<T>(raw: PgResult | PgResult[]): SqlResult<T> {
  const r = Array.isArray(raw) ? (raw[raw.length - 1] ?? {}) : raw;
  return { rows: (r.rows ?? []) as T[], rowCount: r.rowCount ?? 0 };
}

/**
 * Plain SQL on the given manager or executor, answering rows and the affected-row count the same way
 * for every command: set-based and conditional updates need both.
 */
export async function sql<T = Record<string, unknown>>(db: Db, text: string, params: unknown[] = []): Promise<SqlResult<T>> {
  // (TypeORM keeps only a single statement's answer: several statements in one text need an executor)
  if (!isManager(db)) return resultOf<T>((await db.query(text, params)) as PgResult | PgResult[]);
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
