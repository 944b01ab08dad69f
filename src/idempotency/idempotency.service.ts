import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { canonicalJson } from '../common/canonical-json.js';
import { CommonErrors, DomainError } from '../common/errors.js';
import { sql } from '../database/sql.js';

export type Claim =
  | { kind: 'new' }
  | { kind: 'replay'; status: number; body: unknown };

/** A request left IN_PROGRESS this long ago belongs to a process that died; it may be run again. */
const ABANDONED_AFTER_SECONDS = 300;

export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${path}\n`).update(canonicalJson(body)).digest('hex');
}

/**
 * Idempotency-Key bookkeeping, per caller. The first request with a key claims it; a repeat with the
 * same request gets the stored response, a repeat with another request 422, a repeat while the first
 * still runs 409. Failed requests release their key so that the caller can retry.
 */
@Injectable()
export class IdempotencyService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async claim(caller: string, key: string, method: string, path: string, hash: string): Promise<Claim> {
    if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
      throw new DomainError(CommonErrors.INVALID_IDEMPOTENCY_KEY, 'Idempotency-Key must be 1-255 printable ASCII characters');
    }
    const m = this.dataSource.manager;
    const inserted = await sql(
      m,
      `INSERT INTO idempotency_keys (caller, key, request_hash, method, path, state) VALUES ($1, $2, $3, $4, $5, 'IN_PROGRESS')
       ON CONFLICT (caller, key) DO UPDATE SET request_hash = excluded.request_hash, method = excluded.method, path = excluded.path,
              created_at = now()
        WHERE idempotency_keys.state = 'IN_PROGRESS' AND idempotency_keys.request_hash = excluded.request_hash
          AND idempotency_keys.created_at < now() - make_interval(secs => $6)
       RETURNING 1`,
      [caller, key, hash, method, path, ABANDONED_AFTER_SECONDS],
    );
    if (inserted.rowCount) return { kind: 'new' };
    const r = await sql<{ request_hash: string; state: string; response_status: number; response_body: unknown }>(
      m,
      `SELECT request_hash, state, response_status, response_body FROM idempotency_keys WHERE caller = $1 AND key = $2`,
      [caller, key],
    );
    const row = r.rows[0];
    if (!row) return this.claim(caller, key, method, path, hash); // released between our two statements
    if (row.request_hash !== hash) {
      throw new DomainError(CommonErrors.IDEMPOTENCY_KEY_REUSED, 'This Idempotency-Key was already used with a different request');
    }
    if (row.state !== 'COMPLETED') {
      throw new DomainError(CommonErrors.IDEMPOTENCY_REQUEST_IN_PROGRESS, 'The first request with this Idempotency-Key is still running; retry later', {
        headers: { 'Retry-After': '1' },
      });
    }
    return { kind: 'replay', status: row.response_status, body: row.response_body };
  }

  async complete(caller: string, key: string, status: number, body: unknown): Promise<void> {
    await sql(
      this.dataSource.manager,
      `UPDATE idempotency_keys SET state = 'COMPLETED', response_status = $3, response_body = $4, completed_at = now()
        WHERE caller = $1 AND key = $2`,
      [caller, key, status, JSON.stringify(body ?? null)],
    );
  }

  async release(caller: string, key: string): Promise<void> {
    await sql(this.dataSource.manager, `DELETE FROM idempotency_keys WHERE caller = $1 AND key = $2 AND state = 'IN_PROGRESS'`, [caller, key]);
  }
}
