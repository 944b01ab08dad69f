/**
 * Response bodies the OpenAPI document does not describe yet (lists, loan applications, batches,
 * the what-if preview, audit events): typed here, in one place, from the service's views
 * (src/loans/loan-records.ts, src/disbursements/disbursement-records.ts,
 * src/eligibility/eligibility-preview.service.ts, src/audit/audit.service.ts). Drop each one for the
 * generated type once the document gives the operation its schema.
 */
import type { components } from '../../api/schema';

export type Programme = components['schemas']['ProgrammeResponse'];
export type EligibilityRule = components['schemas']['EligibilityRuleDoc'];
export type Eligibility = components['schemas']['EligibilityResponse'];
export type Supplier = components['schemas']['SupplierResponse'];
export type UserView = components['schemas']['UserResponse'];
export type CoreEnterprise = components['schemas']['CoreEnterpriseResponse'];
export type ApiKeyView = components['schemas']['ApiKeyResponse'];

export interface PageOf<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export type LoanStatus =
  | 'SUBMITTED'
  | 'REJECTED_INELIGIBLE'
  | 'PENDING_REVIEW'
  | 'PENDING_SECOND_APPROVAL'
  | 'APPROVED'
  | 'REJECTED'
  | 'DISBURSING'
  | 'DISBURSED'
  | 'CANCELLED'
  | 'REPAID';

export interface Approval {
  by: string | null;
  byId: string | null;
  at: string;
}

export interface LoanView {
  id: string;
  programmeId: string;
  supplierId: string;
  coreEnterpriseId: string;
  amount: string;
  termDays: number;
  purpose: string | null;
  status: LoanStatus;
  annualRate: string;
  fourEyesRequired: boolean | null;
  firstApproval: Approval | null;
  approval: Approval | null;
  submittedBy: { kind: string; name: string | null; role: string | null };
  createdAt: string;
  supplier?: { id: string; supplierCode: string; name: string; supplierType: string; idNumber: string };
  currentScreening?: { eligible: boolean; creditLimit: string; availableLimit: string; rulesetVersion: number | null } | null;
}

export interface HistoryEntry {
  from: LoanStatus | null;
  to: LoanStatus;
  actor: { kind: string; id: string | null; name: string | null; role: string | null };
  comment: string | null;
  reason: string | null;
  at: string;
}

export type LoanDetail = LoanView & { history: HistoryEntry[] };

export type BatchStatus = 'DRAFT' | 'APPROVED' | 'EXECUTING' | 'COMPLETED' | 'PARTIALLY_FAILED' | 'FAILED';

export interface BatchItem {
  id: string;
  seq: number;
  loanApplicationId: string;
  amount: string;
  creditorName: string;
  creditorAccount: string;
  creditorBank: string;
  status: 'PENDING' | 'SENT' | 'SETTLED' | 'FAILED';
  attempts: number;
  failureReason: string | null;
  settledAt: string | null;
}

export interface BatchView {
  id: string;
  programmeId: string;
  status: BatchStatus;
  channel: string | null;
  messageId: string;
  createdBy: string;
  approvedBy: string | null;
  approvedAt: string | null;
  executedBy: string | null;
  finishedAt: string | null;
  createdAt: string;
  counts: { items: number; pending: number; sent: number; settled: number; failed: number };
  totals: { amount: string; settled: string; failed: string; outstanding: string };
  items: BatchItem[];
}

export interface PreviewResult {
  suppliers: number;
  eligibleNow: number;
  eligibleAfter: number;
  gained: number;
  lost: number;
  totalLimitNow: string;
  totalLimitAfter: string;
  byRule: { rule: string; failingNow: number | null; failingAfter: number | null }[];
}

export interface AuditEvent {
  id: string;
  occurredAt: string;
  actor: { kind: string; id: string | null; name: string | null; role: string | null };
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  correlationId: string | null;
}
