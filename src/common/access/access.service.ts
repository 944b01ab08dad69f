import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { sql, type Db } from '../../database/sql.js';
import { notFound } from '../errors.js';
import { tenantOf, type Actor } from './actor.js';
import { UUID_PATTERN } from '../identifiers.js';

/**
 * A kind of record a caller may or may not touch: the table that holds it and the column naming the
 * core enterprise it belongs to. Each module declares its own (`LOAN_APPLICATION`, `SUPPLIER`...),
 * so this file knows no module's tables.
 */
export interface Resource {
  /** As a 404 names it: "Loan application 7f3c... not found". */
  readonly what: string;
  readonly table: string;
  readonly tenantColumn: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
export function resource(what: string, table: string, tenantColumn = 'core_enterprise_id'): Resource {
  if (!IDENTIFIER.test(table) || !IDENTIFIER.test(tenantColumn)) throw new Error(`resource ${what}: not an SQL identifier`);
  return Object.freeze({ what, table, tenantColumn });
}

/** The tenant itself: a core enterprise's callers may touch their own and no other. */
export const CORE_ENTERPRISE = resource('Core enterprise', 'core_enterprises', 'id');

/**
 * The one question every service asks before it reads or changes a record: which of these ids may
 * this caller touch? The bank's staff may touch every record (whether it exists is the loader's
 * question); a core enterprise only its own. Another core enterprise's record answers exactly like
 * a missing one (404), so a caller cannot even learn that it exists.
 */
@Injectable()
export class AccessService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The subset of `ids` the caller may touch. */
  accessibleIds(actor: Actor, target: Resource, ids: readonly string[], db: Db = this.db.manager): Promise<Set<string>> {
    return accessibleIds(db, actor, target, ids);
  }

  /** Throws the 404 of the first id the caller may not touch. */
  requireAccess(actor: Actor, target: Resource, ids: string | readonly string[], db: Db = this.db.manager): Promise<void> {
    return requireAccess(db, actor, target, ids);
  }
}

/** AccessService.accessibleIds as a plain function over `db`, for code that runs without Nest. */
export async function accessibleIds(db: Db, actor: Actor, target: Resource, ids: readonly string[]): Promise<Set<string>> {
  const tenant = tenantOf(actor);
  if (tenant === null) return new Set(ids);
  if (target.tenantColumn === 'id') return new Set(ids.filter((id) => id === tenant));
  // What is not an id at all is no record the caller may touch, and never reaches the cast.
  const candidates = [...new Set(ids.filter((id) => UUID_PATTERN.test(id)))];
  if (candidates.length === 0) return new Set();
  const { rows } = await sql<{ id: string }>(
    db,
    `SELECT id FROM ${target.table} WHERE id = ANY($1::uuid[]) AND ${target.tenantColumn} = $2`,
    [candidates, tenant],
  );
  return new Set(rows.map((r) => r.id));
}

/** AccessService.requireAccess as a plain function over `db`. */
export async function requireAccess(db: Db, actor: Actor, target: Resource, ids: string | readonly string[]): Promise<void> {
  const wanted = typeof ids === 'string' ? [ids] : ids;
  const allowed = await accessibleIds(db, actor, target, wanted);
  const refused = wanted.find((id) => !allowed.has(id));
  if (refused !== undefined) throw notFound(target.what, refused);
}
