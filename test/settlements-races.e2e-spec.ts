import { approvedBatch, approvedLoans, executeAndWait, lendingSetup, type LendingSetup } from './support/disbursements.js';
import { LIMIT_150K } from './support/loans.js';
import { expectServicingInvariants } from './support/servicing-invariants.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/*
 * A settlement's confirmation races a direct repayment of one of its loans and an end of day on the
 * same loans (issue 11 "Correctness"): whichever wins, no fen is applied twice. The settlement is
 * either CONFIRMED with every allocation posted once, or refused (409) with none posted.
 */
const V = '2030-03-02';
const ROUNDS = 8;

type Auth = Record<string, string>;

describe('settlement confirmation racing repayments and the end of day', () => {
  let t: TestApp;
  let s: LendingSetup;
  let codes: string[];
  let loanIds: string[];

  const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const setClock = async (today: string) => expect((await t.http().put('/clock').set(t.admin.auth).send({ today })).status).toBe(200);

  async function cobIdle(): Promise<void> {
    for (let i = 0; ; i++) {
      const open = await t.db.query(`SELECT count(*)::int AS n FROM cob_runs WHERE status IN ('QUEUED', 'RUNNING')`);
      if (!open[0].n) return;
      if (i > 600) throw new Error('the end of day is still running');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function computed(auth: Auth, round: number): Promise<Record<string, any>> {
    const file = ['supplier_code,payable_amount,period', ...codes.map((c, i) => `${c},${1000 + 100 * i + round}.00,R${round}`)].join(
      '\r\n',
    );
    const up = await t.http().post(`/core-enterprises/${s.ce.id}/settlements`).set(auth).attach('file', Buffer.from(file), 'r.csv');
    expect(up.status).toBe(202);
    for (let i = 0; ; i++) {
      const res = await t.http().get(`/settlements/${up.body.settlementId}`).set(auth);
      if (res.body.status !== 'QUEUED') return res.body;
      if (i > 600) throw new Error('settlement still QUEUED');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Each loan's REPAYMENT entries with the settlement's reference, and what they credited. */
  async function postedBy(settlementId: string) {
    return (await t.db.query(
      `SELECT l.loan_application_id AS id, count(DISTINCT e.id)::int AS entries,
              sum(l.credit) FILTER (WHERE l.account = 'PENALTY_RECEIVABLE')::text AS penalty,
              sum(l.credit) FILTER (WHERE l.account = 'INTEREST_RECEIVABLE')::text AS interest,
              sum(l.credit) FILTER (WHERE l.account = 'LOAN_PRINCIPAL')::text AS principal
         FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id
        WHERE e.reference = $1 AND e.entry_type = 'REPAYMENT' GROUP BY 1 ORDER BY 1`,
      [`settlement:${settlementId}`],
    )) as { id: string; entries: number; penalty: string | null; interest: string | null; principal: string | null }[];
  }

  /** The allocations the computation showed, as the ledger would hold them (fen, zero lines absent). */
  async function allocations(settlementId: string, auth: Auth) {
    const res = await t.http().get(`/settlements/${settlementId}/lines`).query({ pageSize: 500 }).set(auth);
    const fen = (a: string) => {
      const n = BigInt(a.replace('.', ''));
      return n === 0n ? null : String(n);
    };
    return (res.body.items as Record<string, any>[])
      .flatMap((l) => l.allocations as Record<string, string>[])
      .map((a) => ({
        id: a.loanApplicationId,
        entries: 1,
        penalty: fen(a.penalty),
        interest: fen(a.interest),
        principal: fen(a.principal),
      }))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  /** Each loan's statement: its principal and its REPAYMENT entries agree with the ledger. */
  async function expectStatementsAgree(): Promise<void> {
    for (const id of loanIds) {
      const st = (await t.http().get(`/loan-applications/${id}/statement`).set(s.officer.auth)).body;
      const [ledger] = await t.db.query(
        `SELECT (sum(l.debit - l.credit) FILTER (WHERE l.account = 'LOAN_PRINCIPAL'))::text AS principal,
                count(DISTINCT e.id) FILTER (WHERE e.entry_type = 'REPAYMENT')::int AS repayments
           FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id WHERE l.loan_application_id = $1`,
        [id],
      );
      expect({
        id,
        principal: st.principalOutstanding.replace('.', ''),
        repayments: st.entries.filter((e: any) => e.type === 'REPAYMENT').length,
      }).toEqual({
        id,
        principal: ledger.principal,
        repayments: ledger.repayments,
      });
    }
  }

  beforeAll(async () => {
    t = await createTestApp({ CLOCK: 'simulated' });
    await setClock(V);
    s = await lendingSetup(t, { prepayFromSettlement: true });
    const stamp = Date.now().toString(36);
    codes = Array.from({ length: 4 }, (_, i) => `RACE${i}-${stamp}`);
    const loans = await approvedLoans(
      t,
      s,
      ['40000.00', '30000.00', '20000.00', '25000.00'],
      codes.map((supplierCode) => ({ ...LIMIT_150K, supplierCode })),
    );
    loanIds = loans.map((l) => l.loanId);
    expect((await executeAndWait(t, s, (await approvedBatch(t, s)).id)).status).toBe('COMPLETED');
  });

  afterAll(() => t?.close());

  it('never double-applies a fen: the settlement is CONFIRMED with all its allocations or refused with none', async () => {
    let today = V;
    const outcomes: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const settlement = await computed(s.applicant.auth, round);
      expect(settlement).toMatchObject({ status: 'COMPUTED', businessDate: today });
      const wanted = await allocations(settlement.id, s.applicant.auth);
      expect(wanted.length).toBeGreaterThan(0);
      // every other round the business date moves on first, so the end of day has a date to close
      if (round % 2) {
        today = nextDay(today);
        await setClock(today);
      }
      const target = loanIds[round % loanIds.length];
      const [confirmed, repaid, cob] = await Promise.all([
        t.http().post(`/settlements/${settlement.id}/confirm`).set(s.officer.auth).send({ remittedAmount: settlement.totalDeduction }),
        t
          .http()
          .post(`/loan-applications/${target}/repayments`)
          .set(s.officer.auth)
          .send({ amount: '100.00', reference: `RACE-${round}` }),
        t.http().post('/cob-runs').set(t.admin.auth).send({}),
      ]);
      await cobIdle();
      if (cob.body.id) expect((await t.http().get(`/cob-runs/${cob.body.id}`).set(t.admin.auth)).body.status).toBe('COMPLETED');

      expect([200, 202, 409]).toContain(cob.status);
      if (cob.status === 409) expect(cob.body.code).toBe('COB_RUN_IN_PROGRESS');
      expect([201, 409]).toContain(repaid.status);
      if (repaid.status === 409) expect(repaid.body.code).toBe('COB_PENDING');

      const posted = await postedBy(settlement.id);
      const now = (await t.http().get(`/settlements/${settlement.id}`).set(s.officer.auth)).body;
      if (confirmed.status === 200) {
        expect(now.status).toBe('CONFIRMED');
        expect(posted).toEqual(wanted);
        outcomes.push('CONFIRMED');
      } else {
        expect(confirmed.status).toBe(409);
        expect(['SETTLEMENT_STALE', 'COB_PENDING']).toContain(confirmed.body.code);
        expect(now.status).toBe('COMPUTED');
        expect(posted).toEqual([]);
        outcomes.push(confirmed.body.code);
      }
      // the direct repayment posted at most once too
      const direct = await t.db.query(`SELECT count(*)::int AS n FROM journal_entries WHERE reference = $1`, [`RACE-${round}`]);
      expect(direct[0].n).toBe(repaid.status === 201 ? 1 : 0);

      await expectServicingInvariants(t);
      await expectStatementsAgree();
    }
    // the rounds where the date moved on can never confirm: the settlement was priced on the day before
    outcomes.forEach((o, round) => {
      if (round % 2) expect(o).toBe('SETTLEMENT_STALE');
    });
  });
});
