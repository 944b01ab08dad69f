import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES } from '../common/access/roles.js';
import { ACTOR_KINDS, ActorRefDoc, ApiDate, ApiDateTime, ApiDecimal, ApiUuid, ItemProblemDto } from '../common/openapi.js';
import { RuleResultDoc } from '../eligibility/dto.js';
import { LOAN_STATUSES, type LoanStatus } from './loan-state.js';

/** The screening an application was judged by when it was submitted. */
export class LoanScreeningDoc {
  @ApiProperty() eligible: boolean;
  @ApiDecimal('150000.00') creditLimit: string;
  @ApiDecimal('150000.00', { description: 'the limit left when it was submitted' }) availableLimit: string;
  @ApiProperty({ type: 'integer' }) rulesetVersion: number;
  @ApiDate() evaluationDate: string;
  @ApiProperty({ type: [String], example: ['experience'] }) failedRules: string[];
  @ApiProperty({ type: [RuleResultDoc] }) results: RuleResultDoc[];
}

export class LoanApprovalDoc {
  @ApiProperty({ example: 'officer.li', description: "to a core enterprise, the bank's staff show as their role" }) by: string;
  @ApiUuid({ nullable: true, description: 'null to a core enterprise' }) byId: string | null;
  @ApiDateTime() at: string;
}

export class LoanSubmitterDoc {
  @ApiProperty({ enum: ACTOR_KINDS }) kind: string;
  @ApiProperty({ example: 'clerk.wang' }) name: string;
  @ApiProperty({ enum: ROLES }) role: string;
}

export class LoanPayeeDoc {
  @ApiProperty({ type: String, nullable: true, example: '张三' }) name: string | null;
  @ApiProperty({ example: '6228***********4267', description: 'masked' }) bankAccount: string;
  @ApiProperty({ type: String, nullable: true, example: '中国农业银行' }) bankName: string | null;
}

export class LoanTermsDoc {
  @ApiDecimal('0.0435') annualRate: string;
  @ApiProperty({ enum: ['ACT/360', 'ACT/365'] }) dayCountBasis: string;
  @ApiProperty({ enum: ['INTEREST_MONTHLY', 'BULLET'] }) repaymentType: string;
  @ApiProperty({ type: 'integer', example: 21 }) interestDay: number;
  @ApiProperty({ type: 'integer', example: 3 }) graceDays: number;
  @ApiDecimal('1.5') penaltyRateMultiplier: string;
}

export class LoanSupplierDoc {
  @ApiUuid() id: string;
  @ApiProperty({ example: 'SUP-001' }) supplierCode: string;
  @ApiProperty({ example: '张三' }) name: string;
  @ApiProperty({ example: 'INDIVIDUAL' }) supplierType: string;
  @ApiProperty({ example: '150102********4227', description: 'masked' }) idNumber: string;
}

export class LoanCurrentScreeningDoc {
  @ApiProperty() eligible: boolean;
  @ApiDecimal('150000.00') creditLimit: string;
  @ApiDecimal('138000.00') availableLimit: string;
  @ApiProperty({ type: 'integer', nullable: true }) rulesetVersion: number | null;
}

export class LoanTransitionDoc {
  @ApiProperty({ enum: LOAN_STATUSES, nullable: true }) from: LoanStatus | null;
  @ApiProperty({ enum: LOAN_STATUSES }) to: LoanStatus;
  @ApiProperty({ type: ActorRefDoc }) actor: ActorRefDoc;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiDateTime() at: string;
}

/** An application; the queue adds the supplier's summary, a single one its history as well. */
export class LoanApplicationResponse {
  @ApiUuid() id: string;
  @ApiUuid() programmeId: string;
  @ApiUuid() supplierId: string;
  @ApiUuid() coreEnterpriseId: string;
  @ApiDecimal('150000.00') amount: string;
  @ApiProperty({ type: 'integer', example: 180 }) termDays: number;
  @ApiProperty({ type: String, nullable: true }) purpose: string | null;
  @ApiProperty({ enum: LOAN_STATUSES }) status: LoanStatus;
  @ApiDecimal('0.0435') annualRate: string;
  @ApiDecimal('75000.00') guaranteedAmount: string;
  @ApiProperty({ type: Boolean, nullable: true, description: 'decided at the first approval' }) fourEyesRequired: boolean | null;
  @ApiProperty({ description: 'the amount is reserved against the limits' }) reserved: boolean;
  @ApiProperty({ type: LoanScreeningDoc }) screening: LoanScreeningDoc;
  @ApiProperty({ type: [String] }) failedRules: string[];
  @ApiProperty({ type: LoanApprovalDoc, nullable: true }) firstApproval: LoanApprovalDoc | null;
  @ApiProperty({ type: LoanApprovalDoc, nullable: true }) approval: LoanApprovalDoc | null;
  @ApiProperty({ type: LoanSubmitterDoc }) submittedBy: LoanSubmitterDoc;
  @ApiDateTime({ nullable: true }) disbursedAt: string | null;
  @ApiDate({ nullable: true }) valueDate: string | null;
  @ApiProperty({ type: LoanPayeeDoc, nullable: true }) payee: LoanPayeeDoc | null;
  @ApiPropertyOptional({ type: 'string', format: 'uuid', description: "a dealer loan's purchase order (DOWNSTREAM programmes)" })
  purchaseOrderId?: string;
  @ApiProperty({ type: LoanTermsDoc, nullable: true, description: 'frozen at the final approval' }) terms: LoanTermsDoc | null;
  @ApiDateTime() createdAt: string;
  @ApiDateTime() updatedAt: string;
  @ApiPropertyOptional({ type: LoanSupplierDoc, description: 'in the queue and on a single application' }) supplier?: LoanSupplierDoc;
  @ApiPropertyOptional({ type: LoanCurrentScreeningDoc, nullable: true, description: "the supplier's screening now" })
  currentScreening?: LoanCurrentScreeningDoc | null;
  @ApiPropertyOptional({ type: [LoanTransitionDoc], description: 'on a single application: every transition' })
  history?: LoanTransitionDoc[];
}

export class LoanBatchResultDoc {
  @ApiProperty({ type: 'integer', description: 'the position of the item in the request' }) index: number;
  @ApiPropertyOptional({ type: 'string', format: 'uuid' }) id?: string;
  @ApiPropertyOptional({ enum: LOAN_STATUSES }) status?: LoanStatus;
  @ApiPropertyOptional({ type: ItemProblemDto }) error?: ItemProblemDto;
}

export class LoanBatchResponse {
  @ApiProperty({ type: [LoanBatchResultDoc], description: 'one per item, in order: its id and status, or its error' })
  results: LoanBatchResultDoc[];
}
