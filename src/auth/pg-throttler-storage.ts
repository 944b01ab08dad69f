import { Injectable } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { sql } from '../database/sql.js';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * @nestjs/throttler's storage contract, in PostgreSQL, so that a limit holds across every instance. One
 * upsert per request counts the hit, starts a new window when the last one is over, and starts a
 * block when the hits pass the limit; while blocked nothing is counted. Fixed windows: a client
 * gets at most twice the limit across a window boundary, which is enough for these limits.
 */
@Injectable()
export class PgThrottlerStorage implements ThrottlerStorage {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async increment(key: string, ttlMs: number, limit: number, blockDurationMs: number): Promise<ThrottlerStorageRecord> {
    const r = await sql<{ hits: number; time_to_expire: number; blocked: boolean; time_to_block_expire: number }>(
      this.dataSource.manager,
      `INSERT INTO throttle_counters AS c (key, hits, window_ends_at)
       VALUES ($1, 1, now() + make_interval(secs => $2::float8 / 1000))
       ON CONFLICT (key) DO UPDATE SET (hits, window_ends_at, blocked_until) = (
         SELECT hits, window_ends_at,
                CASE WHEN blocked THEN c.blocked_until WHEN hits > $3 THEN now() + make_interval(secs => $4::float8 / 1000) END
           FROM (SELECT blocked,
                        CASE WHEN blocked THEN c.hits WHEN expired THEN 1 ELSE c.hits + 1 END AS hits,
                        CASE WHEN expired AND NOT blocked THEN now() + make_interval(secs => $2::float8 / 1000) ELSE c.window_ends_at END AS window_ends_at
                   FROM (SELECT coalesce(c.blocked_until > now(), false) AS blocked, c.window_ends_at <= now() AS expired) state) next)
       RETURNING hits,
                 greatest(ceil(extract(epoch FROM window_ends_at - now())), 0)::int AS time_to_expire,
                 coalesce(blocked_until > now(), false) AS blocked,
                 greatest(ceil(extract(epoch FROM blocked_until - now())), 0)::int AS time_to_block_expire`,
      [key, ttlMs, limit, blockDurationMs],
    );
    const row = r.rows[0];
    return { totalHits: row.hits, timeToExpire: row.time_to_expire, isBlocked: row.blocked, timeToBlockExpire: row.time_to_block_expire };
  }

  /** Deletes the counters whose window and block are both over. */
  async sweep(): Promise<number> {
    const r = await sql(this.dataSource.manager, `DELETE FROM throttle_counters WHERE greatest(window_ends_at, blocked_until) < now()`);
    return r.rowCount;
  }
}
