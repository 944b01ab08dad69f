import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHmac } from 'node:crypto';
import type { DataSource, QueryRunner } from 'typeorm';
import { canonicalJson } from '../common/canonical-json.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/tokens.js';
import { CommonErrors, DomainError } from '../common/errors.js';
import { pgCode, sql } from '../database/sql.js';
import { IdempotencyErrors } from './idempotency.errors.js';

export type Claim = { kind: 'new' } | { kind: 'replay'; status: number; body: unknown };

/** A request left IN_PROGRESS this long ago belongs to a process that died; it may be run again if none of its work committed. */
const ABANDONED_AFTER_SECONDS = 300;

export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

interface KeyedWork {
  caller: string;
  key: string;
}

/** The claimed key whose work is running in this async context, if any. */
const keyedWork = new AsyncLocalStorage<KeyedWork>();

/**
 * Idempotency-Key bookkeeping, per caller. The first request with a key claims it; a repeat with the
 * same request gets the stored response, a repeat with another request 422, a repeat while the first
 * still runs 409.
 *
 * A key must never run twice once any of its work committed. So every transaction that writes while
 * a key's work runs (see `within`) marks the key row in that same transaction, just before its
 * commit: the mark exists exactly when some of the work does, whatever crashes afterwards. A failed
 * request gives its key back only when nothing was marked; otherwise the key is kept with its outcome
 * unknown, and a repeat is told to look the result up instead of running again.
 */
@Injectable()
export class IdempotencyService implements OnModuleInit {
  private readonly logger = new Logger('Idempotency');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The fingerprint that tells a repeat from another request with the same key. Keyed with the
   * service's secret: bodies hold passwords (users, password resets), and a plain hash kept in the
   * database could be tested offline against guessed ones.
   */
  requestHash(method: string, path: string, body: unknown): string {
    return createHmac('sha256', this.config.jwtSecret).update(`${method} ${path}\n`).update(canonicalJson(body)).digest('hex');
  }

  onModuleInit(): void {
    this.dataSource.subscribers.push({ beforeTransactionCommit: (event) => this.markWorkCommitted(event.queryRunner) });
  }

  /**
   * Runs `work` at most once for the caller's key: a repeat of the same request is answered with the
   * stored `status` and the stored form of the first result (`stored`, the result itself by default).
   */
  async once<T>(
    caller: string,
    key: string,
    request: { method: string; path: string; fingerprint: string },
    status: number,
    work: () => Promise<T>,
    stored: (result: T) => unknown = (result) => result,
  ): Promise<{ replayed: true; status: number; body: unknown } | { replayed: false; result: T }> {
    const claim = await this.claim(caller, key, request.method, request.path, request.fingerprint);
    if (claim.kind === 'replay') return { replayed: true, status: claim.status, body: claim.body };
    let result: T;
    try {
      result = await this.within(caller, key, work);
    } catch (err) {
      await this.release(caller, key).catch(() => undefined);
      throw err;
    }
    try {
      await this.complete(caller, key, status, stored(result));
    } catch (err) {
      // The work is done: answer it. A repeat cannot be replayed now, and release() keeps the key if
      // the work committed, so that the repeat is told to look the result up rather than run again.
      // Not the error itself: it would carry the response, as a query parameter, into the logs.
      this.logger.error({ caller, code: pgCode(err) }, 'the response of an idempotent request could not be stored');
      await this.release(caller, key).catch(() => undefined);
    }
    return { replayed: false, result };
  }

  /** Runs a claimed key's work: whatever it commits, from here or anything it calls, marks the key. */
  within<T>(caller: string, key: string, work: () => Promise<T>): Promise<T> {
    return keyedWork.run({ caller, key }, work);
  }

  private async markWorkCommitted(runner: QueryRunner): Promise<void> {
    const work = keyedWork.getStore();
    if (!work) return;
    // A transaction that wrote nothing (a consistent read, say) is no work of the key's.
    await runner.query(
      `UPDATE idempotency_keys SET work_committed_at = coalesce(work_committed_at, now())
        WHERE caller = $1 AND key = $2 AND pg_current_xact_id_if_assigned() IS NOT NULL`,
      [work.caller, work.key],
    );
  }

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
          AND idempotency_keys.created_at < now() - make_interval(secs => $6) AND idempotency_keys.work_committed_at IS NULL
       RETURNING 1`,
      [caller, key, hash, method, path, ABANDONED_AFTER_SECONDS],
    );
    if (inserted.rowCount) return { kind: 'new' };
    const r = await sql<{
      request_hash: string;
      state: string;
      response_status: number;
      response_body: unknown;
      committed: boolean;
      abandoned: boolean;
    }>(
      m,
      `SELECT request_hash, state, response_status, response_body, work_committed_at IS NOT NULL AS committed,
              created_at < now() - make_interval(secs => $3) AS abandoned
         FROM idempotency_keys WHERE caller = $1 AND key = $2`,
      [caller, key, ABANDONED_AFTER_SECONDS],
    );
    const row = r.rows[0];
    if (!row) return this.claim(caller, key, method, path, hash); // released between our two statements
    if (row.request_hash !== hash) {
      throw new DomainError(CommonErrors.IDEMPOTENCY_KEY_REUSED, 'This Idempotency-Key was already used with a different request');
    }
    if (row.state === 'COMPLETED') return { kind: 'replay', status: row.response_status, body: row.response_body };
    if (row.state === 'OUTCOME_UNKNOWN' || (row.committed && row.abandoned)) {
      throw new DomainError(
        IdempotencyErrors.IDEMPOTENCY_OUTCOME_UNKNOWN,
        'The first request with this Idempotency-Key made its changes, but its response was lost; it will not run again. ' +
          'Look up what it created or changed (list or read the resource) before deciding to send it again with a new key.',
      );
    }
    throw new DomainError(
      CommonErrors.IDEMPOTENCY_REQUEST_IN_PROGRESS,
      'The first request with this Idempotency-Key is still running; retry later',
      {
        headers: { 'Retry-After': '1' },
      },
    );
  }

  async complete(caller: string, key: string, status: number, body: unknown): Promise<void> {
    await sql(
      this.dataSource.manager,
      `UPDATE idempotency_keys SET state = 'COMPLETED', response_status = $3, response_body = $4, completed_at = now()
        WHERE caller = $1 AND key = $2`,
      [caller, key, status, JSON.stringify(body ?? null)],
    );
  }

  /**
   * After a request that failed, or whose response could not be stored: the key is given back when
   * none of its work committed (the caller may try again), and otherwise kept with its outcome unknown.
   */
  async release(caller: string, key: string): Promise<void> {
    await sql(
      this.dataSource.manager,
      `WITH given_back AS (
         DELETE FROM idempotency_keys WHERE caller = $1 AND key = $2 AND state = 'IN_PROGRESS' AND work_committed_at IS NULL
       )
       UPDATE idempotency_keys SET state = 'OUTCOME_UNKNOWN'
        WHERE caller = $1 AND key = $2 AND state = 'IN_PROGRESS' AND work_committed_at IS NOT NULL`,
      [caller, key],
    );
  }
}
