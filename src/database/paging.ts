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

/**
 * One page of a list as the API answers lists: {items, page, pageSize, total}.
 *
 * The count rides in the page's own statement (an InitPlan, evaluated once) so that items and total
 * come from one snapshot: two statements on two connections could answer total 3 with no items
 * while a screening or an import commits between them.
 */
export async function pageOf<Row, Item>(
  m: EntityManager,
  q: PagedQuery,
  at: { page: number; pageSize: number },
  map: (row: Row) => Item,
): Promise<Page<Item>> {
  const params = q.params ?? [];
  const where = q.where?.length ? `WHERE ${q.where.join(' AND ')}` : '';
  const rows = await sql<Row & { page_total: string }>(
    m,
    `SELECT ${q.columns}, (SELECT count(*) FROM ${q.from} ${where}) AS page_total
       FROM ${q.from} ${where} ORDER BY ${q.orderBy} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, at.pageSize, (at.page - 1) * at.pageSize],
  );
  const page = { page: at.page, pageSize: at.pageSize };
  if (rows.rows.length > 0) {
    const total = Number(rows.rows[0].page_total);
    // the count leaves the row before a mapper that passes the row on whole
    return { items: rows.rows.map(({ page_total, ...row }) => map(row as Row)), ...page, total };
  }
  // An empty first page means an empty list in that same snapshot; past the end, count on its own.
  if (at.page === 1) return { items: [], ...page, total: 0 };
  const total = await sql<{ n: string }>(m, `SELECT count(*) AS n FROM ${q.from} ${where}`, params);
  return { items: [], ...page, total: Number(total.rows[0].n) };
}
