export interface paths {
    "/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who did what and when, with before and after, oldest first */
        get: operations["AuditController_list"];
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
        get: operations["ClockController_get"];
        /**
         * Move the simulated business date forward (CLOCK=simulated only; tests and demos)
         * @description 409 CLOCK_BACKWARDS for a date before the current one (the same date is accepted and changes nothing); 409 CLOCK_NOT_SIMULATED when the service runs on the real clock. Audited as CLOCK_SET.
         */
        put: operations["ClockController_set"];
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
        post: operations["AuthController_login"];
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
        get: operations["UsersController_list"];
        put?: never;
        /** Create a user; ENTERPRISE users are bound to one core enterprise */
        post: operations["UsersController_create"];
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
        get: operations["UsersController_me"];
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
        post: operations["UsersController_changeOwnPassword"];
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
        get: operations["UsersController_get"];
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
        post: operations["UsersController_disable"];
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
        post: operations["UsersController_enable"];
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
        post: operations["UsersController_resetPassword"];
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
        post: operations["UsersController_revokeTokens"];
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
        get: operations["ApiKeysController_list"];
        put?: never;
        /**
         * Issue an API key for the core enterprise's own systems (shown once; sent as X-Api-Key)
         * @description With an Idempotency-Key, a replay answers the same key record with `key: null`: the secret is never stored.
         */
        post: operations["ApiKeysController_create"];
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
        delete: operations["ApiKeysController_revoke"];
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
        get: operations["CoreEnterprisesController_list"];
        put?: never;
        /** Register a core enterprise (the "1" of 1+N) */
        post: operations["CoreEnterprisesController_create"];
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
        get: operations["CoreEnterprisesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename, or change the guarantee cap (a lower cap only stops new approvals) */
        patch: operations["CoreEnterprisesController_update"];
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
        get: operations["ProgrammesController_list"];
        put?: never;
        /** Create a lending programme for a core enterprise, with its admission rules and limit formula */
        post: operations["ProgrammesController_create"];
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
        get: operations["ProgrammesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a programme; new eligibilityRules or limitFormula make a new ruleset version */
        patch: operations["ProgrammesController_update"];
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
        get: operations["ProgrammesController_rulesets"];
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
        get: operations["SuppliersController_list"];
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
        get: operations["SuppliersController_get"];
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
        get: operations["SuppliersController_identity"];
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
        get: operations["CounterpartiesController_templates"];
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
        get: operations["CounterpartiesController_schema"];
        /**
         * A new version of a role's roster schema
         * @description Rosters of the role are read with it from now on; an import records the version it used, and values stored before keep theirs. 409 ROSTER_SCHEMA_RETYPES_VALUES when an attribute some counterparty holds would change type; 409 ROSTER_SCHEMA_IN_USE when a programme's rules or formula use an attribute it drops or retypes.
         */
        put: operations["CounterpartiesController_putSchema"];
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
        get: operations["CounterpartiesController_list"];
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
        get: operations["CounterpartiesController_get"];
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
        get: operations["PurchaseOrdersController_list"];
        put?: never;
        /**
         * Confirm a purchase order of a dealer (or {orders: [...]} for up to 500)
         * @description {counterpartyId or dealerCode, orderNo, amount, orderDate}. 201 with the order; the same order again answers 200 with it; the same orderNo with another dealer, amount or date is 409 PURCHASE_ORDER_CONFLICT. A dealer of another core enterprise is 404, a counterparty that is no dealer 422. A list answers 200 {results: [{index, id, orderNo, created} or {index, error}]}.
         */
        post: operations["PurchaseOrdersController_confirm"];
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
        get: operations["PurchaseOrdersController_get"];
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
        post: operations["RostersController_upload"];
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
        get: operations["RostersController_list"];
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
        get: operations["RostersController_get"];
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
        get: operations["RostersController_errors"];
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
        post: operations["RostersController_retry"];
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
        get: operations["EligibilityController_explain"];
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
        post: operations["EligibilityController_rescreen"];
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
        get: operations["EligibilityController_runs"];
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
        get: operations["EligibilityController_results"];
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
        get: operations["EligibilityController_run"];
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
        post: operations["EligibilityController_preview"];
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
        post: operations["EligibilityController_blacklist"];
        /** Take a supplier off the blacklist (audited) and re-screen it at once */
        delete: operations["EligibilityController_unblacklist"];
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
        get: operations["LoansController_list"];
        put?: never;
        /**
         * Apply for a loan for a supplier; screened at once: PENDING_REVIEW, or REJECTED_INELIGIBLE with the failed rules kept
         * @description 422 when the amount or term is outside the product, or the amount is above the supplier's available limit; 409 SUPPLIER_BLACKLISTED for a blacklisted supplier, in any programme.
         */
        post: operations["LoansController_submit"];
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
        post: operations["LoansController_batch"];
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
        get: operations["LoansController_get"];
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
        post: operations["LoansController_approve"];
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
        post: operations["LoansController_reject"];
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
        post: operations["LoansController_cancel"];
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
        get: operations["LedgerController_trialBalance"];
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
        post: operations["CobController_request"];
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
        get: operations["CobController_get"];
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
        get: operations["PortfolioController_get"];
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
        post: operations["RepaymentsController_repay"];
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
        get: operations["RepaymentsController_statement"];
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
        post: operations["SettlementsController_upload"];
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
        get: operations["SettlementsController_get"];
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
        get: operations["SettlementsController_lines"];
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
        post: operations["SettlementsController_confirm"];
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
        post: operations["SettlementsController_recompute"];
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
        get: operations["DisbursementsController_list"];
        put?: never;
        /** Make a DRAFT batch of the given, or all, APPROVED loans of a programme not in another open batch */
        post: operations["DisbursementsController_create"];
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
        get: operations["DisbursementsController_get"];
        put?: never;
        post?: never;
        /** Discard a DRAFT batch (its loans become free for another batch) */
        delete: operations["DisbursementsController_discard"];
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
        post: operations["DisbursementsController_approve"];
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
        post: operations["DisbursementsController_execute"];
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
        get: operations["DisbursementsController_pain001"];
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
        post: operations["DisbursementsController_sendAsFile"];
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
        post: operations["DisbursementsController_statusReport"];
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
        post: operations["DisbursementsController_reconcile"];
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
        get: operations["HealthController_check"];
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
        get: operations["BankSimController_list"];
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
        get: operations["BankSimController_get"];
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
        FieldErrorDto: {
            /** @example idNumber */
            field: string;
            /** @example ID_NUMBER_CHECKSUM */
            code: string;
            /** @example the check character does not match */
            message: string;
        };
        ProblemDto: {
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
            errors?: components["schemas"]["FieldErrorDto"][];
        };
        ClockResponse: {
            /**
             * @description the CLOCK setting the service runs with
             * @enum {string}
             */
            mode: "real" | "simulated";
            /**
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
            /** @example Bearer */
            tokenType: string;
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
            createdAt: string;
            /** @description a disabled user cannot log in and their tokens are refused */
            disabled: boolean;
            disabledAt: string | null;
            disabledReason: string | null;
        };
        ChangeOwnPasswordDto: {
            /** Format: password */
            currentPassword: string;
            /** Format: password */
            newPassword: string;
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
            createdAt: string;
            revokedAt: string | null;
            /** @description the key itself: shown this once, send it as X-Api-Key */
            key: string;
        };
        ApiKeyResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            coreEnterpriseId: string;
            name: string;
            /** @description the first characters of the key */
            keyPrefix: string;
            createdAt: string;
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
            createdAt: string;
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
            /** @enum {string} */
            fact: "yearsExperience" | "herdSize" | "deliveryMonths" | "avgMonthlyDeliveryKg" | "avgMonthlySettlement" | "age" | "epidemicCertValidDays" | "supplierType" | "province" | "hasEpidemicCert" | "blacklisted" | "hasOverdueLoan";
            /** @enum {string} */
            operator: ">=" | ">" | "<=" | "<" | "==" | "!=" | "between" | "in" | "notIn" | "isTrue" | "isFalse";
            /** @description a number, text, boolean, [low, high] for between, or a list for in/notIn; none for isTrue/isFalse */
            value?: Record<string, never>;
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
            terms?: string[];
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
            createdAt: string;
            updatedAt: string;
        };
        RulesetResponse: {
            version: number;
            eligibilityRules: components["schemas"]["EligibilityRuleDoc"][];
            limitFormula: components["schemas"]["LimitFormulaDoc"];
            /** @description who made this version; to a core enterprise, the bank's staff show as their role */
            createdBy: string | null;
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
            farmName: string;
            province: string;
            herdSize: number;
            /** @example 12.5 */
            yearsExperience: string;
            epidemicCertNo: string | null;
            /** @example 2027-05-01 */
            epidemicCertExpiry: string | null;
            deliveryMonths: number;
            /** @example 42000.000 */
            avgMonthlyDeliveryKg: string;
            /** @example 145000.00 */
            avgMonthlySettlement: string | null;
            blacklisted: boolean;
            blacklistReason: string | null;
            /** Format: uuid */
            lastImportId: string | null;
            createdAt: string;
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
        RuleResultDoc: {
            rule: string;
            fact: string;
            operator: string;
            passed: boolean;
            /** @description the supplier fact (number, text or boolean), null when missing */
            actual: Record<string, never> | null;
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
            evaluatedAt: string;
            /**
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
            limitTerms: Record<string, never>;
        };
        PreviewDto: {
            /** @description proposed rules (default: the current ones) */
            eligibilityRules?: components["schemas"]["EligibilityRuleDoc"][];
            /** @description proposed formula (default: the current one) */
            limitFormula?: components["schemas"]["LimitFormulaDoc"];
        };
        BlacklistDto: {
            /** @example fraudulent delivery records confirmed by the core enterprise */
            reason: string;
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
            /** @description null when there was nothing to close and no run was made */
            id: Record<string, never> | null;
            /** @enum {string} */
            status: "QUEUED" | "RUNNING" | "COMPLETED" | "FAILED";
            /** @example 2026-11-28 */
            fromDate: Record<string, never> | null;
            /** @example 2026-11-30 */
            toDate: string;
            /** @description the last date this run has closed for every open loan */
            closedThrough: Record<string, never> | null;
            /** @description loan-dates closed by this run (a loan closed for 3 dates counts 3) */
            loansProcessed: number;
            /** @enum {string} */
            trigger: "REQUEST" | "SCHEDULE";
            error: Record<string, never> | null;
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
            programmeId: string;
            /**
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
        ReconcileItemDto: {
            /**
             * @description what the bank statement shows: PAID settles the item and disburses the loan; NOT_PAID fails it and frees the loan's reservation
             * @enum {string}
             */
            outcome: "PAID" | "NOT_PAID";
            /** @example not on the statement of the disbursement account for 2026-11-28 */
            note: string;
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
    AuditController_list: {
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
            /** @description {items, page, pageSize, total} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or bad credentials (problem+json, code UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Only ADMIN, AUDITOR (problem+json, code FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ClockController_get: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ClockController_set: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AuthController_login: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    UsersController_list: {
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
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    UsersController_create: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    UsersController_me: {
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
            /** @description {kind, id, name, role, coreEnterpriseId} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or bad credentials (problem+json, code UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Only ADMIN, OFFICER, SENIOR_OFFICER, AUDITOR, ENTERPRISE (problem+json, code FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_changeOwnPassword: {
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
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Role not allowed
             *
             *     Only ADMIN, OFFICER, SENIOR_OFFICER, AUDITOR, ENTERPRISE (problem+json, code FORBIDDEN)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    UsersController_get: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    UsersController_disable: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    UsersController_enable: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    UsersController_resetPassword: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    UsersController_revokeTokens: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ApiKeysController_list: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ApiKeysController_create: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ApiKeysController_revoke: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CoreEnterprisesController_list: {
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
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Only ADMIN, OFFICER, SENIOR_OFFICER, AUDITOR, ENTERPRISE (problem+json, code FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CoreEnterprisesController_create: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CoreEnterprisesController_get: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Only ADMIN, OFFICER, SENIOR_OFFICER, AUDITOR, ENTERPRISE (problem+json, code FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CoreEnterprisesController_update: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ProgrammesController_list: {
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
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Only ADMIN, OFFICER, SENIOR_OFFICER, AUDITOR, ENTERPRISE (problem+json, code FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ProgrammesController_create: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ProgrammesController_get: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Only ADMIN, OFFICER, SENIOR_OFFICER, AUDITOR, ENTERPRISE (problem+json, code FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ProgrammesController_update: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ProgrammesController_rulesets: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Only ADMIN, OFFICER, SENIOR_OFFICER, AUDITOR, ENTERPRISE (problem+json, code FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SuppliersController_list: {
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
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Only ADMIN, OFFICER, SENIOR_OFFICER, AUDITOR, ENTERPRISE (problem+json, code FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SuppliersController_get: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Only ADMIN, OFFICER, SENIOR_OFFICER, AUDITOR, ENTERPRISE (problem+json, code FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SuppliersController_identity: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CounterpartiesController_templates: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Only ADMIN, OFFICER, SENIOR_OFFICER, ENTERPRISE, AUDITOR (problem+json, code FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CounterpartiesController_schema: {
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
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Only ADMIN, OFFICER, SENIOR_OFFICER, AUDITOR, ENTERPRISE (problem+json, code FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CounterpartiesController_putSchema: {
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
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CounterpartiesController_list: {
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
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Only ADMIN, OFFICER, SENIOR_OFFICER, AUDITOR, ENTERPRISE (problem+json, code FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CounterpartiesController_get: {
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
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Only ADMIN, OFFICER, SENIOR_OFFICER, AUDITOR, ENTERPRISE (problem+json, code FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PurchaseOrdersController_list: {
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
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Only ADMIN, OFFICER, SENIOR_OFFICER, AUDITOR, ENTERPRISE (problem+json, code FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PurchaseOrdersController_confirm: {
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
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PurchaseOrdersController_get: {
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
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Only ADMIN, OFFICER, SENIOR_OFFICER, AUDITOR, ENTERPRISE (problem+json, code FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RostersController_upload: {
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
                };
            };
        };
        responses: {
            /** @description {importId, status: QUEUED, ...} */
            202: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RostersController_list: {
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
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Only ADMIN, OFFICER, SENIOR_OFFICER, AUDITOR, ENTERPRISE (problem+json, code FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RostersController_get: {
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
            /** @description {status, totalRows, processedRows, acceptedRows, rejectedRows, createdCount, updatedCount, unchangedCount, problemCount, problemsTruncated, failure} */
            200: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Only ADMIN, OFFICER, SENIOR_OFFICER, AUDITOR, ENTERPRISE (problem+json, code FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RostersController_errors: {
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
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Only ADMIN, OFFICER, SENIOR_OFFICER, AUDITOR, ENTERPRISE (problem+json, code FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RostersController_retry: {
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
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    EligibilityController_explain: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Only ADMIN, OFFICER, SENIOR_OFFICER, AUDITOR, ENTERPRISE (problem+json, code FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    EligibilityController_rescreen: {
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
            /** @description {jobId, status, programmeId}; follow it at GET /screening-runs/{jobId} */
            202: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    EligibilityController_runs: {
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
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Only ADMIN, OFFICER, SENIOR_OFFICER, AUDITOR, ENTERPRISE (problem+json, code FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    EligibilityController_results: {
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
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Only ADMIN, OFFICER, SENIOR_OFFICER, AUDITOR, ENTERPRISE (problem+json, code FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    EligibilityController_run: {
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
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Only ADMIN, OFFICER, SENIOR_OFFICER, AUDITOR, ENTERPRISE (problem+json, code FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    EligibilityController_preview: {
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
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    EligibilityController_blacklist: {
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
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    EligibilityController_unblacklist: {
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
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    LoansController_list: {
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
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Only ADMIN, OFFICER, SENIOR_OFFICER, AUDITOR, ENTERPRISE (problem+json, code FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LoansController_submit: {
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
                content?: never;
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    LoansController_batch: {
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
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    LoansController_get: {
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
            /** @description the application with history[] */
            200: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Only ADMIN, OFFICER, SENIOR_OFFICER, AUDITOR, ENTERPRISE (problem+json, code FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    LoansController_approve: {
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
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    LoansController_reject: {
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
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    LoansController_cancel: {
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
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    LedgerController_trialBalance: {
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
            /** @description No or bad credentials (problem+json, code UNAUTHENTICATED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Only ADMIN, AUDITOR (problem+json, code FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CobController_request: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CobController_get: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PortfolioController_get: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Only ADMIN, OFFICER, SENIOR_OFFICER, AUDITOR, ENTERPRISE (problem+json, code FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RepaymentsController_repay: {
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
            /** @description {allocations: {penalty, interest, principal}, statement} (the statement as GET /statement answers it) */
            201: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RepaymentsController_statement: {
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
            /** @description the statement */
            200: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Only ADMIN, OFFICER, SENIOR_OFFICER, AUDITOR, ENTERPRISE (problem+json, code FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SettlementsController_upload: {
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
            /** @description {settlementId, status: QUEUED} */
            202: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Problem */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SettlementsController_get: {
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
            /** @description SettlementView */
            200: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Only ADMIN, OFFICER, SENIOR_OFFICER, AUDITOR, ENTERPRISE (problem+json, code FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SettlementsController_lines: {
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
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Only ADMIN, OFFICER, SENIOR_OFFICER, AUDITOR, ENTERPRISE (problem+json, code FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SettlementsController_confirm: {
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
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SettlementsController_recompute: {
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
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DisbursementsController_list: {
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
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DisbursementsController_create: {
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
                content?: never;
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DisbursementsController_get: {
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
            /** @description the batch */
            200: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DisbursementsController_discard: {
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
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DisbursementsController_approve: {
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
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DisbursementsController_execute: {
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
                content?: never;
            };
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DisbursementsController_pain001: {
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
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DisbursementsController_sendAsFile: {
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
            /** @description the batch */
            200: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DisbursementsController_statusReport: {
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
                "multipart/form-data": string;
            };
        };
        responses: {
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A business rule refused it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DisbursementsController_reconcile: {
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
            /** @description the batch */
            200: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    HealthController_check: {
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
            /** @description The Health Check is successful */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example ok
                         * @enum {string}
                         */
                        status?: "ok" | "degraded";
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /** @example {} */
                        error?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
            /** @description The Health Check is not successful */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example error
                         * @enum {string}
                         */
                        status?: "error" | "shutting_down";
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect",
                         *         "responseTime": 3005
                         *       }
                         *     }
                         */
                        error?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       },
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect",
                         *         "responseTime": 3005
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    BankSimController_list: {
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
            /** @description Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    BankSimController_get: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Unknown, or belongs to another core enterprise */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
}
