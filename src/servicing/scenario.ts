/*
 * The contract between the servicing engine (engine.ts, pure functions the COB and repayments use)
 * and the independent interest oracle of the tests (written from domain.md "Servicing" alone): both
 * take a Scenario and answer the StatementFigures of its loan, so that thousands of random loans can
 * be compared to the fen.
 */

export type RepaymentType = 'INTEREST_MONTHLY' | 'BULLET';
export type DayCountBasis = 'ACT/360' | 'ACT/365';
export type Classification = 'NORMAL' | 'SPECIAL_MENTION' | 'SUBSTANDARD' | 'DOUBTFUL' | 'LOSS';

/** A loan's terms, frozen at its final approval; the value date is the day the payment settled. */
export interface LoanTerms {
  /** Decimal string, 2 decimals: "10000.00". */
  principal: string;
  /** Annual rate as a decimal string: "0.0345". */
  annualRate: string;
  basis: DayCountBasis;
  repaymentType: RepaymentType;
  /** 1-31, clamped to the month's last day. */
  interestDay: number;
  graceDays: number;
  /** Decimal string: "1.5". */
  penaltyRateMultiplier: string;
  /** YYYY-MM-DD. */
  valueDate: string;
  termDays: number;
}

/** A direct repayment valued on `date` (COB has completed every date before it). */
export interface ScenarioRepayment {
  date: string;
  /** Decimal string, 2 decimals, > 0. */
  amount: string;
}

export interface Scenario {
  terms: LoanTerms;
  /** In date order; several on one date are applied in the order given. */
  repayments: ScenarioRepayment[];
  /** The business date of the statement: COB has completed every date before it, none from it on. */
  asOf: string;
}

export interface StatementFigures {
  status: 'DISBURSED' | 'REPAID';
  maturityDate: string;
  principalOutstanding: string;
  principalDue: string;
  interestDue: string;
  penaltyDue: string;
  /** The unbilled interest of the current period, exact, shown with 10 decimals rounded half toward +∞. */
  accruedInterest: string;
  /** The unbilled penalty since the last penalty billing, exact, shown with 10 decimals rounded half toward +∞. */
  accruedPenalty: string;
  /** What repays everything today: principal outstanding, dues, and the rounded accruals. */
  payoffAmount: string;
  dpd: number;
  overdue: boolean;
  classification: Classification;
  /** Totals of what the accepted repayments paid, 2 decimals each. */
  paid: { penalty: string; interest: string; principal: string };
  /** Indexes (in Scenario.repayments) of repayments refused because they exceeded the payoff amount. */
  refused: number[];
}
