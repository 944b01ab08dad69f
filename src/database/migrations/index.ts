import { Foundation1764230400000 } from './1764230400000-foundation.js';
import { SuppliersAndRosters1764316800000 } from './1764316800000-suppliers-and-rosters.js';
import { Eligibility1764403200000 } from './1764403200000-eligibility.js';
import { Loans1764489600000 } from './1764489600000-loans.js';
import { Disbursements1764576000000 } from './1764576000000-disbursements.js';
import { RosterImportLimits1764662400000 } from './1764662400000-roster-import-limits.js';
import { PayeeAndFileChannel1764748800000 } from './1764748800000-payee-and-file-channel.js';
import { LendingControls1764835200000 } from './1764835200000-lending-controls.js';
import { UserLifecycleAndThrottling1764921600000 } from './1764921600000-user-lifecycle-and-throttling.js';
import { ServiceClock1765008000000 } from './1765008000000-service-clock.js';
import { ServicingTerms1765008000001 } from './1765008000001-servicing-terms.js';
import { ServicingAndLedger1765094400000 } from './1765094400000-servicing-and-ledger.js';
import { Cob1765094400001 } from './1765094400001-cob.js';
import { Repayments1765094400002 } from './1765094400002-repayments.js';
import { Settlements1765094400003 } from './1765094400003-settlements.js';
import { EndOfDayAtScale1765094400010 } from './1765094400010-end-of-day-at-scale.js';
import { PreparedSettlementRepayments1765094400011 } from './1765094400011-prepared-settlement-repayments.js';
import { RepaymentEntries1765094400012 } from './1765094400012-repayment-entries.js';
import { SettlementRowsWithoutParentKey1765094400013 } from './1765094400013-settlement-rows-without-parent-key.js';
import { CounterpartySchemas1765180800001 } from './1765180800001-counterparty-schemas.js';
import { ReservationRefusal1765353600200 } from './1765353600200-reservation-refusal.js';
import { LedgerLineCosts1765353600400 } from './1765353600400-ledger-line-costs.js';
import { SettlementLoanReadVersion1765267200001 } from './1765267200001-settlement-loan-read-version.js';
import { DealerFinancing1765180800002 } from './1765180800002-dealer-financing.js';
import { TenantKeyEverywhere1765353600000 } from './1765353600000-tenant-key-everywhere.js';

/** In order. Listed explicitly: an ES-module build has no reliable glob loading. */
export const MIGRATIONS = [
  Foundation1764230400000,
  SuppliersAndRosters1764316800000,
  Eligibility1764403200000,
  Loans1764489600000,
  Disbursements1764576000000,
  RosterImportLimits1764662400000,
  PayeeAndFileChannel1764748800000,
  LendingControls1764835200000,
  UserLifecycleAndThrottling1764921600000,
  ServiceClock1765008000000,
  ServicingTerms1765008000001,
  ServicingAndLedger1765094400000,
  Cob1765094400001,
  Repayments1765094400002,
  Settlements1765094400003,
  EndOfDayAtScale1765094400010,
  PreparedSettlementRepayments1765094400011,
  RepaymentEntries1765094400012,
  SettlementRowsWithoutParentKey1765094400013,
  CounterpartySchemas1765180800001,
  DealerFinancing1765180800002,
  SettlementLoanReadVersion1765267200001,
  TenantKeyEverywhere1765353600000,
  ReservationRefusal1765353600200,
  LedgerLineCosts1765353600400,
];
