import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '../common/access/actor.js';
import { ClockService } from '../clock/clock.service.js';
import { fenOfMoney, moneyOfFen } from '../common/money.js';
import { sql } from '../database/sql.js';
import { ProgrammesService } from '../programmes/programmes.service.js';
import { DPD_BUCKETS, dpdBucket } from './dpd-buckets.js';
import type { Classification } from './scenario.js';

const CLASSIFICATIONS: Classification[] = ['NORMAL', 'SPECIAL_MENTION', 'SUBSTANDARD', 'DOUBTFUL', 'LOSS'];

export interface PortfolioView {
  programmeId: string;
  asOf: string;
  loans: number;
  principalOutstanding: string;
  interestAccrued: string;
  penaltyAccrued: string;
  overduePrincipal: string;
  byClassification: Record<Classification, { count: number; principal: string }>;
  byDpd: { bucket: string; count: number; principal: string }[];
}

/**
 * A programme's open loans as its credit committee reads them. Counts and principal come from the
 * servicing rows COB keeps current (DPD, overdue, classification); interest and penalty receivable
 * from the ledger, whose balances are the statements' by construction.
 */
@Injectable()
export class PortfolioService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly programmes: ProgrammesService,
    private readonly clock: ClockService,
  ) {}

  async portfolio(actor: Actor, programmeId: string): Promise<PortfolioView> {
    const programme = await this.programmes.get(actor, programmeId);
    const m = this.dataSource.manager;
    const asOf = await this.clock.today(programme.timeZone, m);
    const groups = await sql<{ classification: Classification; dpd: number; overdue: boolean; count: number; principal: string }>(
      m,
      `SELECT classification, dpd, overdue, count(*)::int AS count, sum(principal_outstanding)::text AS principal
         FROM loan_servicing WHERE programme_id = $1 AND status = 'DISBURSED' GROUP BY classification, dpd, overdue`,
      [programmeId],
    );
    const receivable = await sql<{ account: string; balance: string }>(
      m,
      `SELECT account, (sum(debit) - sum(credit))::text AS balance FROM journal_lines
        WHERE programme_id = $1 AND account IN ('INTEREST_RECEIVABLE', 'PENALTY_RECEIVABLE') GROUP BY account`,
      [programmeId],
    );
    const byClassification = Object.fromEntries(CLASSIFICATIONS.map((c) => [c, { count: 0, principal: 0n }])) as Record<
      Classification,
      { count: number; principal: bigint }
    >;
    const byDpd = new Map<string, { count: number; principal: bigint }>(DPD_BUCKETS.map((b) => [b.bucket, { count: 0, principal: 0n }]));
    let loans = 0;
    let outstanding = 0n;
    let overdue = 0n;
    for (const g of groups.rows) {
      const principal = fenOfMoney(g.principal);
      loans += g.count;
      outstanding += principal;
      if (g.overdue) overdue += principal;
      byClassification[g.classification].count += g.count;
      byClassification[g.classification].principal += principal;
      const bucket = byDpd.get(dpdBucket(g.dpd))!;
      bucket.count += g.count;
      bucket.principal += principal;
    }
    const balance = (account: string) => BigInt(receivable.rows.find((r) => r.account === account)?.balance ?? '0');
    return {
      programmeId,
      asOf,
      loans,
      principalOutstanding: moneyOfFen(outstanding),
      interestAccrued: moneyOfFen(balance('INTEREST_RECEIVABLE')),
      penaltyAccrued: moneyOfFen(balance('PENALTY_RECEIVABLE')),
      overduePrincipal: moneyOfFen(overdue),
      byClassification: Object.fromEntries(
        CLASSIFICATIONS.map((c) => [c, { count: byClassification[c].count, principal: moneyOfFen(byClassification[c].principal) }]),
      ) as PortfolioView['byClassification'],
      byDpd: [...byDpd.entries()].map(([bucket, v]) => ({ bucket, count: v.count, principal: moneyOfFen(v.principal) })),
    };
  }
}
