export interface paths {
    "/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who did what and when, with before and after, oldest first */
        get: operations["listAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The service's business date, and whether it is real or simulated */
        get: operations["getClock"];
        /**
         * Move the simulated business date forward (CLOCK=simulated only; tests and demos)
         * @description 409 CLOCK_BACKWARDS for a date before the current one (the same date is accepted and changes nothing); 409 CLOCK_NOT_SIMULATED when the service runs on the real clock. Audited as CLOCK_SET.
         */
        put: operations["setClock"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a username and password for a bearer token
         * @description Failed logins slow down the username from that address (429 LOGIN_THROTTLED with Retry-After); requests are also rate-limited per address and in total (429 RATE_LIMITED).
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users, with whether each is disabled */
        get: operations["listUsers"];
        put?: never;
        /** Create a user; ENTERPRISE users are bound to one core enterprise */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who am I: the caller as the service sees it */
        get: operations["getCurrentUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change your own password
         * @description Revokes every token you hold and answers a fresh one. A wrong current password is 403, and repeated ones are throttled like logins (429).
         */
        post: operations["changeOwnPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Disable a user: no login, and their tokens are refused from the next request on
         * @description Also revokes their tokens. Repeating it changes nothing. You cannot disable yourself or the last enabled ADMIN (409).
         */
        post: operations["disableUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable a disabled user again (tokens from before the disabling stay revoked) */
        post: operations["enableUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a user's password: revokes their tokens and lifts their login delays */
        post: operations["resetUserPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{id}/revoke-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke every token the user holds; they log in again to get a new one */
        post: operations["revokeUserTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/core-enterprises/{id}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The core enterprise's API keys (never the keys themselves) */
        get: operations["listApiKeys"];
        put?: never;
        /**
         * Issue an API key for the core enterprise's own systems (shown once; sent as X-Api-Key)
         * @description With an Idempotency-Key, a replay answers the same key record with `key: null`: the secret is never stored.
         */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/core-enterprises/{id}/api-keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/core-enterprises": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Core enterprises (an ENTERPRISE caller sees its own) */
        get: operations["listCoreEnterprises"];
        put?: never;
        /** Register a core enterprise (the "1" of 1+N) */
        post: operations["createCoreEnterprise"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/core-enterprises/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One core enterprise with its guarantee cap and guaranteed exposure */
        get: operations["getCoreEnterprise"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename, or change the guarantee cap (a lower cap only stops new approvals) */
        patch: operations["updateCoreEnterprise"];
        trace?: never;
    };
    "/programmes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Programmes (an ENTERPRISE caller sees its own) */
        get: operations["listProgrammes"];
        put?: never;
        /** Create a lending programme for a core enterprise, with its admission rules and limit formula */
        post: operations["createProgramme"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/programmes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A programme with its current rulesetVersion, rules and formula */
        get: operations["getProgramme"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a programme; new eligibilityRules or limitFormula make a new ruleset version */
        patch: operations["updateProgramme"];
        trace?: never;
    };
    "/programmes/{id}/rulesets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every ruleset version the programme has had */
        get: operations["listProgrammeRulesets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/core-enterprises/{id}/suppliers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A core enterprise's suppliers, identifiers masked; q matches the code or the name */
        get: operations["listSuppliers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/suppliers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A supplier with every roster column; identifiers masked */
        get: operations["getSupplier"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/suppliers/{id}/identity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A supplier's full identifiers (ID numbers, phone, bank account); every read is audited */
        get: operations["getSupplierIdentity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/roster-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The built-in roster templates: DAIRY_SUPPLIER (the dairy columns), DEALER, FREIGHT_FORWARDER */
        get: operations["listRosterTemplates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/core-enterprises/{id}/roster-schema": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A role's roster schema now (version 0: the role's default template, not set yet) */
        get: operations["getRosterSchema"];
        /**
         * A new version of a role's roster schema
         * @description Rosters of the role are read with it from now on; an import records the version it used, and values stored before keep theirs. 409 ROSTER_SCHEMA_RETYPES_VALUES when an attribute some counterparty holds would change type; 409 ROSTER_SCHEMA_IN_USE when a programme's rules or formula use an attribute it drops or retypes.
         */
        put: operations["putRosterSchema"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/core-enterprises/{id}/counterparties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A core enterprise's counterparties (suppliers and dealers) with role and attributes; identifiers masked */
        get: operations["listCounterparties"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/counterparties/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A counterparty with its role, attributes and schema version; identifiers masked */
        get: operations["getCounterparty"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/core-enterprises/{id}/purchase-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A core enterprise's confirmed purchase orders, oldest first */
        get: operations["listPurchaseOrders"];
        put?: never;
        /**
         * Confirm a purchase order of a dealer (or {orders: [...]} for up to 500)
         * @description {counterpartyId or dealerCode, orderNo, amount, orderDate}. 201 with the order; the same order again answers 200 with it; the same orderNo with another dealer, amount or date is 409 PURCHASE_ORDER_CONFLICT. A dealer of another core enterprise is 404, a counterparty that is no dealer 422. A list answers 200 {results: [{index, id, orderNo, created} or {index, error}]}.
         */
        post: operations["confirmPurchaseOrders"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/purchase-orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A confirmed purchase order */
        get: operations["getPurchaseOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/core-enterprises/{id}/rosters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a supplier roster (.csv in UTF-8 or GBK, or .xlsx; English or Chinese headers); imported in the background
         * @description Answers 202 with the import id at once; poll GET /roster-imports/{importId}. Every row is validated; bad rows are reported row by row, good rows are upserted by supplier code, all in one transaction. Honours Idempotency-Key (hash of the file). An upload that stalls or crawls is cut off (its connection closed); too many at once answer 429 ROSTER_UPLOADS_BUSY, more than the hourly rate 429 ROSTER_UPLOAD_RATE_EXCEEDED (both with Retry-After), more than the storage quota 413 ROSTER_STORAGE_QUOTA_EXCEEDED, and a workbook whose directory shows a zip bomb 422 ROSTER_FILE_TOO_COMPLEX.
         */
        post: operations["uploadRoster"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/core-enterprises/{id}/roster-imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A core enterprise's roster imports, newest first */
        get: operations["listRosterImports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/roster-imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Progress and outcome of an import: QUEUED, RUNNING (processedRows advancing), COMPLETED or FAILED */
        get: operations["getRosterImport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/roster-imports/{id}/errors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One entry per problem: {row, supplierCode, field, code, message}; Accept: text/csv gives the whole list as a CSV safe to open in Excel */
        get: operations["listRosterImportErrors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/roster-imports/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run a FAILED import again from its stored file (409 ROSTER_FILE_EXPIRED once the file has been deleted after its retention) */
        post: operations["retryRosterImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/suppliers/{id}/eligibility": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A supplier's screening for a programme, rule by rule, with its credit and available limit */
        get: operations["getSupplierEligibility"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/programmes/{id}/evaluations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-screen all the programme's suppliers with its current ruleset, in the background */
        post: operations["rescreenProgramme"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/programmes/{id}/screening-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A programme's screening runs, newest first */
        get: operations["listScreeningRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/programmes/{id}/screening-results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The stored screening of the programme's suppliers (eligible=true for the ones it may lend to), with limits */
        get: operations["listScreeningResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/screening-runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A screening run: QUEUED, RUNNING, COMPLETED (with counts) or FAILED */
        get: operations["getScreeningRun"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/programmes/{id}/eligibility-preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * What-if: how many suppliers a proposed ruleset or formula would admit or drop, and the total limit, before activating it
         * @description Changes nothing. Answers {suppliers, eligibleNow, eligibleAfter, gained, lost, totalLimitNow, totalLimitAfter, byRule, sample}.
         */
        post: operations["previewEligibility"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/suppliers/{id}/blacklist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Blacklist a supplier (audited) and re-screen it at once */
        post: operations["blacklistSupplier"];
        /** Take a supplier off the blacklist (audited) and re-screen it at once */
        delete: operations["unblacklistSupplier"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/loan-applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The officers' queue: applications oldest first, with each supplier's summary and screening */
        get: operations["listLoanApplications"];
        put?: never;
        /**
         * Apply for a loan for a supplier; screened at once: PENDING_REVIEW, or REJECTED_INELIGIBLE with the failed rules kept
         * @description 422 when the amount or term is outside the product, or the amount is above the supplier's available limit; 409 SUPPLIER_BLACKLISTED for a blacklisted supplier, in any programme.
         */
        post: operations["submitLoanApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/programmes/{id}/loan-applications:batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply for up to 1,000 loans at once; answers each item in order with its id and status, or its error
         * @description HTTP 200 with {results: [{index, id?, status?, error?: {status, code, title, detail, errors?}}]}. An item that fails unexpectedly answers error.code INTERNAL beside the items that went through; with an Idempotency-Key a repeat replays the same results.
         */
        post: operations["submitLoanApplicationBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/loan-applications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An application with its full history (every transition, who, when, why) */
        get: operations["getLoanApplication"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/loan-applications/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve. Above the four-eyes threshold the first approval moves it to PENDING_SECOND_APPROVAL; a different SENIOR_OFFICER completes it
         * @description The final approval reserves the amount against the supplier limit, the programme cap and the guarantee cap, or answers 409 naming the one exceeded. Also 409: FOUR_EYES_SUBMITTER (the submitter never approves), FOUR_EYES_SAME_APPROVER, SUPPLIER_BLACKLISTED (checked on the supplier itself at each step).
         */
        post: operations["approveLoanApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/loan-applications/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject with a reason */
        post: operations["rejectLoanApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/loan-applications/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel an approved loan before it is disbursed; releases its reservation at once */
        post: operations["cancelLoanApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ledger/trial-balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Debits and credits of every ledger account, for all programmes or one */
        get: operations["getTrialBalance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cob-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End of day for every business date after the last closed one, up to upTo (default yesterday)
         * @description 202 with the queued run; 200 with status COMPLETED when those dates are closed already; 409 COB_RUN_IN_PROGRESS while a run is open; 422 COB_DATE_NOT_OVER for today or later. The service also runs it by itself every day after midnight (real clock).
         */
        post: operations["requestCobRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cob-runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An end-of-day run: QUEUED, RUNNING, COMPLETED or FAILED, the dates it closes and the loans it closed */
        get: operations["getCobRun"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/programmes/{id}/portfolio": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A programme's open loans: outstanding, receivable, overdue, by classification and DPD bucket */
        get: operations["getProgrammePortfolio"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/loan-applications/{id}/repayments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A direct repayment valued today (a bank statement credit): penalty, then interest, then principal, then prepayment
         * @description Idempotent by `reference` per loan: a repeat answers the first result (201, same body); the same reference with another amount is 409 REPAYMENT_REFERENCE_REUSED. 422 REPAYMENT_EXCEEDS_PAYOFF (with `payoffAmount`) above everything owed today; 409 COB_PENDING while the end of day has not caught up with the loan; 409 LOAN_NOT_DISBURSED for a loan not DISBURSED. The principal repaid frees the limits at once; a loan with nothing left becomes REPAID. Audited as REPAYMENT_POSTED.
         */
        post: operations["postRepayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/loan-applications/{id}/statement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A disbursed loan's statement today: figures, schedule, repayments and journal entries
         * @description Money as decimal strings, accrued figures (the unbilled part of the current period) to 10 decimals. 404 LOAN_NOT_SERVICED for a loan whose payment has not settled yet.
         */
        get: operations["getLoanStatement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/core-enterprises/{id}/settlements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload the core enterprise's settlement (payment run): .csv (UTF-8 or GBK) or .xlsx, English or Chinese headers
         * @description Columns supplier_code 供应商编号, payable_amount 应付金额, optional period 结算期. Answers 202 {settlementId} at once; the deductions are computed in the background: poll GET /settlements/{id} until COMPUTED or FAILED (a bad row fails the whole file, with a row-level report).
         */
        post: operations["uploadSettlement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settlements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A settlement: status, rows, matchedRows, totalPayable, totalDeduction, businessDate, problems */
        get: operations["getSettlement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settlements/{id}/lines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One line per supplier row with its deduction and allocations; Accept: text/csv gives the payment run (what to pay each supplier) */
        get: operations["listSettlementLines"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settlements/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The bank's staff confirm the remittance arrived (never the core enterprise): every allocation is posted in one transaction
         * @description remittedAmount must equal totalDeduction (422 SETTLEMENT_AMOUNT_MISMATCH). Only a COMPUTED settlement (409 SETTLEMENT_NOT_COMPUTED), once (409 SETTLEMENT_ALREADY_CONFIRMED), on the business date it was computed and with none of its loans changed since (409 SETTLEMENT_STALE: recompute, then confirm).
         */
        post: operations["confirmSettlement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settlements/{id}/recompute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Compute a COMPUTED or FAILED settlement again on today’s loan states (409 SETTLEMENT_NOT_RECOMPUTABLE otherwise) */
        post: operations["recomputeSettlement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/disbursement-batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Batches, newest first, with counts and totals */
        get: operations["listDisbursementBatches"];
        put?: never;
        /** Make a DRAFT batch of the given, or all, APPROVED loans of a programme not in another open batch */
        post: operations["createDisbursementBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/disbursement-batches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A batch: status, counts, totals to the fen, and every item (loan, amount, creditor, endToEndId, status, failure reason) */
        get: operations["getDisbursementBatch"];
        put?: never;
        post?: never;
        /** Discard a DRAFT batch (its loans become free for another batch) */
        delete: operations["discardDisbursementBatch"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/disbursement-batches/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a DRAFT batch: a SENIOR_OFFICER who did not make it (maker-checker) */
        post: operations["approveDisbursementBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/disbursement-batches/{id}/execute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pay an APPROVED batch through the payment channel, in the background. Safe to repeat. */
        post: operations["executeDisbursementBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/disbursement-batches/{id}/pain001": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The batch as an ISO 20022 pain.001.001.09 credit-transfer file (no personal identity numbers in it)
         * @description It carries the creditor accounts in full, so only the officers who pay may take it; every export is an audit event (PAIN001_EXPORTED).
         */
        get: operations["exportPain001"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/disbursement-batches/{id}/send-as-file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record that the pain.001 file of an APPROVED batch went to the bank: the batch is EXECUTING on the FILE channel, its items SENT, its loans DISBURSING
         * @description Audited (DISBURSEMENT_BATCH_SENT_AS_FILE). From then on only pain.002 status reports read by another officer settle it.
         */
        post: operations["sendDisbursementBatchAsFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/disbursement-batches/{id}/status-report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Read the bank's pain.002.001.10 status report for a batch sent as a file: ACSC/ACCP settle; RJCT holds the payment for reconciliation; reading it again changes nothing
         * @description Body: the XML (Content-Type application/xml or text/xml), or multipart with a file. Unknown endToEndIds are reported. Refused (409) for a batch not sent as a file, and to the officer who made the batch or sent its file.
         */
        post: operations["applyStatusReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/disbursement-batches/{id}/items/{itemId}/reconcile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resolve a payment held after a RJCT, from the bank statement: PAID settles it, NOT_PAID fails it and frees the loan
         * @description By an officer who neither made the batch, sent its file nor read the report that held it (409 otherwise). Audited (DISBURSEMENT_ITEM_RECONCILED).
         */
        post: operations["reconcileDisbursementItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and database readiness: 200 when the database answers, 503 when not */
        get: operations["checkHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/bank-sim/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The simulated bank's own record of credit transfers: {items: [{endToEndId, reference, amount, creditorAccount (masked), status, createdAt}], total} */
        get: operations["listSimulatedTransfers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/bank-sim/transfers/{endToEndId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One transfer by endToEndId (creditorAccount masked) */
        get: operations["getSimulatedTransfer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        FieldError: {
            /** @example idNumber */
            field: string;
            /** @example ID_NUMBER_CHECKSUM */
            code: string;
            /** @example the check character does not match */
            message: string;
        };
        /** @description RFC 9457 problem details; some codes add members of their own (entity, limit ...) */
        Problem: {
            /** @example urn:chainlend:problem:validation-failed */
            type: string;
            /** @example The request is not valid */
            title: string;
            /** @example 400 */
            status: number;
            /** @example amount must be a decimal string */
            detail: string;
            /**
             * @description stable machine-readable code
             * @example VALIDATION_FAILED
             */
            code: string;
            /**
             * @description also in the X-Request-Id header and the logs
             * @example 5f0c6d1e-8a43-4a8e-9a51-0f6f1b1d2c3e
             */
            correlationId: string;
            instance?: string;
            errors?: components["schemas"]["FieldError"][];
        } & {
            [key: string]: unknown;
        };
        AuditActorDoc: {
            /** @enum {string} */
            kind: "USER" | "API_KEY" | "SYSTEM" | "ANONYMOUS";
            /** @description null for the bank's staff, to a core enterprise */
            id: string | null;
            /** @example officer.li */
            name: string | null;
            /** @enum {string|null} */
            role: "ADMIN" | "OFFICER" | "SENIOR_OFFICER" | "ENTERPRISE" | "AUDITOR" | null;
        };
        AuditEventResponse: {
            /**
             * @description a bigint, as a string; ascending in time
             * @example 31
             */
            id: string;
            /** Format: date-time */
            occurredAt: string;
            actor: components["schemas"]["AuditActorDoc"];
            /** @example SUPPLIER_IDENTITY_READ */
            action: string;
            /** @example LoanApplication */
            entityType: string;
            entityId: string | null;
            /** Format: uuid */
            coreEnterpriseId: string | null;
            /** @description the state before, as the action records it */
            before: ({
                [key: string]: unknown;
            } | unknown[] | string | number | boolean) | null;
            /** @description the state after, as the action records it */
            after: ({
                [key: string]: unknown;
            } | unknown[] | string | number | boolean) | null;
            correlationId: string | null;
        };
        ClockResponse: {
            /**
             * @description the CLOCK setting the service runs with
             * @enum {string}
             */
            mode: "real" | "simulated";
            /**
             * Format: date
             * @description the business date: the simulated one once set (the same in every time zone), else today's date in timeZone (a programme in another zone may be a day apart)
             * @example 2026-12-01
             */
            today: string;
            /**
             * @description BUSINESS_TIME_ZONE
             * @example Asia/Shanghai
             */
            timeZone: string;
            /** @description whether an ADMIN has set the date (simulated clock only) */
            set: boolean;
        };
        SetClockDto: {
            /**
             * @description the new business date, YYYY-MM-DD; never before the current one
             * @example 2026-12-01
             */
            today: string;
        };
        LoginDto: {
            /** @example admin */
            username: string;
            /**
             * Format: password
             * @example chainlend-admin-dev
             */
            password: string;
        };
        LoginResponse: {
            accessToken: string;
            /**
             * @description seconds
             * @example 3600
             */
            expiresIn: number;
            /** @enum {string} */
            tokenType: "Bearer";
        };
        CreateUserDto: {
            /** @example officer.li */
            username: string;
            /** Format: password */
            password: string;
            /** @enum {string} */
            role: "ADMIN" | "OFFICER" | "SENIOR_OFFICER" | "ENTERPRISE" | "AUDITOR";
            /**
             * Format: uuid
             * @description required for ENTERPRISE, refused for other roles
             */
            coreEnterpriseId?: string;
        };
        UserResponse: {
            /** Format: uuid */
            id: string;
            username: string;
            /** @enum {string} */
            role: "ADMIN" | "OFFICER" | "SENIOR_OFFICER" | "ENTERPRISE" | "AUDITOR";
            /** Format: uuid */
            coreEnterpriseId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description a disabled user cannot log in and their tokens are refused */
            disabled: boolean;
            /** Format: date-time */
            disabledAt: string | null;
            disabledReason: string | null;
        };
        CurrentActorResponse: {
            /** @enum {string} */
            kind: "USER" | "API_KEY";
            /** Format: uuid */
            id: string;
            /** @description the username, or the name of the API key */
            name: string;
            /** @enum {string} */
            role: "ADMIN" | "OFFICER" | "SENIOR_OFFICER" | "ENTERPRISE" | "AUDITOR";
            /** Format: uuid */
            coreEnterpriseId: string | null;
        };
        ChangeOwnPasswordDto: {
            /** Format: password */
            currentPassword: string;
            /** Format: password */
            newPassword: string;
        };
        PasswordChangedResponse: {
            /** @description null on an Idempotency-Key replay, which never stores it */
            accessToken: string | null;
            /**
             * @description seconds
             * @example 3600
             */
            expiresIn: number;
            /** @enum {string} */
            tokenType: "Bearer";
            /**
             * @description on a replay: the fields not kept, set to null
             * @example [
             *       "accessToken"
             *     ]
             */
            redactedOnReplay?: string[];
        };
        DisableUserDto: {
            /** @example left the bank on 2026-11-30 */
            reason: string;
        };
        ResetPasswordDto: {
            /** Format: password */
            password: string;
        };
        CreateApiKeyDto: {
            /**
             * @description a label to tell keys apart
             * @example nightly roster sync
             */
            name?: string;
        };
        CreatedApiKeyResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            coreEnterpriseId: string;
            name: string;
            /** @description the first characters of the key */
            keyPrefix: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            revokedAt: string | null;
            /** @description the key itself: shown this once, send it as X-Api-Key; null on an Idempotency-Key replay, which never stores it */
            key: string | null;
            /**
             * @description on a replay: the fields not kept, set to null
             * @example [
             *       "key"
             *     ]
             */
            redactedOnReplay?: string[];
        };
        ApiKeyResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            coreEnterpriseId: string;
            name: string;
            /** @description the first characters of the key */
            keyPrefix: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            revokedAt: string | null;
        };
        CreateCoreEnterpriseDto: {
            /** @example 伊利实业集团股份有限公司 */
            name: string;
            /**
             * @description unified social credit code (GB 32100-2015); lower case is taken and stored upper case
             * @example 91350100M000100Y43
             */
            uscc: string;
            /**
             * @description the most this core enterprise guarantees in total (CNY)
             * @example 50000000.00
             */
            guaranteeCap: string;
            /**
             * @description the core enterprise's collection account (8-32 digits): DOWNSTREAM loans are paid there, never to the dealer
             * @example 0602003309022107715
             */
            collectionAccount?: string;
            /** @example 中国工商银行呼和浩特分行 */
            collectionBankName?: string;
        };
        CoreEnterpriseResponse: {
            /** Format: uuid */
            id: string;
            name: string;
            uscc: string;
            /** @example 50000000.00 */
            guaranteeCap: string;
            /**
             * @description guaranteed share of approved and not yet repaid loans
             * @example 1250000.00
             */
            guaranteedExposure: string;
            /**
             * @description shown once set
             * @example 0602003309022107715
             */
            collectionAccount?: string;
            /** @description shown once set */
            collectionBankName?: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        UpdateCoreEnterpriseDto: {
            name?: string;
            /** @example 60000000.00 */
            guaranteeCap?: string;
            /**
             * @description the core enterprise's collection account (8-32 digits): DOWNSTREAM loans are paid there, never to the dealer
             * @example 0602003309022107715
             */
            collectionAccount?: string;
            /** @example 中国工商银行呼和浩特分行 */
            collectionBankName?: string;
        };
        EligibilityRuleDoc: {
            /** @example experience */
            name: string;
            /**
             * @description a built-in fact (yearsExperience, herdSize, deliveryMonths, avgMonthlyDeliveryKg, avgMonthlySettlement, age, epidemicCertValidDays, supplierType, province, hasEpidemicCert, blacklisted, hasOverdueLoan) or an attribute key of the roster schema
             * @example yearsExperience
             */
            fact: string;
            /** @enum {string} */
            operator: ">=" | ">" | "<=" | "<" | "==" | "!=" | "between" | "in" | "notIn" | "isTrue" | "isFalse";
            /** @description a number, text, boolean, [low, high] for between, or a list for in/notIn; none for isTrue/isFalse */
            value?: number | string | boolean | (number | string)[];
        };
        LimitTermDoc: {
            /**
             * @description a numeric fact or attribute
             * @example annual_purchase_amount
             */
            fact: string;
            /** @example 0.25 */
            multiple: string;
        };
        LimitFormulaDoc: {
            /** @example 500000.00 */
            maxAmount?: string;
            /**
             * @example [
             *       {
             *         "fact": "annual_purchase_amount",
             *         "multiple": "0.25"
             *       }
             *     ]
             */
            terms?: components["schemas"]["LimitTermDoc"][];
            /** @example 3 */
            settlementMultiple?: string;
            /** @example 8000.00 */
            perHeadAmount?: string;
            /** @example 1000 */
            roundDownTo?: string;
        };
        CreateProgrammeDto: {
            /** Format: uuid */
            coreEnterpriseId: string;
            /** @example 2026 silage season */
            name: string;
            /**
             * @description e.g. 小额快捷通保证贷 or 流动资金贷款
             * @example SMALL_QUICK_GUARANTEED_LOAN
             */
            productType: string;
            /** @example 10000.00 */
            minAmount: string;
            /** @example 500000.00 */
            maxAmount: string;
            /** @example 90 */
            minTermDays: number;
            /** @example 365 */
            maxTermDays: number;
            /**
             * @description annual rate in [0, 1)
             * @example 0.0435
             */
            annualRate: string;
            /**
             * @description the most the programme lends at once (approved and disbursed, not repaid)
             * @example 100000000.00
             */
            programmeCap: string;
            /**
             * @description the core enterprise's guaranteed share of each loan, in (0, 1]
             * @example 0.5
             */
            guaranteeRatio: string;
            /**
             * @description above this amount a second, senior approval is needed
             * @example 200000.00
             */
            fourEyesThreshold: string;
            /**
             * @description Named conditions over supplier facts, all of which must pass. Facts: yearsExperience, herdSize, deliveryMonths, avgMonthlyDeliveryKg, avgMonthlySettlement, age, epidemicCertValidDays (numbers); supplierType, province (text); hasEpidemicCert, blacklisted, hasOverdueLoan (booleans) for the dairy template; age, supplierType, province, blacklisted, hasOverdueLoan and every attribute of the programme's roster schema by key (DATE attributes as days from the evaluation date) for any schema, checked against it. Operators: >= > <= < == != between in notIn isTrue isFalse.
             * @example [
             *       {
             *         "name": "experience",
             *         "fact": "yearsExperience",
             *         "operator": ">=",
             *         "value": 3
             *       },
             *       {
             *         "name": "epidemic-cert",
             *         "fact": "epidemicCertValidDays",
             *         "operator": ">=",
             *         "value": 30
             *       },
             *       {
             *         "name": "herd",
             *         "fact": "herdSize",
             *         "operator": "between",
             *         "value": [
             *           10,
             *           5000
             *         ]
             *       },
             *       {
             *         "name": "age",
             *         "fact": "age",
             *         "operator": "between",
             *         "value": [
             *           18,
             *           65
             *         ]
             *       },
             *       {
             *         "name": "deliveries",
             *         "fact": "deliveryMonths",
             *         "operator": ">=",
             *         "value": 12
             *       }
             *     ]
             */
            eligibilityRules: components["schemas"]["EligibilityRuleDoc"][];
            /**
             * @description limit = min(maxAmount, settlementMultiple x avgMonthlySettlement, perHeadAmount x herdSize) rounded down to roundDownTo; terms absent from the formula are left out, a term whose fact is missing counts as 0. Decimal strings. terms: [{fact, multiple}] adds multiple x a numeric fact or attribute to the min (e.g. 0.25 x annual_purchase_amount).
             * @example {
             *       "maxAmount": "500000.00",
             *       "settlementMultiple": "3",
             *       "perHeadAmount": "8000.00",
             *       "roundDownTo": "1000"
             *     }
             */
            limitFormula: components["schemas"]["LimitFormulaDoc"];
            /**
             * @default ACT/360
             * @enum {string}
             */
            dayCountBasis: "ACT/360" | "ACT/365";
            /**
             * @description INTEREST_MONTHLY (按月付息、到期还本: interest on each interestDay and at maturity, principal at maturity) or BULLET (everything at maturity)
             * @default INTEREST_MONTHLY
             * @enum {string}
             */
            repaymentType: "INTEREST_MONTHLY" | "BULLET";
            /**
             * @description day of the month interest is billed on, clamped to the month's last day
             * @default 21
             * @example 21
             */
            interestDay: number;
            /**
             * @description days after a due date before the loan counts as overdue (at most 90: past that the loan is SUBSTANDARD)
             * @default 3
             * @example 3
             */
            graceDays: number;
            /**
             * @description overdue principal accrues at annualRate x this (罚息); from 1 to 2
             * @default 1.5
             * @example 1.5
             */
            penaltyRateMultiplier: string;
            /**
             * @description the most of a supplier's settlement that may go to the bank, in (0, 1]
             * @default 0.80
             * @example 0.80
             */
            settlementDeductionRatio: string;
            /**
             * @description whether a settlement may also repay principal not yet due
             * @default false
             */
            prepayFromSettlement: boolean;
            /**
             * @description time zone of the business date used for screening
             * @example Asia/Shanghai
             */
            timeZone?: string;
            /**
             * @description inactive programmes take no applications and are not screened on import
             * @default true
             */
            active: boolean;
            /**
             * @description UPSTREAM lends to the core enterprise's suppliers; DOWNSTREAM to its dealers, on purchase orders it confirmed. Rules and formula are checked against the roster schema of that role (SUPPLIER, DEALER).
             * @default UPSTREAM
             * @enum {string}
             */
            direction: "UPSTREAM" | "DOWNSTREAM";
            /**
             * @description DOWNSTREAM only (and required there): the most lent on an order, as a share of it, in (0, 1]
             * @example 0.70
             */
            advanceRatio?: string;
        };
        ProgrammeResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            coreEnterpriseId: string;
            name: string;
            productType: string;
            /** @example 10000.00 */
            minAmount: string;
            /** @example 500000.00 */
            maxAmount: string;
            minTermDays: number;
            maxTermDays: number;
            /** @example 0.0435 */
            annualRate: string;
            /** @example 100000000.00 */
            programmeCap: string;
            /** @example 0.5 */
            guaranteeRatio: string;
            /** @example 200000.00 */
            fourEyesThreshold: string;
            /** @enum {string} */
            dayCountBasis: "ACT/360" | "ACT/365";
            /**
             * @description INTEREST_MONTHLY (按月付息、到期还本: interest on each interestDay and at maturity, principal at maturity) or BULLET (everything at maturity)
             * @enum {string}
             */
            repaymentType: "INTEREST_MONTHLY" | "BULLET";
            /**
             * @description day of the month interest is billed on, clamped to the month's last day
             * @example 21
             */
            interestDay: number;
            /**
             * @description days after a due date before the loan counts as overdue (at most 90: past that the loan is SUBSTANDARD)
             * @example 3
             */
            graceDays: number;
            /**
             * @description overdue principal accrues at annualRate x this (罚息); from 1 to 2
             * @example 1.5
             */
            penaltyRateMultiplier: string;
            /**
             * @description the most of a supplier's settlement that may go to the bank, in (0, 1]
             * @example 0.8
             */
            settlementDeductionRatio: string;
            /** @description whether a settlement may also repay principal not yet due */
            prepayFromSettlement: boolean;
            timeZone: string;
            active: boolean;
            /**
             * @description shown for DOWNSTREAM programmes; a programme without it is UPSTREAM
             * @enum {string}
             */
            direction?: "UPSTREAM" | "DOWNSTREAM";
            /**
             * @description DOWNSTREAM programmes only
             * @example 0.7
             */
            advanceRatio?: string;
            /** @description bumped whenever eligibilityRules or limitFormula change */
            rulesetVersion: number;
            eligibilityRules: components["schemas"]["EligibilityRuleDoc"][];
            limitFormula: components["schemas"]["LimitFormulaDoc"];
            /**
             * @description approved and disbursed, not yet repaid
             * @example 1250000.00
             */
            outstandingAmount: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        RulesetResponse: {
            version: number;
            eligibilityRules: components["schemas"]["EligibilityRuleDoc"][];
            limitFormula: components["schemas"]["LimitFormulaDoc"];
            /** @description who made this version; to a core enterprise, the bank's staff show as their role */
            createdBy: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        UpdateProgrammeDto: {
            name?: string;
            productType?: string;
            minAmount?: string;
            maxAmount?: string;
            minTermDays?: number;
            maxTermDays?: number;
            annualRate?: string;
            programmeCap?: string;
            guaranteeRatio?: string;
            fourEyesThreshold?: string;
            /** @description Named conditions over supplier facts, all of which must pass. Facts: yearsExperience, herdSize, deliveryMonths, avgMonthlyDeliveryKg, avgMonthlySettlement, age, epidemicCertValidDays (numbers); supplierType, province (text); hasEpidemicCert, blacklisted, hasOverdueLoan (booleans) for the dairy template; age, supplierType, province, blacklisted, hasOverdueLoan and every attribute of the programme's roster schema by key (DATE attributes as days from the evaluation date) for any schema, checked against it. Operators: >= > <= < == != between in notIn isTrue isFalse. A change makes a new ruleset version. */
            eligibilityRules?: components["schemas"]["EligibilityRuleDoc"][];
            /** @description limit = min(maxAmount, settlementMultiple x avgMonthlySettlement, perHeadAmount x herdSize) rounded down to roundDownTo; terms absent from the formula are left out, a term whose fact is missing counts as 0. Decimal strings. terms: [{fact, multiple}] adds multiple x a numeric fact or attribute to the min (e.g. 0.25 x annual_purchase_amount). A change makes a new ruleset version. */
            limitFormula?: components["schemas"]["LimitFormulaDoc"];
            /** @enum {string} */
            dayCountBasis?: "ACT/360" | "ACT/365";
            /**
             * @description INTEREST_MONTHLY (按月付息、到期还本: interest on each interestDay and at maturity, principal at maturity) or BULLET (everything at maturity)
             * @enum {string}
             */
            repaymentType?: "INTEREST_MONTHLY" | "BULLET";
            /**
             * @description day of the month interest is billed on, clamped to the month's last day
             * @example 21
             */
            interestDay?: number;
            /**
             * @description days after a due date before the loan counts as overdue (at most 90: past that the loan is SUBSTANDARD)
             * @example 3
             */
            graceDays?: number;
            /**
             * @description overdue principal accrues at annualRate x this (罚息); from 1 to 2
             * @example 1.5
             */
            penaltyRateMultiplier?: string;
            /**
             * @description the most of a supplier's settlement that may go to the bank, in (0, 1]
             * @example 0.80
             */
            settlementDeductionRatio?: string;
            /** @description whether a settlement may also repay principal not yet due */
            prepayFromSettlement?: boolean;
            timeZone?: string;
            active?: boolean;
            /**
             * @description DOWNSTREAM programmes only
             * @example 0.70
             */
            advanceRatio?: string;
        };
        SupplierResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            coreEnterpriseId: string;
            /** @example SUP-001-0000001 */
            supplierCode: string;
            /** @enum {string} */
            supplierType: "INDIVIDUAL" | "ENTITY";
            name: string;
            /**
             * @description masked
             * @example 150102********4377
             */
            idNumber: string;
            /**
             * @description masked
             * @example 150102********4377
             */
            legalRepIdNumber: string | null;
            /**
             * @description masked
             * @example 138****5678
             */
            phone: string;
            /**
             * @description masked
             * @example 6228***********1234
             */
            bankAccount: string;
            bankName: string;
            /** @description null for a supplier whose roster schema has no dairy columns */
            farmName: string | null;
            province: string;
            herdSize: number | null;
            /** @example 12.5 */
            yearsExperience: string | null;
            epidemicCertNo: string | null;
            /**
             * Format: date
             * @example 2027-05-01
             */
            epidemicCertExpiry: string | null;
            deliveryMonths: number | null;
            /** @example 42000.000 */
            avgMonthlyDeliveryKg: string | null;
            /** @example 145000.00 */
            avgMonthlySettlement: string | null;
            blacklisted: boolean;
            blacklistReason: string | null;
            /** Format: uuid */
            lastImportId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        SupplierIdentityResponse: {
            /** Format: uuid */
            id: string;
            supplierCode: string;
            name: string;
            /** @enum {string} */
            supplierType: "INDIVIDUAL" | "ENTITY";
            /** @description in full: this read is audited */
            idNumber: string;
            legalRepIdNumber: string | null;
            phone: string;
            bankAccount: string;
            bankName: string;
        };
        AttributeResponse: {
            /**
             * @description a-z, 0-9 and _, starting with a letter; at most 40
             * @example cooperation_years
             */
            key: string;
            /** @example years of cooperation */
            label: string;
            /**
             * @description other headers that name it (its key always does)
             * @example [
             *       "合作年限"
             *     ]
             */
            aliases: string[];
            /** @enum {string} */
            type: "INTEGER" | "DECIMAL" | "MONEY" | "DATE" | "BOOLEAN" | "TEXT" | "ENUM";
            required: boolean;
            /**
             * @description INTEGER, DECIMAL, MONEY (decimal strings) or DATE (YYYY-MM-DD)
             * @example 0
             */
            min?: string;
            /** @example 100 */
            max?: string;
            /**
             * @description ENUM only
             * @example [
             *       "A",
             *       "B",
             *       "M",
             *       "C",
             *       "D"
             *     ]
             */
            values?: string[];
            /** @description kept in a column of its own and checked by the dairy roster's rules (DAIRY_SUPPLIER only) */
            column?: boolean;
        };
        RosterTemplateResponse: {
            /** @enum {string} */
            name: "DAIRY_SUPPLIER" | "DEALER" | "FREIGHT_FORWARDER";
            /** @enum {string} */
            role: "SUPPLIER" | "DEALER";
            description: string;
            attributes: components["schemas"]["AttributeResponse"][];
        };
        RosterTemplatesResponse: {
            items: components["schemas"]["RosterTemplateResponse"][];
        };
        RosterSchemaResponse: {
            /**
             * Format: uuid
             * @description null for version 0: the role's default template, not set yet
             */
            id: string | null;
            /** Format: uuid */
            coreEnterpriseId: string;
            /** @enum {string} */
            role: "SUPPLIER" | "DEALER";
            version: number;
            /** @enum {string|null} */
            template: "DAIRY_SUPPLIER" | "DEALER" | "FREIGHT_FORWARDER" | null;
            /** @description the attributes in effect, the template's included */
            attributes: components["schemas"]["AttributeResponse"][];
        };
        AttributeDoc: {
            /**
             * @description a-z, 0-9 and _, starting with a letter; at most 40
             * @example cooperation_years
             */
            key: string;
            /** @example years of cooperation */
            label: string;
            /**
             * @description other headers that name it (its key always does)
             * @example [
             *       "合作年限"
             *     ]
             */
            aliases: string[];
            /** @enum {string} */
            type: "INTEGER" | "DECIMAL" | "MONEY" | "DATE" | "BOOLEAN" | "TEXT" | "ENUM";
            required: boolean;
            /**
             * @description INTEGER, DECIMAL, MONEY (decimal strings) or DATE (YYYY-MM-DD)
             * @example 0
             */
            min?: string;
            /** @example 100 */
            max?: string;
            /**
             * @description ENUM only
             * @example [
             *       "A",
             *       "B",
             *       "M",
             *       "C",
             *       "D"
             *     ]
             */
            values?: string[];
        };
        RosterSchemaBodyDoc: {
            /** @enum {string} */
            role: "SUPPLIER" | "DEALER";
            /**
             * @description the template's attributes come first; an attribute of the same key replaces one
             * @enum {string}
             */
            template?: "DAIRY_SUPPLIER" | "DEALER" | "FREIGHT_FORWARDER";
            attributes: components["schemas"]["AttributeDoc"][];
        };
        CounterpartyResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            coreEnterpriseId: string;
            /** @enum {string} */
            role: "SUPPLIER" | "DEALER";
            /** @example DLR-0001 */
            code: string;
            /** @enum {string} */
            counterpartyType: "INDIVIDUAL" | "ENTITY";
            name: string;
            /**
             * @description masked
             * @example 150102********6445
             */
            idNumber: string;
            /** @description masked */
            legalRepIdNumber: string | null;
            /**
             * @description masked
             * @example 138****6648
             */
            phone: string;
            /**
             * @description masked
             * @example 6228***********7748
             */
            bankAccount: string;
            bankName: string;
            province: string;
            /**
             * @description by attribute key: decimals, money and dates as strings, integers as numbers; the dairy template's columns for a dairy supplier
             * @example {
             *       "outlets": 4,
             *       "cooperation_years": "3",
             *       "annual_purchase_amount": "1200000.00"
             *     }
             */
            attributes: {
                [key: string]: (string | number | boolean) | null;
            };
            /** @description the roster schema version of the import that last wrote it */
            schemaVersion: number | null;
            blacklisted: boolean;
            blacklistReason: string | null;
            /** Format: uuid */
            lastImportId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        PurchaseOrderResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            coreEnterpriseId: string;
            /**
             * Format: uuid
             * @description the dealer
             */
            counterpartyId: string;
            /** @example DLR-0001 */
            dealerCode: string;
            /** @example PO-2026-001 */
            orderNo: string;
            /** @example 400000.00 */
            amount: string;
            /**
             * Format: date
             * @example 2026-11-27
             */
            orderDate: string;
            /** Format: date-time */
            createdAt: string;
        };
        /** @description some codes add members of their own */
        ItemProblem: {
            /** @example The supplier is on the bank's blacklist: no lending to it in any programme */
            title: string;
            /** @example 409 */
            status: number;
            /** @example The supplier is on the bank's blacklist: no application can be made for it */
            detail: string;
            /** @example SUPPLIER_BLACKLISTED */
            code: string;
            errors?: components["schemas"]["FieldError"][];
        } & {
            [key: string]: unknown;
        };
        PurchaseOrderBatchResultDoc: {
            /** @description the position of the order in the request */
            index: number;
            /** Format: uuid */
            id?: string;
            orderNo?: string;
            /** @description false when the same order had been confirmed before */
            created?: boolean;
            error?: components["schemas"]["ItemProblem"];
        };
        PurchaseOrderBatchResponse: {
            /** @description one per order, in order */
            results: components["schemas"]["PurchaseOrderBatchResultDoc"][];
        };
        PurchaseOrderInputDoc: {
            /**
             * Format: uuid
             * @description the dealer; or give dealerCode
             */
            counterpartyId?: string;
            /**
             * @description the dealer's code; or give counterpartyId
             * @example DLR-0001
             */
            dealerCode?: string;
            /** @example PO-2026-001 */
            orderNo: string;
            /** @example 400000.00 */
            amount: string;
            /**
             * Format: date
             * @example 2026-11-27
             */
            orderDate: string;
        };
        PurchaseOrderListInputDoc: {
            orders: components["schemas"]["PurchaseOrderInputDoc"][];
        };
        RosterImportFailureDoc: {
            /** @example ROSTER_HEADER_MISSING */
            code: string;
            message: string;
        };
        RosterImportResponse: {
            /**
             * Format: uuid
             * @description the same as id
             */
            importId: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            coreEnterpriseId: string;
            /** @enum {string} */
            status: "QUEUED" | "RUNNING" | "COMPLETED" | "FAILED";
            /** @example roster.csv */
            fileName: string;
            /** @enum {string} */
            fileType: "csv" | "xlsx";
            /** @description bytes */
            fileSize: number;
            totalRows: number | null;
            /** @description advances while RUNNING */
            processedRows: number;
            acceptedRows: number | null;
            rejectedRows: number | null;
            createdCount: number | null;
            updatedCount: number | null;
            unchangedCount: number | null;
            /** @description headers the roster schema does not know (ignored) */
            unknownColumns: string[];
            failure: components["schemas"]["RosterImportFailureDoc"] | null;
            attempts: number;
            /** @description every problem found, listed or not; null until finished */
            problemCount: number | null;
            /** @description only the first problems are listed in /errors */
            problemsTruncated: boolean;
            /**
             * Format: date-time
             * @description when the stored file was deleted
             */
            fileDeletedAt: string | null;
            /** @enum {string} */
            role: "SUPPLIER" | "DEALER";
            /** @description the version of the role's roster schema the file is read with */
            schemaVersion: number | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            startedAt: string | null;
            /** Format: date-time */
            finishedAt: string | null;
        };
        RosterErrorResponse: {
            /** @description the row in the file (the header is row 1) */
            row: number;
            supplierCode: string | null;
            /** @example herd_size */
            field: string | null;
            /** @example OUT_OF_RANGE */
            code: string;
            message: string;
        };
        RuleResultDoc: {
            rule: string;
            fact: string;
            operator: string;
            passed: boolean;
            /** @description the supplier fact (number, text or boolean), null when missing */
            actual: (number | string | boolean) | null;
            /** @example >= 3 */
            expected: string;
            /** @example years of experience 2.5 is below the required 3 */
            message: string;
        };
        EligibilityResponse: {
            /** Format: uuid */
            supplierId: string;
            /** Format: uuid */
            programmeId: string;
            eligible: boolean;
            /** @example 150000.00 */
            creditLimit: string;
            /**
             * @description creditLimit minus what approved, not yet repaid loans reserve
             * @example 100000.00
             */
            availableLimit: string;
            /** @example 50000.00 */
            reservedAmount: string;
            /** Format: date-time */
            evaluatedAt: string;
            /**
             * Format: date
             * @description the business date the facts were judged at (programme's time zone)
             * @example 2026-11-27
             */
            evaluationDate: string;
            rulesetVersion: number;
            /** @description the programme has a newer ruleset than this result; a re-screen is pending */
            stale: boolean;
            results: components["schemas"]["RuleResultDoc"][];
            /**
             * @description each limit term present in the formula, before the minimum and rounding
             * @example {
             *       "maxAmount": "500000.00"
             *     }
             */
            limitTerms: {
                [key: string]: string;
            };
        };
        ScreeningRunRequestedResponse: {
            /**
             * Format: uuid
             * @description follow it at GET /screening-runs/{jobId}
             */
            jobId: string;
            /** @enum {string} */
            status: "QUEUED" | "RUNNING" | "COMPLETED" | "FAILED";
            /** Format: uuid */
            programmeId: string;
        };
        ScreeningRunResponse: {
            /** Format: uuid */
            jobId: string;
            /** Format: uuid */
            programmeId: string;
            /**
             * @description what queued it: REQUEST, ROSTER_IMPORT, ...
             * @example REQUEST
             */
            trigger: string;
            /** @enum {string} */
            status: "QUEUED" | "RUNNING" | "COMPLETED" | "FAILED";
            rulesetVersion: number | null;
            /** @description suppliers screened (when COMPLETED) */
            suppliers: number | null;
            /** @description of them eligible (when COMPLETED) */
            eligible: number | null;
            failureMessage: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            startedAt: string | null;
            /** Format: date-time */
            finishedAt: string | null;
        };
        ScreeningResultResponse: {
            /** Format: uuid */
            supplierId: string;
            /** @example SUP-001 */
            supplierCode: string;
            name: string;
            eligible: boolean;
            /** @example 150000.00 */
            creditLimit: string;
            /** @example 120000.00 */
            availableLimit: string;
            /**
             * @example [
             *       "herd"
             *     ]
             */
            failedRules: string[];
            rulesetVersion: number;
            /** Format: date-time */
            evaluatedAt: string;
        };
        PreviewDto: {
            /** @description proposed rules (default: the current ones) */
            eligibilityRules?: components["schemas"]["EligibilityRuleDoc"][];
            /** @description proposed formula (default: the current one) */
            limitFormula?: components["schemas"]["LimitFormulaDoc"];
        };
        PreviewByRuleDoc: {
            /** @example herd */
            rule: string;
            /** @description null: the rule is not in the current ruleset */
            failingNow: number | null;
            /** @description null: the rule is not in the proposed ruleset */
            failingAfter: number | null;
        };
        PreviewSampleDoc: {
            /** Format: uuid */
            supplierId: string;
            supplierCode: string;
            name: string;
            /** @example 0.00 */
            limitNow: string;
            /** @example 40000.00 */
            limitAfter: string;
            failingNow: string[];
            failingAfter: string[];
        };
        PreviewSamplesDoc: {
            gained: components["schemas"]["PreviewSampleDoc"][];
            lost: components["schemas"]["PreviewSampleDoc"][];
        };
        EligibilityPreviewResponse: {
            /** Format: uuid */
            programmeId: string;
            /**
             * Format: date
             * @example 2026-11-27
             */
            evaluationDate: string;
            suppliers: number;
            eligibleNow: number;
            eligibleAfter: number;
            gained: number;
            lost: number;
            /** @example 1600000.00 */
            totalLimitNow: string;
            /** @example 1080000.00 */
            totalLimitAfter: string;
            byRule: components["schemas"]["PreviewByRuleDoc"][];
            /** @description up to 20 suppliers gained and 20 lost */
            sample: components["schemas"]["PreviewSamplesDoc"];
        };
        BlacklistDto: {
            /** @example fraudulent delivery records confirmed by the core enterprise */
            reason: string;
        };
        RescreenedDoc: {
            /** Format: uuid */
            programmeId: string;
            eligible: boolean;
            /** @example 150000.00 */
            creditLimit: string;
        };
        BlacklistResponse: {
            /** Format: uuid */
            supplierId: string;
            blacklisted: boolean;
            /** @description its screening in each programme, redone at once */
            rescreened: components["schemas"]["RescreenedDoc"][];
        };
        UnblacklistDto: {
            /** @example cleared after review */
            reason?: string;
        };
        SubmitLoanDto: {
            /** Format: uuid */
            programmeId: string;
            /** Format: uuid */
            supplierId: string;
            /**
             * @description decimal string; a JSON number is refused
             * @example 120000.00
             */
            amount: string;
            /** @example 180 */
            termDays: number;
            /** @example silage purchase, Aug-Oct */
            purpose?: string;
            /**
             * Format: uuid
             * @description DOWNSTREAM programmes (and only they): the dealer's purchase order the core enterprise confirmed; the amount is at most the order x advanceRatio, one live loan per order
             */
            purchaseOrderId?: string;
        };
        LoanScreeningDoc: {
            eligible: boolean;
            /** @example 150000.00 */
            creditLimit: string;
            /**
             * @description the limit left when it was submitted
             * @example 150000.00
             */
            availableLimit: string;
            rulesetVersion: number;
            /**
             * Format: date
             * @example 2026-11-27
             */
            evaluationDate: string;
            /**
             * @example [
             *       "experience"
             *     ]
             */
            failedRules: string[];
            results: components["schemas"]["RuleResultDoc"][];
        };
        LoanApprovalDoc: {
            /**
             * @description to a core enterprise, the bank's staff show as their role
             * @example officer.li
             */
            by: string;
            /**
             * Format: uuid
             * @description null to a core enterprise
             */
            byId: string | null;
            /** Format: date-time */
            at: string;
        };
        LoanSubmitterDoc: {
            /** @enum {string} */
            kind: "USER" | "API_KEY" | "SYSTEM";
            /** @example clerk.wang */
            name: string;
            /** @enum {string} */
            role: "ADMIN" | "OFFICER" | "SENIOR_OFFICER" | "ENTERPRISE" | "AUDITOR";
        };
        LoanPayeeDoc: {
            /** @example 张三 */
            name: string | null;
            /**
             * @description masked
             * @example 6228***********4267
             */
            bankAccount: string;
            /** @example 中国农业银行 */
            bankName: string | null;
        };
        LoanTermsDoc: {
            /** @example 0.0435 */
            annualRate: string;
            /** @enum {string} */
            dayCountBasis: "ACT/360" | "ACT/365";
            /** @enum {string} */
            repaymentType: "INTEREST_MONTHLY" | "BULLET";
            /** @example 21 */
            interestDay: number;
            /** @example 3 */
            graceDays: number;
            /** @example 1.5 */
            penaltyRateMultiplier: string;
        };
        LoanSupplierDoc: {
            /** Format: uuid */
            id: string;
            /** @example SUP-001 */
            supplierCode: string;
            /** @example 张三 */
            name: string;
            /** @example INDIVIDUAL */
            supplierType: string;
            /**
             * @description masked
             * @example 150102********4227
             */
            idNumber: string;
        };
        LoanCurrentScreeningDoc: {
            eligible: boolean;
            /** @example 150000.00 */
            creditLimit: string;
            /** @example 138000.00 */
            availableLimit: string;
            rulesetVersion: number | null;
        };
        ActorRefDoc: {
            /** @enum {string} */
            kind: "USER" | "API_KEY" | "SYSTEM";
            /** @description null for the bank's staff, to a core enterprise */
            id: string | null;
            /** @example officer.li */
            name: string | null;
            /** @enum {string|null} */
            role: "ADMIN" | "OFFICER" | "SENIOR_OFFICER" | "ENTERPRISE" | "AUDITOR" | null;
        };
        LoanTransitionDoc: {
            /** @enum {string|null} */
            from: "SUBMITTED" | "REJECTED_INELIGIBLE" | "PENDING_REVIEW" | "PENDING_SECOND_APPROVAL" | "APPROVED" | "REJECTED" | "DISBURSING" | "DISBURSED" | "REPAID" | "CANCELLED" | null;
            /** @enum {string} */
            to: "SUBMITTED" | "REJECTED_INELIGIBLE" | "PENDING_REVIEW" | "PENDING_SECOND_APPROVAL" | "APPROVED" | "REJECTED" | "DISBURSING" | "DISBURSED" | "REPAID" | "CANCELLED";
            actor: components["schemas"]["ActorRefDoc"];
            comment: string | null;
            reason: string | null;
            /** Format: date-time */
            at: string;
        };
        LoanApplicationResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            programmeId: string;
            /** Format: uuid */
            supplierId: string;
            /** Format: uuid */
            coreEnterpriseId: string;
            /** @example 150000.00 */
            amount: string;
            /** @example 180 */
            termDays: number;
            purpose: string | null;
            /** @enum {string} */
            status: "SUBMITTED" | "REJECTED_INELIGIBLE" | "PENDING_REVIEW" | "PENDING_SECOND_APPROVAL" | "APPROVED" | "REJECTED" | "DISBURSING" | "DISBURSED" | "REPAID" | "CANCELLED";
            /** @example 0.0435 */
            annualRate: string;
            /** @example 75000.00 */
            guaranteedAmount: string;
            /** @description decided at the first approval */
            fourEyesRequired: boolean | null;
            /** @description the amount is reserved against the limits */
            reserved: boolean;
            screening: components["schemas"]["LoanScreeningDoc"];
            failedRules: string[];
            firstApproval: components["schemas"]["LoanApprovalDoc"] | null;
            approval: components["schemas"]["LoanApprovalDoc"] | null;
            submittedBy: components["schemas"]["LoanSubmitterDoc"];
            /** Format: date-time */
            disbursedAt: string | null;
            /**
             * Format: date
             * @example 2026-11-27
             */
            valueDate: string | null;
            payee: components["schemas"]["LoanPayeeDoc"] | null;
            /**
             * Format: uuid
             * @description a dealer loan's purchase order (DOWNSTREAM programmes)
             */
            purchaseOrderId?: string;
            /** @description frozen at the final approval */
            terms: components["schemas"]["LoanTermsDoc"] | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description in the queue and on a single application */
            supplier?: components["schemas"]["LoanSupplierDoc"];
            /** @description the supplier's screening now */
            currentScreening?: components["schemas"]["LoanCurrentScreeningDoc"] | null;
            /** @description on a single application: every transition */
            history?: components["schemas"]["LoanTransitionDoc"][];
        };
        BatchItemDto: {
            /** Format: uuid */
            supplierId: string;
            /**
             * @description decimal string; a JSON number is refused
             * @example 120000.00
             */
            amount: string;
            /** @example 180 */
            termDays: number;
            /** @example silage purchase, Aug-Oct */
            purpose?: string;
            /**
             * Format: uuid
             * @description DOWNSTREAM programmes (and only they): the dealer's purchase order the core enterprise confirmed; the amount is at most the order x advanceRatio, one live loan per order
             */
            purchaseOrderId?: string;
        };
        BatchSubmitDto: {
            /** @description each item is checked on its own: one bad item never sinks the others */
            applications: components["schemas"]["BatchItemDto"][];
        };
        LoanBatchResultDoc: {
            /** @description the position of the item in the request */
            index: number;
            /** Format: uuid */
            id?: string;
            /** @enum {string} */
            status?: "SUBMITTED" | "REJECTED_INELIGIBLE" | "PENDING_REVIEW" | "PENDING_SECOND_APPROVAL" | "APPROVED" | "REJECTED" | "DISBURSING" | "DISBURSED" | "REPAID" | "CANCELLED";
            error?: components["schemas"]["ItemProblem"];
        };
        LoanBatchResponse: {
            /** @description one per item, in order: its id and status, or its error */
            results: components["schemas"]["LoanBatchResultDoc"][];
        };
        ApproveDto: {
            /** @example deliveries verified against settlement records */
            comment?: string;
        };
        ReasonDto: {
            /** @example herd count not confirmed by the core enterprise */
            reason: string;
        };
        TrialBalanceLineResponse: {
            /** @enum {string} */
            account: "LOAN_PRINCIPAL" | "INTEREST_RECEIVABLE" | "PENALTY_RECEIVABLE" | "INTEREST_INCOME" | "PENALTY_INCOME" | "BANK_CLEARING";
            /** @example 1000000.00 */
            debit: string;
            /** @example 0.00 */
            credit: string;
            /**
             * @description debit − credit; credit − debit for the income accounts
             * @example 1000000.00
             */
            balance: string;
        };
        TrialBalanceResponse: {
            accounts: components["schemas"]["TrialBalanceLineResponse"][];
            /** @example 1000000.00 */
            totalDebit: string;
            /**
             * @description Always equal to totalDebit
             * @example 1000000.00
             */
            totalCredit: string;
        };
        CobRunRequestDto: {
            /**
             * @description the last business date to close; default yesterday; never today or later
             * @example 2026-12-01
             */
            upTo?: string;
        };
        CobRunResponse: {
            /**
             * Format: uuid
             * @description null when there was nothing to close and no run was made
             */
            id: string | null;
            /** @enum {string} */
            status: "QUEUED" | "RUNNING" | "COMPLETED" | "FAILED";
            /**
             * Format: date
             * @example 2026-11-28
             */
            fromDate: string | null;
            /**
             * Format: date
             * @example 2026-11-30
             */
            toDate: string;
            /**
             * Format: date
             * @description the last date this run has closed for every open loan
             */
            closedThrough: string | null;
            /** @description loan-dates closed by this run (a loan closed for 3 dates counts 3) */
            loansProcessed: number;
            /** @enum {string} */
            trigger: "REQUEST" | "SCHEDULE";
            error: string | null;
        };
        PortfolioSliceResponse: {
            /** @example 12 */
            count: number;
            /** @example 1200000.00 */
            principal: string;
        };
        PortfolioClassificationResponse: {
            NORMAL: components["schemas"]["PortfolioSliceResponse"];
            SPECIAL_MENTION: components["schemas"]["PortfolioSliceResponse"];
            SUBSTANDARD: components["schemas"]["PortfolioSliceResponse"];
            DOUBTFUL: components["schemas"]["PortfolioSliceResponse"];
            LOSS: components["schemas"]["PortfolioSliceResponse"];
        };
        PortfolioDpdResponse: {
            /** @example 12 */
            count: number;
            /** @example 1200000.00 */
            principal: string;
            /**
             * @example 1-30
             * @enum {string}
             */
            bucket: "0" | "1-30" | "31-60" | "61-90" | "91-180" | "181-360" | ">360";
        };
        PortfolioResponse: {
            /** Format: uuid */
            programmeId: string;
            /**
             * Format: date
             * @description Today's business date in the programme's time zone
             * @example 2026-11-29
             */
            asOf: string;
            /**
             * @description Open (DISBURSED) loans
             * @example 120
             */
            loans: number;
            /** @example 12000000.00 */
            principalOutstanding: string;
            /**
             * @description Interest receivable: billed and unpaid plus accrued, rounded per loan (the ledger balance)
             * @example 5432.10
             */
            interestAccrued: string;
            /**
             * @description Penalty receivable, the same way
             * @example 0.00
             */
            penaltyAccrued: string;
            /**
             * @description Principal outstanding of the loans that are overdue (DPD above grace)
             * @example 300000.00
             */
            overduePrincipal: string;
            byClassification: components["schemas"]["PortfolioClassificationResponse"];
            byDpd: components["schemas"]["PortfolioDpdResponse"][];
        };
        RepaymentDto: {
            /**
             * @description decimal string, more than 0.00; a JSON number is refused
             * @example 1000.00
             */
            amount: string;
            /**
             * @description the bank statement credit's reference; unique per loan, a repeat answers the first result
             * @example BOC-20260310-000123
             */
            reference: string;
        };
        AllocationsDoc: {
            /** @example 0.00 */
            penalty: string;
            /** @example 120.50 */
            interest: string;
            /** @example 10000.00 */
            principal: string;
        };
        ScheduleLineDoc: {
            /**
             * Format: date
             * @example 2026-11-27
             */
            dueDate: string;
            billed: boolean;
            /** @example 0.00 */
            principal: string;
            /**
             * @description null until billed
             * @example 120.50
             */
            interest: string | null;
            /** @example 0.00 */
            penalty: string;
            /**
             * @description paid against the date, penalty billed onto it included
             * @example 0.00
             */
            paid: string;
        };
        StatementRepaymentDoc: {
            /** @enum {string} */
            source: "DIRECT" | "SETTLEMENT";
            /**
             * Format: uuid
             * @description the direct repayment's id; null for a settlement's allocation
             */
            id: string | null;
            /** Format: uuid */
            settlementId: string | null;
            /** @example BOC-20260310-000123 */
            reference: string;
            /** @example 10000.00 */
            amount: string;
            /**
             * Format: date
             * @example 2026-11-27
             */
            businessDate: string;
            allocations: components["schemas"]["AllocationsDoc"];
            /** @description who entered a direct repayment; null for a settlement's allocation */
            by: components["schemas"]["ActorRefDoc"] | null;
            /** Format: date-time */
            at: string;
        };
        EntryLineDoc: {
            /** @enum {string} */
            account: "LOAN_PRINCIPAL" | "INTEREST_RECEIVABLE" | "PENALTY_RECEIVABLE" | "INTEREST_INCOME" | "PENALTY_INCOME" | "BANK_CLEARING";
            /** @example 10000.00 */
            debit: string;
            /** @example 0.00 */
            credit: string;
        };
        LoanEntryDoc: {
            /**
             * @description a bigint, as a string
             * @example 1
             */
            id: string;
            /** @enum {string} */
            type: "DISBURSEMENT" | "ACCRUAL" | "REPAYMENT";
            /**
             * Format: date
             * @example 2026-11-27
             */
            businessDate: string;
            reference: string | null;
            /** Format: date-time */
            postedAt: string;
            /** @description only this loan's lines */
            lines: components["schemas"]["EntryLineDoc"][];
        };
        StatementResponse: {
            /** @enum {string} */
            status: "DISBURSED" | "REPAID";
            /**
             * Format: date
             * @example 2026-11-27
             */
            asOf: string;
            /**
             * Format: date
             * @example 2026-11-27
             */
            valueDate: string;
            /**
             * Format: date
             * @example 2026-11-27
             */
            maturityDate: string;
            /**
             * Format: date
             * @description the last date the end of day closed for the loan
             * @example 2026-11-27
             */
            cobDate: string | null;
            /** @example 150000.00 */
            principal: string;
            /** @example 130000.00 */
            principalOutstanding: string;
            /** @example 0.00 */
            principalDue: string;
            /** @example 0.00 */
            interestDue: string;
            /** @example 0.00 */
            penaltyDue: string;
            /**
             * @description to 10 decimals: the unbilled part of the current period
             * @example 12.3456789012
             */
            accruedInterest: string;
            /**
             * @description to 10 decimals: the unbilled part of the current period
             * @example 0.0000000000
             */
            accruedPenalty: string;
            /** @example 130012.35 */
            payoffAmount: string;
            /** @description days past due */
            dpd: number;
            overdue: boolean;
            /** @enum {string} */
            classification: "NORMAL" | "SPECIAL_MENTION" | "SUBSTANDARD" | "DOUBTFUL" | "LOSS";
            /** @description paid so far */
            paid: components["schemas"]["AllocationsDoc"];
            schedule: components["schemas"]["ScheduleLineDoc"][];
            repayments: components["schemas"]["StatementRepaymentDoc"][];
            entries: components["schemas"]["LoanEntryDoc"][];
        };
        RepaymentResultResponse: {
            /** @description penalty, then interest, then principal */
            allocations: components["schemas"]["AllocationsDoc"];
            /** @description the statement after it, as GET /statement answers it */
            statement: components["schemas"]["StatementResponse"];
        };
        SettlementQueuedResponse: {
            /**
             * Format: uuid
             * @description poll GET /settlements/{settlementId}
             */
            settlementId: string;
            /** @enum {string} */
            status: "QUEUED" | "COMPUTED" | "CONFIRMED" | "FAILED";
        };
        SettlementFailureDoc: {
            /** @example SETTLEMENT_FILE_INVALID */
            code: string;
            message: string;
        };
        SettlementProblemDoc: {
            /** @description the row a spreadsheet shows; null for the file as a whole */
            row: number | null;
            /** @example payable_amount */
            field: string | null;
            /** @example NOT_A_NUMBER */
            code: string;
            message: string;
        };
        SettlementResponse: {
            /**
             * Format: uuid
             * @description the same as id
             */
            settlementId: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            coreEnterpriseId: string;
            /** @enum {string} */
            status: "QUEUED" | "COMPUTED" | "CONFIRMED" | "FAILED";
            /** @example settlement.csv */
            fileName: string;
            /** @enum {string} */
            fileType: "csv" | "xlsx";
            /** @description bytes */
            fileSize: number;
            /**
             * Format: date
             * @description the business date it was computed on
             * @example 2026-11-27
             */
            businessDate: string | null;
            rows: number | null;
            /** @description rows of a known supplier */
            matchedRows: number | null;
            /** @example 33645.67 */
            totalPayable: string | null;
            /**
             * @description what the core enterprise remits to the bank
             * @example 25876.53
             */
            totalDeduction: string | null;
            failure: components["schemas"]["SettlementFailureDoc"] | null;
            problemCount: number;
            /** @description the first 1,000 problems */
            problems: components["schemas"]["SettlementProblemDoc"][];
            /** @example 25876.53 */
            remittedAmount: string | null;
            confirmedBy: components["schemas"]["ActorRefDoc"] | null;
            /** Format: date-time */
            confirmedAt: string | null;
            /** Format: date-time */
            computedAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        SettlementAllocationDoc: {
            /** Format: uuid */
            loanApplicationId: string;
            /** @example 0.00 */
            penalty: string;
            /** @example 120.50 */
            interest: string;
            /** @example 10000.00 */
            principal: string;
        };
        SettlementLineResponse: {
            row: number;
            /** @example SUP-001 */
            supplierCode: string;
            /**
             * Format: uuid
             * @description null: no supplier of this code
             */
            supplierId: string | null;
            /** @example 2026-03 */
            period: string | null;
            /** @example 12000.00 */
            payable: string;
            /** @example 9600.00 */
            deduction: string;
            /**
             * @description what the core enterprise pays the supplier
             * @example 2400.00
             */
            netPayable: string;
            allocations: components["schemas"]["SettlementAllocationDoc"][];
            note: string | null;
        };
        ConfirmSettlementDto: {
            /**
             * @description What arrived from the core enterprise: must equal totalDeduction
             * @example 12345.67
             */
            remittedAmount: string;
        };
        CreateBatchDto: {
            /** Format: uuid */
            programmeId: string;
            /** @description APPROVED loans to pay; default: every APPROVED loan of the programme not in another open batch */
            loanApplicationIds?: string[];
        };
        BatchCountsDoc: {
            items: number;
            pending: number;
            sent: number;
            settled: number;
            failed: number;
        };
        BatchTotalsDoc: {
            /** @example 50000.00 */
            amount: string;
            /** @example 0.00 */
            settled: string;
            /** @example 0.00 */
            failed: string;
            /**
             * @description pending and sent
             * @example 50000.00
             */
            outstanding: string;
        };
        ReconciliationDoc: {
            /** @enum {string} */
            outcome: "PAID" | "NOT_PAID";
            note: string | null;
            /** @example officer.li */
            by: string;
            /** Format: date-time */
            at: string;
        };
        PaymentHoldDoc: {
            /**
             * @description the bank's reason code
             * @example AC04
             */
            reasonCode: string | null;
            reason: string | null;
            /** @description the pain.002 that refused it */
            reportMessageId: string | null;
            heldBy: string | null;
            /** Format: date-time */
            heldAt: string;
            reconciliation: components["schemas"]["ReconciliationDoc"] | null;
        };
        DisbursementItemResponse: {
            /** Format: uuid */
            id: string;
            seq: number;
            /** Format: uuid */
            loanApplicationId: string;
            /** @example 10000.00 */
            amount: string;
            creditorName: string;
            /**
             * @description masked
             * @example 6228***********4267
             */
            creditorAccount: string;
            creditorBank: string | null;
            /** @description still to be paid, and the supplier's account now differs from the one frozen at approval */
            payeeChanged: boolean;
            /** @example CL287293A4A49E414CCE6C2252822654EE */
            endToEndId: string;
            /** @enum {string} */
            status: "PENDING" | "SENT" | "SETTLED" | "FAILED";
            attempts: number;
            failureCode: string | null;
            failureReason: string | null;
            /** Format: date-time */
            sentAt: string | null;
            /** Format: date-time */
            settledAt: string | null;
            /** @description held after a RJCT until an officer reconciles it */
            hold: components["schemas"]["PaymentHoldDoc"] | null;
        };
        DisbursementBatchResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            programmeId: string;
            /** Format: uuid */
            coreEnterpriseId: string;
            /** @enum {string} */
            status: "DRAFT" | "APPROVED" | "EXECUTING" | "COMPLETED" | "PARTIALLY_FAILED" | "FAILED";
            /** @enum {string|null} */
            channel: "API" | "FILE" | null;
            /**
             * @description the pain.001 message id
             * @example CLB3257F5CE8989123733AFF462
             */
            messageId: string;
            /** @example officer.li */
            createdBy: string;
            approvedBy: string | null;
            /** Format: date-time */
            approvedAt: string | null;
            executedBy: string | null;
            /** Format: date-time */
            executeRequestedAt: string | null;
            /** Format: date-time */
            finishedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            counts: components["schemas"]["BatchCountsDoc"];
            /** @description items held for reconciliation */
            held: number;
            /** @description items whose payee changed since approval */
            payeeChanged: number;
            totals: components["schemas"]["BatchTotalsDoc"];
            items: components["schemas"]["DisbursementItemResponse"][];
        };
        DisbursementBatchSummaryResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            programmeId: string;
            /** Format: uuid */
            coreEnterpriseId: string;
            /** @enum {string} */
            status: "DRAFT" | "APPROVED" | "EXECUTING" | "COMPLETED" | "PARTIALLY_FAILED" | "FAILED";
            /** @enum {string|null} */
            channel: "API" | "FILE" | null;
            /**
             * @description the pain.001 message id
             * @example CLB3257F5CE8989123733AFF462
             */
            messageId: string;
            /** @example officer.li */
            createdBy: string;
            approvedBy: string | null;
            /** Format: date-time */
            approvedAt: string | null;
            executedBy: string | null;
            /** Format: date-time */
            executeRequestedAt: string | null;
            /** Format: date-time */
            finishedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            counts: components["schemas"]["BatchCountsDoc"];
            /** @description items held for reconciliation */
            held: number;
            /** @description items whose payee changed since approval */
            payeeChanged: number;
            totals: components["schemas"]["BatchTotalsDoc"];
        };
        StatusReportConflictDoc: {
            endToEndId: string;
            /** @enum {string} */
            itemStatus: "PENDING" | "SENT" | "SETTLED" | "FAILED";
            /** @example ACSC */
            reported: string;
        };
        StatusReportResponse: {
            /** Format: uuid */
            batchId: string;
            /** @description the pain.002 message id */
            messageId: string;
            /** @description transaction statuses in the report */
            transactions: number;
            settled: number;
            /** @description always 0: a report holds a refused payment, never fails it */
            failed: number;
            /** @description refused (RJCT): held for reconciliation */
            held: number;
            /** @description statuses that say what the item already is */
            unchanged: number;
            /** @description statuses that decide nothing yet (PDNG, ACTC ...) */
            pending: number;
            /** @description endToEndIds the batch does not have */
            unknown: string[];
            /** @description statuses that contradict the item's state: nothing changed */
            conflicts: components["schemas"]["StatusReportConflictDoc"][];
            /** @enum {string} */
            batchStatus: "DRAFT" | "APPROVED" | "EXECUTING" | "COMPLETED" | "PARTIALLY_FAILED" | "FAILED";
        };
        ReconcileItemDto: {
            /**
             * @description what the bank statement shows: PAID settles the item and disburses the loan; NOT_PAID fails it and frees the loan's reservation
             * @enum {string}
             */
            outcome: "PAID" | "NOT_PAID";
            /** @example not on the statement of the disbursement account for 2026-11-28 */
            note: string;
        };
        HealthResponse: {
            /** @enum {string} */
            status: "ok";
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       }
             *     }
             */
            info?: {
                [key: string]: {
                    status: string;
                } & {
                    [key: string]: unknown;
                };
            };
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       }
             *     }
             */
            error?: {
                [key: string]: {
                    status: string;
                } & {
                    [key: string]: unknown;
                };
            };
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       }
             *     }
             */
            details: {
                [key: string]: {
                    status: string;
                } & {
                    [key: string]: unknown;
                };
            };
        };
        SimTransferResponse: {
            /** @example CL287293A4A49E414CCE6C2252822654EE */
            endToEndId: string;
            /** @description the loan application id the transfer pays */
            reference: string;
            /** @example 80000.00 */
            amount: string;
            /**
             * @description masked
             * @example 6316************3125
             */
            creditorAccount: string;
            /** @enum {string} */
            status: "SETTLED" | "REJECTED";
            /** @example AC04 */
            reasonCode: string | null;
            reasonText: string | null;
            /** Format: date-time */
            createdAt: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listAuditEvents: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                entityType?: string;
                entityId?: string;
                action?: string;
            };
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AuditEventResponse"][];
                        /** @example 1 */
                        page: number;
                        /** @example 50 */
                        pageSize: number;
                        /**
                         * @description items in all pages
                         * @example 1
                         */
                        total: number;
                    };
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials (problem+json, code UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Only ADMIN, AUDITOR (problem+json, code FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getClock: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClockResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only ADMIN, OFFICER, SENIOR_OFFICER, AUDITOR (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setClock: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetClockDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClockResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only ADMIN (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["UserResponse"][];
                        /** @example 1 */
                        page: number;
                        /** @example 50 */
                        pageSize: number;
                        /**
                         * @description items in all pages
                         * @example 1
                         */
                        total: number;
                    };
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only ADMIN (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only ADMIN (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCurrentUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CurrentActorResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials (problem+json, code UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    changeOwnPassword: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeOwnPasswordDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasswordChangedResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Role not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only ADMIN (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    disableUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DisableUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only ADMIN (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    enableUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only ADMIN (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resetUserPassword: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetPasswordDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only ADMIN (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeUserTokens: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only ADMIN (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listApiKeys: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyResponse"][];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only ADMIN (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKeyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKeyResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only ADMIN (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only ADMIN (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCoreEnterprises: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                /** @description matches name or USCC */
                q?: string;
            };
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["CoreEnterpriseResponse"][];
                        /** @example 1 */
                        page: number;
                        /** @example 50 */
                        pageSize: number;
                        /**
                         * @description items in all pages
                         * @example 1
                         */
                        total: number;
                    };
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createCoreEnterprise: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCoreEnterpriseDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoreEnterpriseResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only ADMIN (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCoreEnterprise: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoreEnterpriseResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateCoreEnterprise: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCoreEnterpriseDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoreEnterpriseResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only ADMIN (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listProgrammes: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                coreEnterpriseId?: string;
                active?: string;
            };
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ProgrammeResponse"][];
                        /** @example 1 */
                        page: number;
                        /** @example 50 */
                        pageSize: number;
                        /**
                         * @description items in all pages
                         * @example 1
                         */
                        total: number;
                    };
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createProgramme: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProgrammeDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgrammeResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only ADMIN (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getProgramme: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgrammeResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateProgramme: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProgrammeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgrammeResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only ADMIN (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listProgrammeRulesets: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RulesetResponse"][];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSuppliers: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                /** @description matches the supplier code (prefix) or the name (anywhere) */
                q?: string;
            };
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SupplierResponse"][];
                        /** @example 1 */
                        page: number;
                        /** @example 50 */
                        pageSize: number;
                        /**
                         * @description items in all pages
                         * @example 1
                         */
                        total: number;
                    };
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSupplier: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplierResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSupplierIdentity: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplierIdentityResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only OFFICER, SENIOR_OFFICER, ADMIN (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listRosterTemplates: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RosterTemplatesResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRosterSchema: {
        parameters: {
            query?: {
                role?: "SUPPLIER" | "DEALER";
            };
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RosterSchemaResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putRosterSchema: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RosterSchemaBodyDoc"];
            };
        };
        responses: {
            /** @description the new version */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RosterSchemaResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only ADMIN (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCounterparties: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                role?: "SUPPLIER" | "DEALER";
                /** @description matches the code (prefix) or the name (anywhere) */
                q?: string;
            };
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["CounterpartyResponse"][];
                        /** @example 1 */
                        page: number;
                        /** @example 50 */
                        pageSize: number;
                        /**
                         * @description items in all pages
                         * @example 1
                         */
                        total: number;
                    };
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCounterparty: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CounterpartyResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPurchaseOrders: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["PurchaseOrderResponse"][];
                        /** @example 1 */
                        page: number;
                        /** @example 50 */
                        pageSize: number;
                        /**
                         * @description items in all pages
                         * @example 1
                         */
                        total: number;
                    };
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    confirmPurchaseOrders: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PurchaseOrderInputDoc"] | components["schemas"]["PurchaseOrderListInputDoc"];
            };
        };
        responses: {
            /** @description the order, confirmed before; or, for a list, each order's outcome */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchaseOrderResponse"] | components["schemas"]["PurchaseOrderBatchResponse"];
                };
            };
            /** @description the order, confirmed now */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchaseOrderResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only ENTERPRISE (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPurchaseOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchaseOrderResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    uploadRoster: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                    /**
                     * @description the counterparties the roster lists
                     * @default SUPPLIER
                     * @enum {string}
                     */
                    role?: "SUPPLIER" | "DEALER";
                };
            };
        };
        responses: {
            /** @description the import, QUEUED (a replay: as it is now) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RosterImportResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only ENTERPRISE, ADMIN (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listRosterImports: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["RosterImportResponse"][];
                        /** @example 1 */
                        page: number;
                        /** @example 50 */
                        pageSize: number;
                        /**
                         * @description items in all pages
                         * @example 1
                         */
                        total: number;
                    };
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRosterImport: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RosterImportResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listRosterImportErrors: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["RosterErrorResponse"][];
                        /** @example 1 */
                        page: number;
                        /** @example 50 */
                        pageSize: number;
                        /**
                         * @description items in all pages
                         * @example 1
                         */
                        total: number;
                    };
                    "text/csv": string;
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    retryRosterImport: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the import, QUEUED again */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RosterImportResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only ENTERPRISE, ADMIN (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSupplierEligibility: {
        parameters: {
            query?: {
                /** @description required when the core enterprise has more than one programme */
                programmeId?: string;
            };
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EligibilityResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rescreenProgramme: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScreeningRunRequestedResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only ADMIN, OFFICER (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listScreeningRuns: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ScreeningRunResponse"][];
                        /** @example 1 */
                        page: number;
                        /** @example 50 */
                        pageSize: number;
                        /**
                         * @description items in all pages
                         * @example 1
                         */
                        total: number;
                    };
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listScreeningResults: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                eligible?: "true" | "false";
            };
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ScreeningResultResponse"][];
                        /** @example 1 */
                        page: number;
                        /** @example 50 */
                        pageSize: number;
                        /**
                         * @description items in all pages
                         * @example 1
                         */
                        total: number;
                    };
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getScreeningRun: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScreeningRunResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    previewEligibility: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PreviewDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EligibilityPreviewResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only ADMIN, OFFICER, SENIOR_OFFICER (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    blacklistSupplier: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BlacklistDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BlacklistResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only OFFICER, SENIOR_OFFICER (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unblacklistSupplier: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UnblacklistDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BlacklistResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only OFFICER, SENIOR_OFFICER (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listLoanApplications: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                status?: "SUBMITTED" | "REJECTED_INELIGIBLE" | "PENDING_REVIEW" | "PENDING_SECOND_APPROVAL" | "APPROVED" | "REJECTED" | "DISBURSING" | "DISBURSED" | "REPAID" | "CANCELLED";
                programmeId?: string;
                supplierId?: string;
                coreEnterpriseId?: string;
            };
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description applications with their supplier's summary */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["LoanApplicationResponse"][];
                        /** @example 1 */
                        page: number;
                        /** @example 50 */
                        pageSize: number;
                        /**
                         * @description items in all pages
                         * @example 1
                         */
                        total: number;
                    };
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    submitLoanApplication: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubmitLoanDto"];
            };
        };
        responses: {
            /** @description the application with its status and screening */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoanApplicationResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only ENTERPRISE, OFFICER (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    submitLoanApplicationBatch: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BatchSubmitDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoanBatchResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only ENTERPRISE, OFFICER (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getLoanApplication: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the application with its supplier and history[] */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoanApplicationResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    approveLoanApplication: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApproveDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoanApplicationResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only OFFICER, SENIOR_OFFICER (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rejectLoanApplication: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoanApplicationResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only OFFICER, SENIOR_OFFICER (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelLoanApplication: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoanApplicationResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only ENTERPRISE, OFFICER (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTrialBalance: {
        parameters: {
            query?: {
                /** @description Only this programme */
                programmeId?: string;
            };
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrialBalanceResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad credentials (problem+json, code UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Only ADMIN, AUDITOR (problem+json, code FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    requestCobRun: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CobRunRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CobRunResponse"];
                };
            };
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CobRunResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only ADMIN (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCobRun: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CobRunResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only ADMIN (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getProgrammePortfolio: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortfolioResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postRepayment: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RepaymentDto"];
            };
        };
        responses: {
            /** @description the allocations and the statement after it (a repeat: the first result) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RepaymentResultResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only OFFICER, SENIOR_OFFICER (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getLoanStatement: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatementResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    uploadSettlement: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            /** @description OK */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettlementQueuedResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only ENTERPRISE, OFFICER (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The upload stalled or crawled */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSettlement: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettlementResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSettlementLines: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SettlementLineResponse"][];
                        /** @example 1 */
                        page: number;
                        /** @example 50 */
                        pageSize: number;
                        /**
                         * @description items in all pages
                         * @example 1
                         */
                        total: number;
                    };
                    "text/csv": string;
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    confirmSettlement: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConfirmSettlementDto"];
            };
        };
        responses: {
            /** @description the settlement, CONFIRMED */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettlementResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only OFFICER, SENIOR_OFFICER (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recomputeSettlement: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the settlement, QUEUED again */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettlementResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only ENTERPRISE, OFFICER, SENIOR_OFFICER (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDisbursementBatches: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                programmeId?: string;
                status?: "DRAFT" | "APPROVED" | "EXECUTING" | "COMPLETED" | "PARTIALLY_FAILED" | "FAILED";
            };
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description batches with counts and totals, without their items */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["DisbursementBatchSummaryResponse"][];
                        /** @example 1 */
                        page: number;
                        /** @example 50 */
                        pageSize: number;
                        /**
                         * @description items in all pages
                         * @example 1
                         */
                        total: number;
                    };
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only ADMIN, OFFICER, SENIOR_OFFICER, AUDITOR (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createDisbursementBatch: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateBatchDto"];
            };
        };
        responses: {
            /** @description the batch with counts, totals and items */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DisbursementBatchResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only OFFICER (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDisbursementBatch: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DisbursementBatchResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only ADMIN, OFFICER, SENIOR_OFFICER, AUDITOR (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    discardDisbursementBatch: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description discarded */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only OFFICER (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    approveDisbursementBatch: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DisbursementBatchResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only SENIOR_OFFICER (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    executeDisbursementBatch: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the batch, EXECUTING (or further along) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DisbursementBatchResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only OFFICER, SENIOR_OFFICER (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportPain001: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the pain.001.001.09 XML, as an attachment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/xml": string;
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only OFFICER, SENIOR_OFFICER (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    sendDisbursementBatchAsFile: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DisbursementBatchResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only OFFICER, SENIOR_OFFICER (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    applyStatusReport: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/xml": string;
                "text/xml": string;
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusReportResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only OFFICER, SENIOR_OFFICER (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reconcileDisbursementItem: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                id: string;
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReconcileItemDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DisbursementBatchResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only OFFICER, SENIOR_OFFICER (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    checkHealth: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not ready */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSimulatedTransfers: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                /** @description the loan application id the transfer pays */
                reference?: string;
                endToEndId?: string;
                status?: "SETTLED" | "REJECTED";
            };
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SimTransferResponse"][];
                        /** @example 1 */
                        page: number;
                        /** @example 50 */
                        pageSize: number;
                        /**
                         * @description items in all pages
                         * @example 1
                         */
                        total: number;
                    };
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only ADMIN, OFFICER, SENIOR_OFFICER, AUDITOR (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSimulatedTransfer: {
        parameters: {
            query?: never;
            header?: {
                /** @description your correlation id (echoed back) */
                "X-Request-Id"?: string;
            };
            path: {
                endToEndId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SimTransferResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description No or bad credentials
             *
             *     No or bad credentials (problem+json, code UNAUTHENTICATED)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only ADMIN, OFFICER, SENIOR_OFFICER, AUDITOR (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
