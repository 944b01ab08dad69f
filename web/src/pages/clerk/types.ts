import type { components } from '../../api/schema';

/*
 * Bodies the OpenAPI document does not describe yet (issue 13's other half completes it): written
 * from what the service answers. Where the document has a schema, its generated type is used.
 */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export type ImportStatus = 'QUEUED' | 'RUNNING' | 'COMPLETED' | 'FAILED';

export interface RosterImport {
  importId: string;
  status: ImportStatus;
  fileName: string;
  fileSize: number;
  role: string;
  totalRows: number | null;
  processedRows: number;
  acceptedRows: number | null;
  rejectedRows: number | null;
  createdCount: number | null;
  updatedCount: number | null;
  unchangedCount: number | null;
  problemCount: number | null;
  problemsTruncated: boolean;
  failure: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface RowError {
  row: number;
  supplierCode: string | null;
  field: string | null;
  code: string;
  message: string;
}

export interface Counterparty {
  id: string;
  role: string;
  code: string;
  counterpartyType: string;
  name: string;
  idNumber: string;
  legalRepIdNumber: string | null;
  phone: string | null;
  bankAccount: string | null;
  bankName: string | null;
  province: string | null;
  attributes: Record<string, unknown>;
  blacklisted: boolean;
  updatedAt: string;
}

export type Programme = components['schemas']['ProgrammeResponse'];
export type Eligibility = components['schemas']['EligibilityResponse'];

export interface RuleResult {
  rule: string;
  fact?: string;
  operator?: string;
  passed: boolean;
  actual: unknown;
  expected: unknown;
  message: string;
}

export interface ScreeningResult {
  supplierId: string;
  supplierCode: string;
  name: string;
  eligible: boolean;
  creditLimit: string;
  availableLimit: string;
  failedRules: string[];
  rulesetVersion: number;
  evaluatedAt: string;
}

export interface BatchResult {
  index: number;
  id?: string;
  status?: string;
  error?: { status: number; code?: string; title?: string; detail?: string };
}

export interface HistoryEntry {
  from: string | null;
  to: string;
  actor: { name: string; role: string } | null;
  comment: string | null;
  reason: string | null;
  at: string;
}

export interface LoanApplication {
  id: string;
  programmeId: string;
  supplierId: string;
  amount: string;
  termDays: number;
  purpose: string | null;
  status: string;
  annualRate: string;
  failedRules: string[];
  screening: { results: RuleResult[]; eligible: boolean; creditLimit: string } | null;
  supplier: { id: string; supplierCode: string; name: string; idNumber: string };
  createdAt: string;
  disbursedAt: string | null;
  valueDate: string | null;
  history?: HistoryEntry[];
}

export interface Statement {
  status: string;
  valueDate: string;
  maturityDate: string;
  principal: string;
  principalOutstanding: string;
  interestDue: string;
  penaltyDue: string;
  payoffAmount: string;
  dpd: number;
  overdue: boolean;
  classification: string;
  schedule: { dueDate: string; principal: string; interest: string; paid: boolean }[];
}

export interface CoreEnterprise {
  id: string;
  name: string;
}
