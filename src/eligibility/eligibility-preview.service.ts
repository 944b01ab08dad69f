import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '../common/access/actor.js';
import { ClockService } from '../clock/clock.service.js';
import { Dec, money } from '../common/money.js';
import type { LimitFormula } from '../programmes/limit-formula.js';
import { ProgrammesService } from '../programmes/programmes.service.js';
import type { EligibilityRule } from '../programmes/rules.js';
import { compileRules, failedRuleNames } from './evaluator.js';
import { factsOf } from './facts.js';
import { compileFormula } from './limit.js';
import { factPages, sourceOf, withoutJit } from './screening-source.js';
import { CounterpartiesService } from '../counterparties/counterparties.service.js';
import { rulesetProblems } from '../programmes/programmes.service.js';
import { validationFailed } from '../common/validation.js';
import { screeningSchemaOf } from './screening-schema.js';

const SAMPLE_SIZE = 20;

export interface PreviewResult {
  programmeId: string;
  evaluationDate: string;
  suppliers: number;
  eligibleNow: number;
  eligibleAfter: number;
  gained: number;
  lost: number;
  totalLimitNow: string;
  totalLimitAfter: string;
  byRule: { rule: string; failingNow: number | null; failingAfter: number | null }[];
  sample: { gained: PreviewSample[]; lost: PreviewSample[] };
}

interface PreviewSample {
  supplierId: string;
  supplierCode: string;
  name: string;
  limitNow: string;
  limitAfter: string;
  failingNow: string[];
  failingAfter: string[];
}

/** What-if: a proposed ruleset beside the current one, before anyone activates it. */
@Injectable()
export class EligibilityPreviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly programmes: ProgrammesService,
    private readonly clock: ClockService,
    private readonly counterparties: CounterpartiesService,
  ) {}

  /**
   * Evaluates a proposed ruleset beside the current one over every supplier of the programme, on
   * today's facts, and changes nothing.
   */
  async preview(
    actor: Actor,
    programmeId: string,
    proposal: { eligibilityRules?: EligibilityRule[]; limitFormula?: LimitFormula },
  ): Promise<PreviewResult> {
    // the DTO has checked the proposal
    const p = await this.programmes.get(actor, programmeId);
    const rulesNow = p.eligibilityRules;
    const rulesAfter = proposal.eligibilityRules ?? p.eligibilityRules;
    const formulaAfter = proposal.limitFormula ?? p.limitFormula;
    const schema = await screeningSchemaOf(this.counterparties, this.dataSource.manager, p);
    // the proposal is checked against the programme's roster schema as a PATCH of it would be
    const errors = rulesetProblems(
      rulesAfter,
      formulaAfter,
      (await this.counterparties.peek(this.dataSource.manager, p.coreEnterpriseId, schema.role)).attributes,
    );
    if (errors.length) throw validationFailed(errors);
    const evalNow = compileRules(rulesNow, schema.catalog);
    const evalAfter = compileRules(rulesAfter, schema.catalog);
    const limitNow = compileFormula(p.limitFormula, schema.catalog);
    const limitAfter = compileFormula(formulaAfter, schema.catalog);
    const date = await this.clock.today(p.timeZone);
    const failingNow = new Array<number>(rulesNow.length).fill(0);
    const failingAfter = new Array<number>(rulesAfter.length).fill(0);
    let suppliers = 0;
    let eligibleNow = 0;
    let eligibleAfter = 0;
    let totalNow = 0n;
    let totalAfter = 0n;
    const sample: PreviewResult['sample'] = { gained: [], lost: [] };
    const toFen = (m: string) => BigInt(m.replace('.', ''));
    let gained = 0;
    let lost = 0;

    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      // one snapshot for the whole read, without holding any lock
      await runner.startTransaction('REPEATABLE READ');
      await withoutJit(runner.manager);
      for await (const page of factPages(runner, p.coreEnterpriseId, schema.role, schema.attributes.keys)) {
        for (const row of page) {
          const facts = factsOf(sourceOf(row), date, schema.attributes);
          const now = evalNow(facts);
          const after = evalAfter(facts);
          const ln = limitNow(facts, now.eligible);
          const la = limitAfter(facts, after.eligible);
          suppliers++;
          if (now.eligible) eligibleNow++;
          if (after.eligible) eligibleAfter++;
          for (const i of now.failed) failingNow[i]++;
          for (const i of after.failed) failingAfter[i]++;
          totalNow += toFen(ln);
          totalAfter += toFen(la);
          if (now.eligible !== after.eligible) {
            const bucket = after.eligible ? 'gained' : 'lost';
            if (after.eligible) gained++;
            else lost++;
            if (sample[bucket].length < SAMPLE_SIZE) {
              sample[bucket].push({
                supplierId: row[0],
                supplierCode: row[1],
                name: row[2],
                limitNow: ln,
                limitAfter: la,
                failingNow: failedRuleNames(rulesNow, now),
                failingAfter: failedRuleNames(rulesAfter, after),
              });
            }
          }
        }
      }
      await runner.commitTransaction();
    } catch (e) {
      await runner.rollbackTransaction().catch(() => undefined);
      throw e;
    } finally {
      await runner.release();
    }
    const names = [...new Set([...rulesNow.map((r) => r.name), ...rulesAfter.map((r) => r.name)])];
    const fen = (v: bigint) => money(new Dec(v.toString()).div(100));
    return {
      programmeId,
      evaluationDate: date,
      suppliers,
      eligibleNow,
      eligibleAfter,
      gained,
      lost,
      totalLimitNow: fen(totalNow),
      totalLimitAfter: fen(totalAfter),
      byRule: names.map((rule) => {
        const i = rulesNow.findIndex((r) => r.name === rule);
        const j = rulesAfter.findIndex((r) => r.name === rule);
        return { rule, failingNow: i >= 0 ? failingNow[i] : null, failingAfter: j >= 0 ? failingAfter[j] : null };
      }),
      sample,
    };
  }
}
