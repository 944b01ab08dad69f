import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { EligibilityRule, LimitFormula } from '../eligibility/rules.js';

@Entity({ name: 'programmes' })
export class Programme {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'core_enterprise_id', type: 'uuid' })
  coreEnterpriseId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'product_type', type: 'text' })
  productType: string;

  @Column({ name: 'min_amount', type: 'numeric', precision: 18, scale: 2 })
  minAmount: string;

  @Column({ name: 'max_amount', type: 'numeric', precision: 18, scale: 2 })
  maxAmount: string;

  @Column({ name: 'min_term_days', type: 'integer' })
  minTermDays: number;

  @Column({ name: 'max_term_days', type: 'integer' })
  maxTermDays: number;

  @Column({ name: 'annual_rate', type: 'numeric', precision: 12, scale: 10 })
  annualRate: string;

  @Column({ name: 'programme_cap', type: 'numeric', precision: 18, scale: 2 })
  programmeCap: string;

  @Column({ name: 'guarantee_ratio', type: 'numeric', precision: 12, scale: 10 })
  guaranteeRatio: string;

  @Column({ name: 'four_eyes_threshold', type: 'numeric', precision: 18, scale: 2 })
  fourEyesThreshold: string;

  @Column({ name: 'day_count_basis', type: 'text' })
  dayCountBasis: 'ACT/360' | 'ACT/365';

  @Column({ name: 'time_zone', type: 'text' })
  timeZone: string;

  @Column({ type: 'boolean' })
  active: boolean;

  @Column({ name: 'ruleset_version', type: 'integer' })
  rulesetVersion: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@Entity({ name: 'programme_rulesets' })
export class ProgrammeRuleset {
  @PrimaryColumn({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @PrimaryColumn({ type: 'integer' })
  version: number;

  @Column({ name: 'eligibility_rules', type: 'jsonb' })
  eligibilityRules: EligibilityRule[];

  @Column({ name: 'limit_formula', type: 'jsonb' })
  limitFormula: LimitFormula;

  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
