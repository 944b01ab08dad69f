import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/tokens.js';
import { maskBankAccount } from '../common/identifiers.js';
import { money } from '../common/money.js';
import type { Page } from '../common/pagination.js';
import { sql } from '../database/sql.js';
import { pageOf } from '../database/paging.js';

export interface SimTransferRequest {
  endToEndId: string;
  reference: string;
  amount: string;
  creditorAccount: string;
  creditorName?: string;
}

export interface SimTransfer {
  endToEndId: string;
  reference: string;
  amount: string;
  creditorAccount: string;
  status: 'SETTLED' | 'REJECTED';
  reasonCode: string | null;
  reasonText: string | null;
  createdAt: string;
}

export interface SimBehaviour {
  /** Share of transfers refused as a bad account (decided per endToEndId, so a repeat gets the same answer). */
  rejectShare: number;
  /** Share of calls that time out, half before the bank records the transfer and half after. */
  timeoutShare: number;
  latencyMs: number;
  /** Accounts the bank always refuses (AC01), for tests. */
  badAccounts: Set<string>;
}

/** Thrown where a real channel would time out: whether the bank booked the transfer is unknown. */
export class SimTimeoutError extends Error {
  constructor(readonly recorded: boolean) {
    super('bank simulator: time-out');
    this.name = 'SimTimeoutError';
  }
}

const SCHEMA_LOCK = 'chainlend:bank-sim-schema';

function row(r: Record<string, unknown>): SimTransfer {
  return {
    endToEndId: r.end_to_end_id as string,
    reference: r.reference as string,
    amount: money(r.amount as string),
    creditorAccount: r.creditor_account as string,
    status: r.status as SimTransfer['status'],
    reasonCode: (r.reason_code as string | null) ?? null,
    reasonText: (r.reason_text as string | null) ?? null,
    createdAt: (r.created_at as Date).toISOString(),
  };
}

/**
 * A transfer as the simulator's HTTP API shows it, to people and to the service alike: the account
 * masked like every other list (the payment channel needs only the status, by endToEndId).
 */
export function transferView(t: SimTransfer): SimTransfer {
  return { ...t, creditorAccount: maskBankAccount(t.creditorAccount)! };
}

export function transferPageView(page: Page<SimTransfer>): Page<SimTransfer> {
  return { ...page, items: page.items.map(transferView) };
}

/**
 * A stand-in for the bank's core system, with tables of its own (schema bank_sim): it books a credit
 * transfer once per endToEndId (a repeat returns the first result), answers status queries, and can be
 * told to refuse some transfers or to time out, so retries and crash recovery get exercised.
 */
@Injectable()
export class BankSimService implements OnModuleInit {
  private behaviour: SimBehaviour;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.behaviour = { ...config.bankSim, badAccounts: new Set() };
  }

  async onModuleInit(): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await sql(m, `SELECT pg_advisory_xact_lock(hashtext($1))`, [SCHEMA_LOCK]);
      await sql(m, `CREATE SCHEMA IF NOT EXISTS bank_sim`);
      await sql(
        m,
        `CREATE TABLE IF NOT EXISTS bank_sim.transfers (
           end_to_end_id text PRIMARY KEY,
           reference text NOT NULL,
           amount numeric(18,2) NOT NULL,
           currency text NOT NULL DEFAULT 'CNY',
           creditor_account text NOT NULL,
           creditor_name text,
           status text NOT NULL CHECK (status IN ('SETTLED', 'REJECTED')),
           reason_code text,
           reason_text text,
           created_at timestamptz NOT NULL DEFAULT clock_timestamp()
         )`,
      );
      await sql(m, `CREATE INDEX IF NOT EXISTS ix_bank_sim_transfers_reference ON bank_sim.transfers (reference)`);
    });
  }

  /** Tests and benchmarks change the bank's behaviour at run time. */
  configure(change: Partial<Omit<SimBehaviour, 'badAccounts'>> & { badAccounts?: Iterable<string> }): void {
    this.behaviour = {
      ...this.behaviour,
      ...change,
      badAccounts: change.badAccounts ? new Set(change.badAccounts) : this.behaviour.badAccounts,
    };
  }

  async credit(t: SimTransferRequest): Promise<SimTransfer> {
    const b = this.behaviour;
    if (b.latencyMs) await new Promise((r) => setTimeout(r, b.latencyMs));
    const timeout = b.timeoutShare > 0 && Math.random() < b.timeoutShare;
    if (timeout && Math.random() < 0.5) throw new SimTimeoutError(false);
    const rejected = b.badAccounts.has(t.creditorAccount) || this.share(t.endToEndId) < b.rejectShare;
    const inserted = await sql<Record<string, unknown>>(
      this.dataSource.manager,
      `INSERT INTO bank_sim.transfers (end_to_end_id, reference, amount, creditor_account, creditor_name, status, reason_code, reason_text)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (end_to_end_id) DO NOTHING RETURNING *`,
      [
        t.endToEndId,
        t.reference,
        t.amount,
        t.creditorAccount,
        t.creditorName ?? null,
        rejected ? 'REJECTED' : 'SETTLED',
        rejected ? 'AC01' : null,
        rejected ? 'Incorrect account number' : null,
      ],
    );
    const result = inserted.rows[0] ? row(inserted.rows[0]) : (await this.status(t.endToEndId))!;
    if (timeout) throw new SimTimeoutError(true);
    return result;
  }

  async status(endToEndId: string): Promise<SimTransfer | null> {
    const r = await sql<Record<string, unknown>>(this.dataSource.manager, `SELECT * FROM bank_sim.transfers WHERE end_to_end_id = $1`, [
      endToEndId,
    ]);
    return r.rows[0] ? row(r.rows[0]) : null;
  }

  async list(q: { reference?: string; endToEndId?: string; status?: string; page: number; pageSize: number }): Promise<Page<SimTransfer>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.reference) where.push(`reference = $${params.push(q.reference)}`);
    if (q.endToEndId) where.push(`end_to_end_id = $${params.push(q.endToEndId)}`);
    if (q.status) where.push(`status = $${params.push(q.status)}`);
    return pageOf(
      this.dataSource.manager,
      { columns: '*', from: 'bank_sim.transfers', where, params, orderBy: 'created_at, end_to_end_id' },
      q,
      row,
    );
  }

  private share(endToEndId: string): number {
    return createHash('sha256').update(endToEndId).digest().readUInt32BE(0) / 0x1_0000_0000;
  }
}
