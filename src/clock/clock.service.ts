import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../common/access/actor.js';
import { businessDate } from '../common/business-date.js';
import { DomainError } from '../common/errors.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/tokens.js';
import { sql } from '../database/sql.js';
import { isBackwards } from './clock-rules.js';
import { ClockErrors } from './clock.errors.js';
import type { ClockResponse } from './dto.js';

/**
 * The one answer to "what is today?". With CLOCK=real it is the calendar date in the asker's time
 * zone; with CLOCK=simulated it is the date an ADMIN set (kept in service_clock, so every instance
 * and every restart sees it), or the real date until one is set.
 */
@Injectable()
export class ClockService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  /** The business date in `timeZone`. `manager`: read on the caller's connection (inside its transaction). */
  async today(timeZone: string, manager: EntityManager = this.dataSource.manager): Promise<string> {
    if (this.config.clock === 'real') return businessDate(timeZone);
    return (await this.simulated(manager)) ?? businessDate(timeZone);
  }

  async read(): Promise<ClockResponse> {
    const zone = this.config.businessTimeZone;
    const set = this.config.clock === 'simulated' ? await this.simulated(this.dataSource.manager) : null;
    return { mode: this.config.clock, today: set ?? businessDate(zone), timeZone: zone, set: set !== null };
  }

  /** Moves the simulated date to `today` (the DTO checked its form); never back. */
  async set(actor: Actor, today: string): Promise<ClockResponse> {
    if (this.config.clock !== 'simulated') {
      throw new DomainError(ClockErrors.CLOCK_NOT_SIMULATED, 'Start the service with CLOCK=simulated to set its business date');
    }
    await this.dataSource.transaction(async (m) => {
      // the row lock orders concurrent moves: each compares with the date the one before it left
      const r = await sql<{ today: string | null }>(m, `SELECT today::text FROM service_clock WHERE id FOR UPDATE`);
      const before = r.rows[0].today;
      const current = before ?? businessDate(this.config.businessTimeZone);
      if (isBackwards(current, today)) {
        throw new DomainError(ClockErrors.CLOCK_BACKWARDS, `The business date is ${current}; it cannot go back to ${today}`, {
          today: current,
        });
      }
      if (before === today) return;
      await sql(m, `UPDATE service_clock SET today = $1, updated_at = now(), updated_by = $2 WHERE id`, [today, actor.name]);
      await this.audit.record(m, actor, {
        action: 'CLOCK_SET',
        entityType: 'Clock',
        entityId: 'business-date',
        before: { today: before },
        after: { today },
      });
    });
    return this.read();
  }

  private async simulated(manager: EntityManager): Promise<string | null> {
    const r = await sql<{ today: string | null }>(manager, `SELECT today::text FROM service_clock WHERE id`);
    return r.rows[0]?.today ?? null;
  }
}
