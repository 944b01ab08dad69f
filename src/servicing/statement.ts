import { closeDay } from './cob.js';
import { dateOf, dayNumber } from '../common/dates.js';
import { cnyOf, fenOf, moneyOfFen } from './fixed-point.js';
import { delinquency, interestDue, type LoanState, openLoan, payoff, penaltyDue, principalDue } from './loan-state.js';
import { applyRepayment } from './repayment.js';
import { type Scenario, type StatementFigures } from './scenario.js';
import { compileTerms, type ServicingTerms } from './terms.js';

/** Accrued figures are shown exact enough to compare with an independent computation (the contract's 10 decimals). */
const ACCRUED_PLACES = 10;

/** A loan's statement figures on business date `asOf` (COB done for every date before it). */
export function statementOf(state: LoanState, terms: ServicingTerms, asOf: string, refused: number[] = []): StatementFigures {
  return {
    status: state.status,
    maturityDate: terms.maturityDate,
    principalOutstanding: moneyOfFen(state.principalOutstanding),
    principalDue: moneyOfFen(principalDue(state)),
    interestDue: moneyOfFen(interestDue(state)),
    penaltyDue: moneyOfFen(penaltyDue(state)),
    accruedInterest: cnyOf(state.accruedInterest, terms.interestDenominator, ACCRUED_PLACES),
    accruedPenalty: cnyOf(state.accruedPenalty, terms.penaltyDenominator, ACCRUED_PLACES),
    payoffAmount: moneyOfFen(payoff(state, terms)),
    ...delinquency(state, terms, asOf),
    paid: { penalty: moneyOfFen(state.paidPenalty), interest: moneyOfFen(state.paidInterest), principal: moneyOfFen(state.paidPrincipal) },
    refused,
  };
}

/**
 * The scenario's loan run day by day as the service runs it: on each business date from V, that
 * date's repayments (after the previous COB), then its COB; on `asOf` its repayments only, since
 * its COB has not run. This is what the independent oracle is compared with.
 */
export function simulate(scenario: Scenario): StatementFigures {
  const terms = compileTerms(scenario.terms);
  const asOfDay = dayNumber(scenario.asOf);
  if (asOfDay < terms.valueDay) throw new RangeError(`asOf ${scenario.asOf} is before the value date ${terms.valueDate}`);
  const repayments = scenario.repayments.map((r) => ({ day: dayNumber(r.date), amount: fenOf(r.amount) }));
  const refused: number[] = [];
  let state = openLoan(terms);
  let next = 0;
  const repayDueOn = (day: number) => {
    for (; next < repayments.length && repayments[next].day === day; next++) {
      const outcome = applyRepayment(state, terms, repayments[next].amount, dateOf(day));
      if (outcome.accepted) state = outcome.state;
      else refused.push(next);
    }
  };
  for (let day = terms.valueDay; day < asOfDay; day++) {
    repayDueOn(day);
    state = closeDay(state, terms, dateOf(day)).state;
  }
  repayDueOn(asOfDay);
  if (next < repayments.length)
    throw new RangeError(`repayment ${next} (${scenario.repayments[next].date}) is out of order, before V or after asOf`);
  return statementOf(state, terms, scenario.asOf, refused);
}
