import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A settlement's computation recorded an md5 of each loan's servicing state as text, and its
 * confirmation compared it again: turning 200,000 jsonb states into text and hashing them cost about
 * 0.4 s of each. Any write of a row (repayment, end of day, another settlement) gives it a new
 * version, whose `xmin` is the writing transaction, so the version read says the same for nothing: a
 * row whose `xmin` is the one read is the row that was read. What a computation recorded before this
 * is not a version: such a settlement reads as stale and is recomputed before it can be confirmed.
 */
export class SettlementLoanReadVersion1765267200001 implements MigrationInterface {
  name = 'SettlementLoanReadVersion1765267200001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE settlement_loans RENAME COLUMN state_digest TO read_version`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE settlement_loans RENAME COLUMN read_version TO state_digest`);
  }
}
