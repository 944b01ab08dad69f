import type { components } from './schema';

/**
 * Names for the bodies the pages pass around (props, table rows), aliased from the generated schema
 * so that a change of the document shows as a type error where a page uses the field. Bodies that
 * only flow from `ok(...)` into a page need no name: their type is inferred from the operation.
 */
type Schemas = components['schemas'];

export type ApiKeyView = Schemas['ApiKeyResponse'];
export type AuditEvent = Schemas['AuditEventResponse'];
export type BatchItem = Schemas['DisbursementItemResponse'];
export type BatchResult = Schemas['LoanBatchResultDoc'];
export type BatchSummary = Schemas['DisbursementBatchSummaryResponse'];
export type BatchView = Schemas['DisbursementBatchResponse'];
export type CoreEnterprise = Schemas['CoreEnterpriseResponse'];
export type Counterparty = Schemas['CounterpartyResponse'];
export type Eligibility = Schemas['EligibilityResponse'];
export type EligibilityRule = Schemas['EligibilityRuleDoc'];
export type HistoryEntry = Schemas['LoanTransitionDoc'];
export type LoanApplication = Schemas['LoanApplicationResponse'];
export type LoanStatus = LoanApplication['status'];
export type Portfolio = Schemas['PortfolioResponse'];
export type PreviewResult = Schemas['EligibilityPreviewResponse'];
export type Programme = Schemas['ProgrammeResponse'];
export type RosterImport = Schemas['RosterImportResponse'];
export type ImportStatus = RosterImport['status'];
export type RowError = Schemas['RosterErrorResponse'];
export type RuleResult = Schemas['RuleResultDoc'];
export type ScreeningResult = Schemas['ScreeningResultResponse'];
export type Statement = Schemas['StatementResponse'];
export type Supplier = Schemas['SupplierResponse'];
export type UserView = Schemas['UserResponse'];
