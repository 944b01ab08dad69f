import type { EntityManager } from 'typeorm';
import type { Page } from '../common/pagination.js';
import { sql } from './sql.js';

export interface PagedQuery {
  /** The select list, e.g. `la.*, s.name` */
  columns: string;
  /** FROM and its joins, e.g. `loan_applications la JOIN suppliers s ON ...` */
  from: string;
  /** Conditions joined with AND; their parameters are `params` ($1, $2...). */
  where?: string[];
  params?: unknown[];
  orderBy: string;
}

/** One page of a list as the API answers lists: {items, page, pageSize, total}. */
export async function pageOf<Row, Item>(
  m: EntityManager,
  q: PagedQuery,
  at: { page: number; pageSize: number },
  map: (row: Row) => Item,
): Promise<Page<Item>> {
  const params = q.params ?? [];
  const where = q.where?.length ? `WHERE ${q.where.join(' AND ')}` : '';
  const [rows, total] = await Promise.all([
    sql<Row>(
      m,
      `SELECT ${q.columns} FROM ${q.from} ${where} ORDER BY ${q.orderBy} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, at.pageSize, (at.page - 1) * at.pageSize],
    ),
    sql<{ n: string }>(m, `SELECT count(*) AS n FROM ${q.from} ${where}`, params),
  ]);
  return { items: rows.rows.map(map), page: at.page, pageSize: at.pageSize, total: Number(total.rows[0].n) };
}
