import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { LoginAttemptsService } from './login-attempts.service.js';
import { PgThrottlerStorage } from './pg-throttler-storage.js';

const SWEEP_INTERVAL_MS = 5 * 60 * 1000;

/**
 * Deletes rate-limit counters and login counters that have nothing left to remember, so that
 * requests for made-up usernames from made-up addresses do not grow the tables for good. Every
 * instance sweeps; the deletes are idempotent.
 */
@Injectable()
export class ThrottleSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ThrottleSweeper');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly counters: PgThrottlerStorage,
    private readonly attempts: LoginAttemptsService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.sweep().catch((err) => this.logger.warn({ err }, 'sweeping old throttling rows failed; the next sweep retries'));
    }, SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async sweep(): Promise<void> {
    const counters = await this.counters.sweep();
    const attempts = await this.attempts.sweep();
    if (counters || attempts) this.logger.debug({ counters, attempts }, 'swept old throttling rows');
  }
}
