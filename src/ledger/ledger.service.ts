import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { moneyOfFen } from '../common/money.js';
import { BinaryCopyWriter } from '../database/copy.js';
import { sql } from '../database/sql.js';
import { ACCOUNTS, balancedLines, balanceOf, type Account, type EntryType, type JournalEntry } from './accounts.js';

export interface TrialBalanceLine {
  account: Account;
  debit: string;
  credit: string;
  balance: string;
}

/** One journal entry as a loan's statement shows it: only that loan's lines, money in CNY. */
export interface LoanEntryView {
  id: string;
  type: EntryType;
  businessDate: string;
  reference: string | null;
  postedAt: string;
  lines: { account: Account; debit: string; credit: string }[];
}

/** An entry's header; its lines come from elsewhere (postSelected). */
export type EntryHeader = Omit<JournalEntry, 'lines'>;

export interface TrialBalance {
  accounts: TrialBalanceLine[];
  totalDebit: string;
  totalCredit: string;
}

interface LineRow {
  account: Account;
  debit: string;
  credit: string;
}

/**
 * The double-entry ledger: append-only, amounts in fen. Entries are posted in the caller's
 * transaction, so a posting commits or vanishes with the change of state it records.
 */
@Injectable()
export class LedgerService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Posts many entries in two statements (one for the entries, one for all their lines). */
  async post(m: EntityManager, entries: readonly JournalEntry[]): Promise<void> {
    const kept = entries.map((e) => ({ entry: e, lines: balancedLines(e) })).filter((e) => e.lines.length > 0);
    if (!kept.length) return;
    const ids = await sql<{ id: string }>(
      m,
      `INSERT INTO journal_entries (entry_type, business_date, reference, core_enterprise_id)
       SELECT * FROM unnest($1::text[], $2::date[], $3::text[], $4::uuid[]) RETURNING id`,
      [
        kept.map((e) => e.entry.type),
        kept.map((e) => e.entry.businessDate),
        kept.map((e) => e.entry.reference ?? null),
        kept.map((e) => e.entry.coreEnterpriseId),
      ],
    );
    const cols: [string[], string[], string[], string[], string[], string[], string[]] = [[], [], [], [], [], [], []];
    kept.forEach(({ lines }, i) => {
      for (const l of lines) {
        cols[0].push(ids.rows[i].id);
        cols[1].push(l.loanApplicationId);
        cols[2].push(l.programmeId);
        cols[3].push(l.coreEnterpriseId);
        cols[4].push(l.account);
        cols[5].push(String(l.debit));
        cols[6].push(String(l.credit));
      }
    });
    await sql(
      m,
      `INSERT INTO journal_lines (entry_id, loan_application_id, programme_id, core_enterprise_id, account, debit, credit)
       SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::bigint[], $7::bigint[])`,
      cols,
    );
  }

  /**
   * Thousands of lines of many core enterprises (the end of day's ACCRUAL of a chunk, one entry per
   * business date it closes): one journal entry per date and core enterprise, each balanced (every
   * loan's lines balance by themselves), the lines of all of them sent by one binary COPY; the balance
   * trigger checks them all the same. Needs the caller's transaction (m.queryRunner).
   */
  async postLarge(m: EntityManager, entries: readonly Omit<JournalEntry, 'coreEnterpriseId'>[]): Promise<void> {
    const posted = entries.map((entry) => ({ entry, lines: balancedLines(entry) })).filter((e) => e.lines.length > 0);
    if (!posted.length) return;
    const heads = posted.flatMap(({ entry, lines }) => [...new Set(lines.map((l) => l.coreEnterpriseId))].map((ce) => ({ entry, ce })));
    const ids = await sql<{ id: string; business_date: string; core_enterprise_id: string }>(
      m,
      `INSERT INTO journal_entries (entry_type, business_date, reference, core_enterprise_id)
       SELECT * FROM unnest($1::text[], $2::date[], $3::text[], $4::uuid[])
       RETURNING id, business_date::text, core_enterprise_id`,
      [
        heads.map((h) => h.entry.type),
        heads.map((h) => h.entry.businessDate),
        heads.map((h) => h.entry.reference ?? null),
        heads.map((h) => h.ce),
      ],
    );
    const entryOf = new Map(ids.rows.map((r) => [`${r.business_date} ${r.core_enterprise_id}`, BigInt(r.id)]));
    const copy = new BinaryCopyWriter(
      m.queryRunner!,
      `COPY journal_lines (entry_id, loan_application_id, programme_id, core_enterprise_id, account, debit, credit) FROM STDIN (FORMAT binary)`,
    );
    const out = copy.encoded;
    try {
      for (const { entry, lines } of posted)
        for (const l of lines) {
          out.row(7);
          out.int8(entryOf.get(`${entry.businessDate} ${l.coreEnterpriseId}`)!);
          out.uuid(l.loanApplicationId);
          out.uuid(l.programmeId);
          out.uuid(l.coreEnterpriseId);
          out.text(l.account);
          out.int8(l.debit);
          out.int8(l.credit);
          await copy.send();
        }
    } catch (err) {
      copy.abort();
      throw err;
    }
    await copy.end();
  }

  /**
   * One entry whose lines a query selects in the caller's transaction, inserted by one INSERT ...
   * SELECT: for lines PostgreSQL can derive from rows it holds (a settlement's prepared repayments),
   * which then never travel to the service and back. `lines` yields (loan_application_id,
   * programme_id, core_enterprise_id, account, debit, credit), debit and credit in fen; zero lines are
   * left out, and the balance trigger checks the entry as a whole. Answers the entry's id, or null
   * when there is no line to post (no entry is made).
   */
  async postSelected(m: EntityManager, entry: EntryHeader, lines: string, params: readonly unknown[] = []): Promise<string | null> {
    const moving = `SELECT * FROM (${lines}) AS l (loan_application_id, programme_id, core_enterprise_id, account, debit, credit)
                     WHERE l.debit <> 0 OR l.credit <> 0`;
    const any = await sql(m, `SELECT 1 FROM (${moving}) AS l LIMIT 1`, [...params]);
    if (!any.rows.length) return null;
    const id = await sql<{ id: string }>(
      m,
      `INSERT INTO journal_entries (entry_type, business_date, reference, core_enterprise_id) VALUES ($1, $2, $3, $4) RETURNING id::text`,
      [entry.type, entry.businessDate, entry.reference ?? null, entry.coreEnterpriseId],
    );
    const entryId = id.rows[0].id;
    await sql(
      m,
      `INSERT INTO journal_lines (entry_id, loan_application_id, programme_id, core_enterprise_id, account, debit, credit)
       SELECT $${params.length + 1}::bigint, l.* FROM (${moving}) AS l`,
      [...params, entryId],
    );
    return entryId;
  }

  /** Each account's balance (fen) for the given loans: what their statements must equal. */
  async loanBalances(m: EntityManager, loanIds: readonly string[]): Promise<Map<string, Record<Account, bigint>>> {
    const r = await sql<{ loan_application_id: string; account: Account; debit: string; credit: string }>(
      m,
      `SELECT loan_application_id, account, sum(debit)::text AS debit, sum(credit)::text AS credit
         FROM journal_lines WHERE loan_application_id = ANY($1::uuid[]) GROUP BY loan_application_id, account`,
      [loanIds],
    );
    const out = new Map<string, Record<Account, bigint>>();
    for (const id of loanIds) out.set(id, Object.fromEntries(ACCOUNTS.map((a) => [a, 0n])) as Record<Account, bigint>);
    for (const row of r.rows)
      out.get(row.loan_application_id)![row.account] = balanceOf(row.account, BigInt(row.debit), BigInt(row.credit));
    return out;
  }

  /** A loan's entries in the order they were posted, each with its lines on that loan. */
  async loanEntries(m: EntityManager, loanId: string): Promise<LoanEntryView[]> {
    const r = await sql<{
      id: string;
      entry_type: EntryType;
      business_date: string;
      reference: string | null;
      created_at: Date;
      lines: LineRow[];
    }>(
      m,
      `SELECT e.id::text, e.entry_type, e.business_date::text, e.reference, e.created_at,
              json_agg(json_build_object('account', l.account, 'debit', l.debit::text, 'credit', l.credit::text) ORDER BY l.debit = 0, l.account) AS lines
         FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
        WHERE l.loan_application_id = $1
        GROUP BY e.id ORDER BY e.id`,
      [loanId],
    );
    return r.rows.map((e) => ({
      id: e.id,
      type: e.entry_type,
      businessDate: e.business_date,
      reference: e.reference,
      postedAt: e.created_at.toISOString(),
      lines: e.lines.map((l) => ({ account: l.account, debit: moneyOfFen(BigInt(l.debit)), credit: moneyOfFen(BigInt(l.credit)) })),
    }));
  }

  /** Every account's debits and credits, for one programme or all: the totals are always equal. */
  async trialBalance(programmeId?: string): Promise<TrialBalance> {
    const r = await sql<{ account: Account; debit: string; credit: string }>(
      this.dataSource.manager,
      `SELECT account, sum(debit)::text AS debit, sum(credit)::text AS credit FROM journal_lines
        WHERE ($1::uuid IS NULL OR programme_id = $1) GROUP BY account`,
      [programmeId ?? null],
    );
    const byAccount = new Map(r.rows.map((row) => [row.account, row]));
    let totalDebit = 0n;
    let totalCredit = 0n;
    const accounts = ACCOUNTS.map((account) => {
      const debit = BigInt(byAccount.get(account)?.debit ?? '0');
      const credit = BigInt(byAccount.get(account)?.credit ?? '0');
      totalDebit += debit;
      totalCredit += credit;
      return { account, debit: moneyOfFen(debit), credit: moneyOfFen(credit), balance: moneyOfFen(balanceOf(account, debit, credit)) };
    });
    return { accounts, totalDebit: moneyOfFen(totalDebit), totalCredit: moneyOfFen(totalCredit) };
  }
}
