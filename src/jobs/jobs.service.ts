import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { setTimeout } from 'node:timers/promises';
import PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG } from '../config/tokens.js';
import type { AppConfig } from '../config/app-config.js';
import { sql } from '../database/sql.js';

/** pg-boss re-checks stopping workers at this period (manager.js offWork). */
const WORKER_STOP_POLL_MS = 1_100;
/** How long shutdown waits, after pg-boss's own timeout, for handlers that are still running. */
const HANDLER_DRAIN_MS = 30_000;

export interface QueueDefinition<T> {
  name: string;
  /** Jobs of this queue run at most this many at a time in each instance. */
  concurrency: number;
  /** A job still active after this long is presumed dead (its worker crashed) and retried. */
  expireInSeconds: number;
  maxRetries: number;
  handle: (data: T, job: PgBoss.Job<T>) => Promise<unknown>;
}

/**
 * The PostgreSQL-backed job queue (pg-boss). A job is sent in the same transaction as the state
 * change that needs it, so it exists exactly when that change committed.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly queues = new Map<string, QueueDefinition<never>>();
  private readonly workerIds = new Map<string, string[]>();
  private boss: PgBoss | undefined;
  private running = 0;
  private started: Promise<void> | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Feature modules declare their queues in onModuleInit; workers start after bootstrap. */
  define<T>(queue: QueueDefinition<T>): void {
    this.queues.set(queue.name, queue as QueueDefinition<never>);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.start();
  }

  start(): Promise<void> {
    this.started ??= (async () => {
      const workers = this.config.runWorkers ? [...this.queues.values()].reduce((n, q) => n + q.concurrency, 0) : 0;
      const boss = new PgBoss({
        connectionString: this.config.databaseUrl!,
        // A connection for every worker's poll, and two for sending and maintenance: a poll waiting for a
        // connection when the pool closes at shutdown waits for ever, so its worker never stops and
        // pg-boss's loop waiting for it polls on after the process (or a test's module registry) is gone.
        max: Math.max(4, workers + 2),
        application_name: 'chainlend-jobs',
        schema: 'pgboss',
        migrate: true,
        supervise: true,
        schedule: false,
        pollingIntervalSeconds: this.config.jobPollingMs / 1000,
        maintenanceIntervalSeconds: 60,
      });
      boss.on('error', (err) => this.logger.error({ err }, 'job queue error'));
      await boss.start();
      this.boss = boss;
      for (const q of this.queues.values()) {
        await boss.createQueue(q.name, {
          name: q.name,
          retryLimit: q.maxRetries,
          retryDelay: 1,
          retryBackoff: true,
          expireInSeconds: q.expireInSeconds,
        });
      }
      if (this.config.runWorkers) {
        for (const q of this.queues.values()) {
          const ids: string[] = [];
          for (let i = 0; i < q.concurrency; i++) {
            ids.push(
              await boss.work<never>(q.name, { batchSize: 1, pollingIntervalSeconds: this.config.jobPollingMs / 1000 }, async ([job]) => {
                this.running++;
                try {
                  return await q.handle(job.data, job);
                } catch (err) {
                  this.logger.error({ err, queue: q.name, jobId: job.id }, 'job failed');
                  throw err;
                } finally {
                  this.running--;
                }
              }),
            );
          }
          this.workerIds.set(q.name, ids);
        }
      }
    })();
    return this.started;
  }

  /** Enqueues inside the caller's transaction: the job commits or rolls back with it. */
  async send<T extends object>(manager: EntityManager, queue: string, data: T, options: PgBoss.SendOptions = {}): Promise<string | null> {
    if (!this.boss) await this.start();
    const db = { executeSql: (text: string, values: unknown[]) => sql(manager, text, values) };
    return this.boss!.send(queue, data, { ...options, db });
  }

  /** Wakes this instance's idle workers of a queue now rather than at their next poll. */
  notify(queue: string): void {
    for (const id of this.workerIds.get(queue) ?? []) this.boss?.notifyWorker(id);
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.boss) return;
    await this.boss.stop({ graceful: true, wait: true, timeout: 20_000 }).catch((err) => this.logger.warn({ err }, 'job queue stop'));
    this.boss = undefined;
    // pg-boss's stop gives up waiting for running jobs after its timeout, and its own loop that waits
    // for the workers to stop keeps polling once a second, detached. A worker stops once its handler
    // returns: outlive both, so that no pg-boss timer fires after the process, or a test's module
    // registry, has moved on.
    if (this.workerIds.size === 0) return;
    const deadline = Date.now() + HANDLER_DRAIN_MS;
    while (this.running > 0 && Date.now() < deadline) await setTimeout(100);
    if (this.running > 0) this.logger.warn({ running: this.running }, 'jobs still running at shutdown');
    await setTimeout(WORKER_STOP_POLL_MS);
  }
}
