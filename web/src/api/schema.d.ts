/**
 * Generated from /openapi.json by `npm run gen:api` (scripts/gen-api-types.ts). Do not edit.
 */

export interface paths {
    "/api/admin/events/backlog": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Events committed but not yet relayed, the lag of the oldest, and each handler’s queue */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            handlers: {
                                handlerId: string;
                                inFlight: number;
                                waiting: number;
                            }[];
                            lagSeconds: number;
                            unrelayed: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/events/dead-letters/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send dead letters to their handler again: one (handlerId + eventId) or in bulk (any filter, or all: true) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        all?: boolean;
                        /** Format: uuid */
                        eventId?: string;
                        eventType?: string;
                        handlerId?: string;
                        limit?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            replayed: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/events/failures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deliveries being retried, or dead letters, with their reasons */
        get: {
            parameters: {
                query?: {
                    handlerId?: string;
                    limit?: number;
                    status?: "retrying" | "dead";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            /** @enum {string} */
                            errorKind: "retryable" | "permanent" | "lost";
                            eventId: string;
                            eventType: string;
                            firstFailedAt: string;
                            handlerId: string;
                            lastError: string;
                            lastFailedAt: string;
                            /** @enum {string} */
                            status: "retrying" | "dead";
                            tenantId: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/events/handlers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Handlers with their retry policy, waiting and in-flight deliveries, retries and dead letters */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            dead: number;
                            id: string;
                            inFlight: number;
                            maxAttempts: number;
                            on: string[];
                            ordered: boolean;
                            retryDelayMaxSeconds: number;
                            retryDelaySeconds: number;
                            retrying: number;
                            waiting: number;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/events/topics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Topics, their event types and the handlers of each */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            events: {
                                handlers: string[];
                                type: string;
                                version: number;
                            }[];
                            topic: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Scheduled jobs and their cron expressions (evaluated in each tenant’s time zone) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cron: string;
                            description: string;
                            name: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/jobs/{name}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run a job now for some tenants (default: every active tenant); poll the runs for progress */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        tenantIds?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            error: string | null;
                            finishedAt: string | null;
                            id: string;
                            jobName: string;
                            progress: {
                                done: number;
                                message: string | null;
                                total: number | null;
                            };
                            slot: string;
                            startedAt: string | null;
                            /** @enum {string} */
                            status: "pending" | "running" | "succeeded" | "failed" | "skipped";
                            tenantId: string;
                            /** @enum {string} */
                            trigger: "schedule" | "manual";
                        }[];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/jobs/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recent runs with status and progress */
        get: {
            parameters: {
                query?: {
                    jobName?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            error: string | null;
                            finishedAt: string | null;
                            id: string;
                            jobName: string;
                            progress: {
                                done: number;
                                message: string | null;
                                total: number | null;
                            };
                            slot: string;
                            startedAt: string | null;
                            /** @enum {string} */
                            status: "pending" | "running" | "succeeded" | "failed" | "skipped";
                            tenantId: string;
                            /** @enum {string} */
                            trigger: "schedule" | "manual";
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/jobs/runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One run, for following its progress */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            error: string | null;
                            finishedAt: string | null;
                            id: string;
                            jobName: string;
                            progress: {
                                done: number;
                                message: string | null;
                                total: number | null;
                            };
                            slot: string;
                            startedAt: string | null;
                            /** @enum {string} */
                            status: "pending" | "running" | "succeeded" | "failed" | "skipped";
                            tenantId: string;
                            /** @enum {string} */
                            trigger: "schedule" | "manual";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Security events of the current tenant, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            action: string;
                            actorUserId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            details: {
                                [key: string]: unknown;
                            };
                            id: string;
                            ip: string | null;
                            subject: string | null;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in with email and password; sets an httpOnly session cookie */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        password: string;
                        /** Format: uuid */
                        tenantId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activeTenantId: string | null;
                            features: string[];
                            impersonation: {
                                /** Format: date-time */
                                expiresAt: string;
                                reason: string;
                                superAdminName: string;
                                writeAllowed: boolean;
                                you: boolean;
                            } | null;
                            permissions: string[];
                            roles: ("owner" | "admin" | "finance" | "collector" | "technician")[];
                            tenants: {
                                id: string;
                                name: string;
                                roles: ("owner" | "admin" | "finance" | "collector" | "technician")[];
                                slug: string;
                                timeZone: string;
                            }[];
                            user: {
                                email: string;
                                id: string;
                                isSuperAdmin: boolean;
                                name: string;
                                phone: string | null;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End this session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/billing/daily-scan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run the daily scan now for this tenant (due, overdue, grace expired, auto-isolation) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Send the same key when retrying: a retry returns the first answer (with Idempotent-Replayed: true) instead of doing the work again. Kept 24 hours. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            dueUnpaid: number;
                            graceExpired: number;
                            isolated: number;
                            overdue: number;
                            skippedIsolation: string | null;
                            today: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/billing/daily-scan/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What the daily scan would do now ("14 pelanggan akan diisolir" and who): changes nothing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            dueUnpaid: number;
                            graceExpired: number;
                            isolated: number;
                            overdue: number;
                            skippedIsolation: string | null;
                            today: string;
                            toIsolate: {
                                customerCode: string | null;
                                customerId: string;
                                customerName: string | null;
                                invoiceId: string | null;
                                reason: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/billing/exclusions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Days on which nothing is isolated, by day */
        get: {
            parameters: {
                query?: {
                    /** @description How many (default 400, at most 2000; more is refused) */
                    limit?: number;
                    /** @description How many to skip (stable order) */
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date */
                            day: string;
                            reason: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/billing/exclusions/{day}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Add a no-isolation day (e.g. Lebaran) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    day: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date */
                            day: string;
                            reason: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Remove a no-isolation day */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    day: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/billing/gateway-notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Provider notifications as received, with what became of each */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string | null;
                            id: string;
                            orderId: string | null;
                            outcome: string;
                            provider: string;
                            /** Format: date-time */
                            receivedAt: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/billing/gateways": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Payment provider accounts (secrets masked) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            config: {
                                [key: string]: unknown;
                            };
                            isActive: boolean;
                            /** @enum {string} */
                            provider: "midtrans" | "xendit" | "tripay";
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/billing/gateways/{provider}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set up a payment provider account; credentials are encrypted at rest */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    provider: "midtrans" | "xendit" | "tripay";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            config: {
                                [key: string]: unknown;
                            };
                            /** @enum {string} */
                            provider: "midtrans" | "xendit" | "tripay";
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/billing/gateways/active": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which payment providers are set up (no settings): whoever may create a payment link may know which */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            providers: ("midtrans" | "xendit" | "tripay")[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/billing/invoices/generate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue invoices for a period now (idempotent: customers already invoiced are skipped) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Send the same key when retrying: a retry returns the first answer (with Idempotent-Replayed: true) instead of doing the work again. Kept 24 hours. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date */
                        period?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            issued: number;
                            period: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/billing/invoices/generate/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What issuing invoices now would do (who, how much): changes nothing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date */
                        period?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            invoices: {
                                amount: number;
                                customerCode: string | null;
                                customerId: string;
                                customerName: string | null;
                                description: string;
                                dueDate: string;
                            }[];
                            issued: number;
                            period: string;
                            total: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/billing/policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Billing and isolation rules of the tenant */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            autoIsolate: boolean;
                            autoRestore: boolean;
                            billingDay: number;
                            dueDays: number;
                            graceDays: number;
                            /** @enum {string} */
                            isolationTrigger: "invoice_due_unpaid" | "invoice_overdue" | "overdue_after_grace_period";
                            notifyIsolated: boolean;
                            notifyReconnected: boolean;
                            notifyUnpaid: boolean;
                            partialPayments: boolean;
                            partialRestores: boolean;
                            receiptAddress: string;
                            receiptWhatsapp: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change billing and isolation rules */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        autoIsolate?: boolean;
                        autoRestore?: boolean;
                        billingDay?: number;
                        dueDays?: number;
                        graceDays?: number;
                        /** @enum {string} */
                        isolationTrigger?: "invoice_due_unpaid" | "invoice_overdue" | "overdue_after_grace_period";
                        notifyIsolated?: boolean;
                        notifyReconnected?: boolean;
                        notifyUnpaid?: boolean;
                        partialPayments?: boolean;
                        partialRestores?: boolean;
                        receiptAddress?: string;
                        receiptWhatsapp?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            autoIsolate: boolean;
                            autoRestore: boolean;
                            billingDay: number;
                            dueDays: number;
                            graceDays: number;
                            /** @enum {string} */
                            isolationTrigger: "invoice_due_unpaid" | "invoice_overdue" | "overdue_after_grace_period";
                            notifyIsolated: boolean;
                            notifyReconnected: boolean;
                            notifyUnpaid: boolean;
                            partialPayments: boolean;
                            partialRestores: boolean;
                            receiptAddress: string;
                            receiptWhatsapp: boolean;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/billing/retention": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How long payment history is kept */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            legalMinimumYears: number;
                            paymentHistoryRetentionYears: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Set the legal minimum and how long payment history is kept (never below the minimum) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        legalMinimumYears?: number;
                        paymentHistoryRetentionYears?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            legalMinimumYears: number;
                            paymentHistoryRetentionYears: number;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/billing/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The dashboard's money: today's payments (in the tenant's calendar) and what is still unpaid, counted and summed */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            paymentsToday: {
                                amount: number;
                                count: number;
                            };
                            today: string;
                            unpaid: {
                                amount: number;
                                count: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collector/collections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My collections, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    status?: "held" | "handed_over" | "deposited" | "rejected";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: number;
                            /** Format: date-time */
                            collectedAt: string;
                            collectedOn: string;
                            collectorUserId: string;
                            customerId: string;
                            customerName: string | null;
                            handoverId: string | null;
                            id: string;
                            number: string;
                            /** @enum {string} */
                            status: "held" | "handed_over" | "deposited" | "rejected";
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Record cash received from one of my customers for one or more invoices (phase 1); send an Idempotency-Key so a retry never records twice */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Send the same key when retrying: a retry returns the first answer (with Idempotent-Replayed: true) instead of doing the work again. Kept 24 hours. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date */
                        collectedOn: string;
                        /** Format: uuid */
                        customerId: string;
                        items: {
                            amount: number;
                            /** Format: uuid */
                            invoiceId: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: number;
                            cashInHand: {
                                amount: number;
                                collections: number;
                                openShortfall: number;
                            };
                            /** Format: date-time */
                            collectedAt: string;
                            collectedOn: string;
                            collectorName: string;
                            customerId: string;
                            id: string;
                            items: {
                                amount: number;
                                invoiceId: string;
                                number: string;
                                status: string;
                            }[];
                            number: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collector/customers/{customerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of my customers: all open invoices (arrears) and my visits */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    customerId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            address: string;
                            arrears: number;
                            code: string;
                            customerId: string;
                            invoices: {
                                amount: number;
                                dueDate: string;
                                invoiceId: string;
                                number: string;
                                open: number;
                                overdue: boolean;
                                period: string;
                            }[];
                            latitude: number | null;
                            longitude: number | null;
                            name: string;
                            phone: string;
                            routeOrder: number;
                            visitedToday: string | null;
                            visits: {
                                collectionId: string | null;
                                collectorUserId: string;
                                customerId: string;
                                id: string;
                                note: string | null;
                                promisedOn: string | null;
                                /** @enum {string} */
                                result: "paid" | "not_home" | "refused" | "promised";
                                visitedOn: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collector/visits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a visit without payment: not at home, refused, or promised to pay (with the date); back-dating allowed, never the future. An Idempotency-Key makes a queued retry safe */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Send the same key when retrying: a retry returns the first answer (with Idempotent-Replayed: true) instead of doing the work again. Kept 24 hours. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        customerId: string;
                        note?: string;
                        /** Format: date */
                        promisedOn?: string;
                        /** @enum {string} */
                        result: "not_home" | "refused" | "promised";
                        /** Format: date */
                        visitedOn: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            promisedOn: string | null;
                            /** @enum {string} */
                            result: "paid" | "not_home" | "refused" | "promised";
                            visitedOn: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collector/worklist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My worklist today: my customers with an invoice due within the window or overdue, all their arrears, in route order (then name), a page at a time (total: all of them); and my cash in hand */
        get: {
            parameters: {
                query?: {
                    /** @description How many (default 50, at most 200; more is refused) */
                    limit?: number;
                    /** @description How many to skip (stable order) */
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowPartial: boolean;
                            cashInHand: {
                                amount: number;
                                collections: number;
                                openShortfall: number;
                            };
                            customers: {
                                address: string;
                                arrears: number;
                                code: string;
                                customerId: string;
                                invoices: {
                                    amount: number;
                                    dueDate: string;
                                    invoiceId: string;
                                    number: string;
                                    open: number;
                                    overdue: boolean;
                                    period: string;
                                }[];
                                latitude: number | null;
                                longitude: number | null;
                                name: string;
                                phone: string;
                                routeOrder: number;
                                visitedToday: string | null;
                            }[];
                            dueWindowDays: number;
                            today: string;
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectors/{collectorUserId}/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A collector’s cash in hand: the held collections a handover must cover, and the open shortfall */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    collectorUserId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: number;
                            collections: number;
                            held: {
                                amount: number;
                                /** Format: date-time */
                                collectedAt: string;
                                collectedOn: string;
                                collectorUserId: string;
                                customerId: string;
                                customerName: string | null;
                                handoverId: string | null;
                                id: string;
                                number: string;
                                /** @enum {string} */
                                status: "held" | "handed_over" | "deposited" | "rejected";
                            }[];
                            openShortfall: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectors/{collectorUserId}/route": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a collector’s route: their customers in visiting order */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    collectorUserId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        customerIds: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ordered: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectors/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Collectors with their customer counts, and a page of the active customers with the collector assigned (null: nobody), unassigned first; total: all of them */
        get: {
            parameters: {
                query?: {
                    /** @description How many (default 200, at most 1000; more is refused) */
                    limit?: number;
                    /** @description How many to skip (stable order) */
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            collectors: {
                                customers: number;
                                name: string;
                                userId: string;
                            }[];
                            customers: {
                                address: string;
                                code: string;
                                collectorName: string | null;
                                collectorUserId: string | null;
                                customerId: string;
                                name: string;
                                routeOrder: number | null;
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Assign customers (one by one, or every customer whose address contains an area) to a collector; assigned elsewhere, they move */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        area?: string;
                        /** Format: uuid */
                        collectorUserId: string;
                        customerIds?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assigned: number;
                            moved: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectors/assignments/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Release customers from their collector */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        customerIds: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            released: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectors/collections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Collections of every collector, newest first */
        get: {
            parameters: {
                query?: {
                    collectorUserId?: string;
                    limit?: number;
                    status?: "held" | "handed_over" | "deposited" | "rejected";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: number;
                            /** Format: date-time */
                            collectedAt: string;
                            collectedOn: string;
                            collectorUserId: string;
                            customerId: string;
                            customerName: string | null;
                            handoverId: string | null;
                            id: string;
                            number: string;
                            /** @enum {string} */
                            status: "held" | "handed_over" | "deposited" | "rejected";
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectors/collections/{collectionId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a held collection: its invoices return to unpaid */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Send the same key when retrying: a retry returns the first answer (with Idempotent-Replayed: true) instead of doing the work again. Kept 24 hours. */
                    "idempotency-key"?: string;
                };
                path: {
                    collectionId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            number: string;
                            /** @enum {string} */
                            status: "rejected";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectors/deposits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Bank deposits, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: number;
                            bank: string;
                            /** Format: date-time */
                            createdAt: string;
                            depositedOn: string;
                            id: string;
                            number: string;
                            /** @enum {string} */
                            proofContentType: "image/jpeg" | "image/png" | "application/pdf";
                            recordedBy: string;
                            reference: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Record the bank deposit of confirmed handovers (phase 3), with the proof (JPEG, PNG or PDF, ≤ 1 MiB, base64): their invoices become paid */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Send the same key when retrying: a retry returns the first answer (with Idempotent-Replayed: true) instead of doing the work again. Kept 24 hours. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        bank: string;
                        /** Format: date */
                        depositedOn: string;
                        handoverIds: string[];
                        proof: {
                            /** @enum {string} */
                            contentType: "image/jpeg" | "image/png" | "application/pdf";
                            dataBase64: string;
                        };
                        reference: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: number;
                            bank: string;
                            depositedOn: string;
                            handovers: number;
                            id: string;
                            invoices: number;
                            number: string;
                            paidInvoices: number;
                            reference: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectors/deposits/{depositId}/proof": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The deposit’s proof file */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    depositId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectors/handovers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Handovers, newest first; `undeposited` lists those finance can bank */
        get: {
            parameters: {
                query?: {
                    collectorUserId?: string;
                    limit?: number;
                    status?: "confirmed" | "short" | "short_settled" | "written_off" | "over";
                    undeposited?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            closedAt: string | null;
                            closedBy: string | null;
                            closeReason: string | null;
                            collections: number;
                            collectorUserId: string;
                            /** Format: date-time */
                            confirmedAt: string;
                            confirmedBy: string;
                            counted: number;
                            depositId: string | null;
                            difference: number;
                            expected: number;
                            id: string;
                            kept: number;
                            note: string | null;
                            number: string;
                            openShortfall: number;
                            settled: number;
                            settlement: number;
                            /** @enum {string} */
                            status: "confirmed" | "short" | "short_settled" | "written_off" | "over";
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Confirm a collector’s handover (setoran, phase 2): the whole balance, counted at the desk; a difference needs a note */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Send the same key when retrying: a retry returns the first answer (with Idempotent-Replayed: true) instead of doing the work again. Kept 24 hours. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        collectionIds: string[];
                        /** Format: uuid */
                        collectorUserId: string;
                        countedAmount: number;
                        note?: string;
                        /** @default 0 */
                        settlementAmount?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            closedAt: string | null;
                            closedBy: string | null;
                            closeReason: string | null;
                            collections: number;
                            collectorUserId: string;
                            /** Format: date-time */
                            confirmedAt: string;
                            confirmedBy: string;
                            counted: number;
                            depositId: string | null;
                            difference: number;
                            expected: number;
                            id: string;
                            kept: number;
                            note: string | null;
                            number: string;
                            openShortfall: number;
                            settled: number;
                            settlement: number;
                            /** @enum {string} */
                            status: "confirmed" | "short" | "short_settled" | "written_off" | "over";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectors/handovers/{handoverId}/write-off": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Write off what is left of a short handover (owner), with a reason */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Send the same key when retrying: a retry returns the first answer (with Idempotent-Replayed: true) instead of doing the work again. Kept 24 hours. */
                    "idempotency-key"?: string;
                };
                path: {
                    handoverId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            closedAt: string | null;
                            closedBy: string | null;
                            closeReason: string | null;
                            collections: number;
                            collectorUserId: string;
                            /** Format: date-time */
                            confirmedAt: string;
                            confirmedBy: string;
                            counted: number;
                            depositId: string | null;
                            difference: number;
                            expected: number;
                            id: string;
                            kept: number;
                            note: string | null;
                            number: string;
                            openShortfall: number;
                            settled: number;
                            settlement: number;
                            /** @enum {string} */
                            status: "confirmed" | "short" | "short_settled" | "written_off" | "over";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectors/logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The collectors’ log, newest first (kept for the tenant’s retention) */
        get: {
            parameters: {
                query?: {
                    collectorUserId?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            action: string;
                            actorUserId: string | null;
                            amount: number | null;
                            collectorUserId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            detail: string | null;
                            id: string;
                            subject: string | null;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectors/reports/aging": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Overdue customers with their visits; 3 or more failed visits are flagged; most failures first, a page at a time */
        get: {
            parameters: {
                query?: {
                    /** @description How many (default 200, at most 1000; more is refused) */
                    limit?: number;
                    /** @description How many to skip (stable order) */
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            arrears: number;
                            code: string;
                            collectorName: string | null;
                            collectorUserId: string | null;
                            customerId: string;
                            daysOverdue: number;
                            failedVisits: number;
                            flagged: boolean;
                            lastResult: string | null;
                            lastVisit: string | null;
                            name: string;
                            oldestDue: string;
                            promisedOn: string | null;
                            visits: number;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectors/reports/daily": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Collections per collector per field day, newest first; a range of at most 92 days */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: number;
                            collections: number;
                            collectorName: string | null;
                            collectorUserId: string;
                            day: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectors/reports/differences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open differences: short handovers not yet settled or written off, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description How many (default 100, at most 500; more is refused) */
                    limit?: number;
                    /** @description How many to skip (stable order) */
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            closedAt: string | null;
                            closedBy: string | null;
                            closeReason: string | null;
                            collections: number;
                            collectorUserId: string;
                            /** Format: date-time */
                            confirmedAt: string;
                            confirmedBy: string;
                            counted: number;
                            depositId: string | null;
                            difference: number;
                            expected: number;
                            id: string;
                            kept: number;
                            note: string | null;
                            number: string;
                            openShortfall: number;
                            settled: number;
                            settlement: number;
                            /** @enum {string} */
                            status: "confirmed" | "short" | "short_settled" | "written_off" | "over";
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectors/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Collector settings of the tenant */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowPartial: boolean;
                            dueWindowDays: number;
                            logRetentionDays: number;
                            restoreOnCollection: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the due window, partial collections, restore at collection, log retention */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        allowPartial?: boolean;
                        dueWindowDays?: number;
                        logRetentionDays?: number;
                        restoreOnCollection?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowPartial: boolean;
                            dueWindowDays: number;
                            logRetentionDays: number;
                            restoreOnCollection: boolean;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Customers, searchable by name, code, address, PPPoE username or phone (typed any way: 0812…, +62 812…, 62812…) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    planId?: string;
                    search?: string;
                    status?: "active" | "suspended" | "terminated";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                activatedOn: string;
                                address: string;
                                code: string;
                                /** @enum {string} */
                                connectionType: "pppoe" | "static" | "dhcp";
                                id: string;
                                ipAddress: string | null;
                                latitude: number | null;
                                longitude: number | null;
                                macAddress: string | null;
                                name: string;
                                phone: string;
                                planId: string;
                                pppoeUsername: string | null;
                                routerId: string | null;
                                /** @enum {string} */
                                status: "active" | "suspended" | "terminated";
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a customer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date */
                        activatedOn: string;
                        address?: string;
                        code?: string;
                        /** @enum {string} */
                        connectionType: "pppoe" | "static" | "dhcp";
                        ipAddress?: (string) | null;
                        latitude?: number | null;
                        longitude?: number | null;
                        macAddress?: string | null;
                        name: string;
                        phone: string;
                        /** Format: uuid */
                        planId: string;
                        pppoeUsername?: string | null;
                        private?: {
                            idCardNumber?: string | null;
                            notes?: string | null;
                            pppoePassword?: string | null;
                        };
                        /** Format: uuid */
                        routerId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activatedOn: string;
                            address: string;
                            code: string;
                            /** @enum {string} */
                            connectionType: "pppoe" | "static" | "dhcp";
                            id: string;
                            ipAddress: string | null;
                            latitude: number | null;
                            longitude: number | null;
                            macAddress: string | null;
                            name: string;
                            phone: string;
                            planId: string;
                            pppoeUsername: string | null;
                            routerId: string | null;
                            /** @enum {string} */
                            status: "active" | "suspended" | "terminated";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/customers/{customerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One customer; what they owe only for billing.read, private fields (NIK, PPPoE password) only for customers.manage */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    customerId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activatedOn: string;
                            address: string;
                            arrears?: number;
                            code: string;
                            /** @enum {string} */
                            connectionType: "pppoe" | "static" | "dhcp";
                            id: string;
                            ipAddress: string | null;
                            latitude: number | null;
                            longitude: number | null;
                            macAddress: string | null;
                            name: string;
                            phone: string;
                            planId: string;
                            pppoeUsername: string | null;
                            private?: {
                                idCardNumber: string | null;
                                notes: string | null;
                                pppoePassword: string | null;
                            };
                            routerId: string | null;
                            /** @enum {string} */
                            status: "active" | "suspended" | "terminated";
                            unpaidInvoices?: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a customer (plan, connection, contact) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    customerId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date */
                        activatedOn?: string;
                        address?: string;
                        /** @enum {string} */
                        connectionType?: "pppoe" | "static" | "dhcp";
                        ipAddress?: (string) | null;
                        latitude?: number | null;
                        longitude?: number | null;
                        macAddress?: string | null;
                        name?: string;
                        phone?: string;
                        /** Format: uuid */
                        planId?: string;
                        pppoeUsername?: string | null;
                        private?: {
                            idCardNumber?: string | null;
                            notes?: string | null;
                            pppoePassword?: string | null;
                        };
                        /** Format: uuid */
                        routerId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activatedOn: string;
                            address: string;
                            code: string;
                            /** @enum {string} */
                            connectionType: "pppoe" | "static" | "dhcp";
                            id: string;
                            ipAddress: string | null;
                            latitude: number | null;
                            longitude: number | null;
                            macAddress: string | null;
                            name: string;
                            phone: string;
                            planId: string;
                            pppoeUsername: string | null;
                            routerId: string | null;
                            /** @enum {string} */
                            status: "active" | "suspended" | "terminated";
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/customers/{customerId}/isolate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Isolate a customer by hand, with a reason */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    customerId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            changedAt: string;
                            customerId: string;
                            /** @enum {string} */
                            desiredState: "active" | "isolated";
                            invoiceId: string | null;
                            reason: string;
                            restoreEligible: boolean;
                            trigger: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/customers/{customerId}/line": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The desired network state of a customer line */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    customerId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            changedAt: string;
                            customerId: string;
                            /** @enum {string} */
                            desiredState: "active" | "isolated";
                            invoiceId: string | null;
                            reason: string;
                            restoreEligible: boolean;
                            trigger: string | null;
                        } | null;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/customers/{customerId}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unisolate a customer by hand (refused while an unpaid invoice holds the line, unless force) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    customerId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default false */
                        force?: boolean;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/customers/{customerId}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End a suspension: billing and the line resume */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    customerId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activatedOn: string;
                            address: string;
                            code: string;
                            /** @enum {string} */
                            connectionType: "pppoe" | "static" | "dhcp";
                            id: string;
                            ipAddress: string | null;
                            latitude: number | null;
                            longitude: number | null;
                            macAddress: string | null;
                            name: string;
                            phone: string;
                            planId: string;
                            pppoeUsername: string | null;
                            routerId: string | null;
                            /** @enum {string} */
                            status: "active" | "suspended" | "terminated";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/customers/{customerId}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** RADIUS session log of a customer: logins, logouts with traffic, rejected logins */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path: {
                    customerId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            at: string;
                            downloadBytes: number | null;
                            /** Format: date-time */
                            endedAt: string | null;
                            framedIpAddress: string | null;
                            /** @enum {string} */
                            kind: "session_started" | "session_stopped" | "auth_rejected";
                            nasIpAddress: string | null;
                            terminateCause: string | null;
                            uploadBytes: number | null;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/customers/{customerId}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Suspend a customer (cuti): no new invoices, not isolated by the scan, the line disabled on the router */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    customerId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activatedOn: string;
                            address: string;
                            code: string;
                            /** @enum {string} */
                            connectionType: "pppoe" | "static" | "dhcp";
                            id: string;
                            ipAddress: string | null;
                            latitude: number | null;
                            longitude: number | null;
                            macAddress: string | null;
                            name: string;
                            phone: string;
                            planId: string;
                            pppoeUsername: string | null;
                            routerId: string | null;
                            /** @enum {string} */
                            status: "active" | "suspended" | "terminated";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/customers/{customerId}/terminate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Terminate a customer (berhenti): billing stops, the PPP secret / binding is removed from the router */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    customerId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activatedOn: string;
                            address: string;
                            code: string;
                            /** @enum {string} */
                            connectionType: "pppoe" | "static" | "dhcp";
                            id: string;
                            ipAddress: string | null;
                            latitude: number | null;
                            longitude: number | null;
                            macAddress: string | null;
                            name: string;
                            phone: string;
                            planId: string;
                            pppoeUsername: string | null;
                            routerId: string | null;
                            /** @enum {string} */
                            status: "active" | "suspended" | "terminated";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/domains/ask": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Caddy on-demand TLS `ask`: 200 for a tenant host (slug or verified custom domain), 404 otherwise */
        get: {
            parameters: {
                query: {
                    domain: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exports/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Customers (the list with its filters) as CSV or XLSX */
        get: {
            parameters: {
                query: {
                    format: "csv" | "xlsx";
                    planId?: string;
                    search?: string;
                    status?: "active" | "suspended" | "terminated";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the CSV or XLSX file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exports/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Invoices (the list with its filters) as CSV or XLSX */
        get: {
            parameters: {
                query: {
                    customerId?: string;
                    format: "csv" | "xlsx";
                    search?: string;
                    status?: "unpaid" | "awaiting_setoran" | "setoran_confirmed" | "paid" | "void";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the CSV or XLSX file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exports/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Payments with their receipt numbers, in a date range, as CSV or XLSX */
        get: {
            parameters: {
                query: {
                    format: "csv" | "xlsx";
                    from?: string;
                    method?: "cash" | "transfer" | "gateway" | "collector";
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the CSV or XLSX file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/field-activities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Free-standing activities (of one element, or all) */
        get: {
            parameters: {
                query?: {
                    elementId?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            element: {
                                id: string;
                                /** @enum {string} */
                                kind: "customer" | "odp" | "odc";
                                name: string;
                            } | null;
                            id: string;
                            note: string;
                            photos: {
                                activityId: string | null;
                                contentType: string;
                                /** Format: date-time */
                                createdAt: string;
                                height: number;
                                id: string;
                                latitude: number | null;
                                longitude: number | null;
                                sizeBytes: number;
                                /** Format: date-time */
                                takenAt: string | null;
                                taskId: string | null;
                                thumbnailUrl?: string;
                                uploadedBy: string;
                                url?: string;
                                width: number;
                            }[];
                            /** @enum {string|null} */
                            statusChange: "open" | "assigned" | "on_the_way" | "working" | "done" | "cancelled" | null;
                            taskId: string | null;
                            technicianId: string;
                            technicianName: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Log an activity on an element ("cleaned ODP-12") */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The same key on a retry (an offline queue sending again) stores the activity or photo once and answers the first one. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        element: {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "customer" | "odp" | "odc";
                        };
                        note: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            element: {
                                id: string;
                                /** @enum {string} */
                                kind: "customer" | "odp" | "odc";
                                name: string;
                            } | null;
                            id: string;
                            note: string;
                            photos: {
                                activityId: string | null;
                                contentType: string;
                                /** Format: date-time */
                                createdAt: string;
                                height: number;
                                id: string;
                                latitude: number | null;
                                longitude: number | null;
                                sizeBytes: number;
                                /** Format: date-time */
                                takenAt: string | null;
                                taskId: string | null;
                                thumbnailUrl?: string;
                                uploadedBy: string;
                                url?: string;
                                width: number;
                            }[];
                            /** @enum {string|null} */
                            statusChange: "open" | "assigned" | "on_the_way" | "working" | "done" | "cancelled" | null;
                            taskId: string | null;
                            technicianId: string;
                            technicianName: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            element: {
                                id: string;
                                /** @enum {string} */
                                kind: "customer" | "odp" | "odc";
                                name: string;
                            } | null;
                            id: string;
                            note: string;
                            photos: {
                                activityId: string | null;
                                contentType: string;
                                /** Format: date-time */
                                createdAt: string;
                                height: number;
                                id: string;
                                latitude: number | null;
                                longitude: number | null;
                                sizeBytes: number;
                                /** Format: date-time */
                                takenAt: string | null;
                                taskId: string | null;
                                thumbnailUrl?: string;
                                uploadedBy: string;
                                url?: string;
                                width: number;
                            }[];
                            /** @enum {string|null} */
                            statusChange: "open" | "assigned" | "on_the_way" | "working" | "done" | "cancelled" | null;
                            taskId: string | null;
                            technicianId: string;
                            technicianName: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/field-activities/{id}/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload a photo to a free-standing activity */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The same key on a retry (an offline queue sending again) stores the activity or photo once and answers the first one. */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activityId: string | null;
                            contentType: string;
                            /** Format: date-time */
                            createdAt: string;
                            height: number;
                            id: string;
                            latitude: number | null;
                            longitude: number | null;
                            sizeBytes: number;
                            /** Format: date-time */
                            takenAt: string | null;
                            taskId: string | null;
                            uploadedBy: string;
                            width: number;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activityId: string | null;
                            contentType: string;
                            /** Format: date-time */
                            createdAt: string;
                            height: number;
                            id: string;
                            latitude: number | null;
                            longitude: number | null;
                            sizeBytes: number;
                            /** Format: date-time */
                            takenAt: string | null;
                            taskId: string | null;
                            uploadedBy: string;
                            width: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/host-tenant": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant the request’s Host belongs to (slug under the platform domain, or a verified custom domain) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tenantId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/impersonations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who from the platform worked as this tenant’s admin, when and why, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description How many (default 100, at most 500; more is refused) */
                    limit?: number;
                    /** @description How many to skip (stable order) */
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            endedAt: string | null;
                            /** Format: date-time */
                            expiresAt: string;
                            id: string;
                            reason: string;
                            /** Format: date-time */
                            startedAt: string;
                            superAdminId: string;
                            superAdminName: string;
                            tenantId: string;
                            writeAllowed: boolean;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest imports, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description How many (default 20, at most 100; more is refused) */
                    limit?: number;
                    /** @description How many to skip (stable order) */
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            customersCreated: number;
                            customersSkipped: number;
                            customersUpdated: number;
                            /** @description rows handled: created, updated, skipped or already there */
                            done: number;
                            /** @description why the whole job stopped (status failed) */
                            error: string | null;
                            /** @description rows with problems (the file’s, or refused while importing) */
                            failed: number;
                            finishedAt: string | null;
                            id: string;
                            /** @enum {string} */
                            mode: "skip" | "update";
                            paketsCreated: number;
                            /** @enum {string} */
                            source: "routeros" | "mikhmon" | "phpnuxbill" | "csv" | "xlsx";
                            startedAt: string | null;
                            /** @enum {string} */
                            status: "queued" | "running" | "done" | "failed";
                            /** @description rows to handle: pakets to create and customers */
                            total: number;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Confirm an import: queues one job that a worker imports in chunks; refused (IMPORT_HAS_ERRORS, nothing queued) while rows have problems, unless skipInvalid */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the file: text for routeros / phpnuxbill / csv, base64 for xlsx */
                        content: string;
                        /**
                         * @description customers that already exist (same PPPoE username): skip them or update them
                         * @default skip
                         * @enum {string}
                         */
                        mode?: "skip" | "update";
                        /**
                         * @description monthly price per new paket (RouterOS profiles carry none)
                         * @default {}
                         */
                        prices?: {
                            [key: string]: number;
                        };
                        /** @default false */
                        skipInvalid?: boolean;
                        /** @enum {string} */
                        source: "routeros" | "mikhmon" | "phpnuxbill" | "csv" | "xlsx";
                        /**
                         * @description a customer whose router (by name, PHPNuxBill) is not one of the tenant’s: a row error, or imported without a router
                         * @default error
                         * @enum {string}
                         */
                        unmatchedRouters?: "error" | "none";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            customersCreated: number;
                            customersSkipped: number;
                            customersUpdated: number;
                            /** @description rows handled: created, updated, skipped or already there */
                            done: number;
                            /** @description why the whole job stopped (status failed) */
                            error: string | null;
                            /** @description rows with problems (the file’s, or refused while importing) */
                            failed: number;
                            finishedAt: string | null;
                            id: string;
                            /** @enum {string} */
                            mode: "skip" | "update";
                            paketsCreated: number;
                            /** @enum {string} */
                            source: "routeros" | "mikhmon" | "phpnuxbill" | "csv" | "xlsx";
                            startedAt: string | null;
                            /** @enum {string} */
                            status: "queued" | "running" | "done" | "failed";
                            /** @description rows to handle: pakets to create and customers */
                            total: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/jobs/{jobId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One import: its progress and counts, and the problems of its failed rows */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    jobId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            customersCreated: number;
                            customersSkipped: number;
                            customersUpdated: number;
                            /** @description rows handled: created, updated, skipped or already there */
                            done: number;
                            /** @description why the whole job stopped (status failed) */
                            error: string | null;
                            /** @description the first 500, by line */
                            errors: {
                                field: string;
                                line: number;
                                message: string;
                                problem: string;
                            }[];
                            /** @description rows with problems (the file’s, or refused while importing) */
                            failed: number;
                            finishedAt: string | null;
                            id: string;
                            /** @enum {string} */
                            mode: "skip" | "update";
                            paketsCreated: number;
                            /** @enum {string} */
                            source: "routeros" | "mikhmon" | "phpnuxbill" | "csv" | "xlsx";
                            startedAt: string | null;
                            /** @enum {string} */
                            status: "queued" | "running" | "done" | "failed";
                            /** @description rows to handle: pakets to create and customers */
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What an import would do, row by row, with each row’s problems (changes nothing) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the file: text for routeros / phpnuxbill / csv, base64 for xlsx */
                        content: string;
                        /**
                         * @description customers that already exist (same PPPoE username): skip them or update them
                         * @default skip
                         * @enum {string}
                         */
                        mode?: "skip" | "update";
                        /**
                         * @description monthly price per new paket (RouterOS profiles carry none)
                         * @default {}
                         */
                        prices?: {
                            [key: string]: number;
                        };
                        /** @enum {string} */
                        source: "routeros" | "mikhmon" | "phpnuxbill" | "csv" | "xlsx";
                        /**
                         * @description a customer whose router (by name, PHPNuxBill) is not one of the tenant’s: a row error, or imported without a router
                         * @default error
                         * @enum {string}
                         */
                        unmatchedRouters?: "error" | "none";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            counts: {
                                customersToCreate: number;
                                customersToSkip: number;
                                customersToUpdate: number;
                                invalidRows: number;
                                paketsToCreate: number;
                                paketsToUpdate: number;
                            };
                            /** @description the first 500 rows */
                            customers: {
                                /** @enum {string} */
                                action: "create" | "skip" | "update" | "invalid";
                                ipAddress: string | null;
                                line: number;
                                name: string | null;
                                paketKey: string | null;
                                phone: string | null;
                                pppoeUsername: string | null;
                                routerId: string | null;
                                routerName: string | null;
                            }[];
                            errors: {
                                field: string;
                                line: number;
                                message: string;
                                problem: string;
                            }[];
                            /** @enum {string} */
                            mode: "skip" | "update";
                            pakets: {
                                /** @enum {string} */
                                action: "create" | "existing" | "update";
                                downloadKbps: number | null;
                                key: string;
                                line: number;
                                monthlyPrice: number | null;
                                name: string;
                                planId: string | null;
                                uploadKbps: number | null;
                            }[];
                            /** @description the routers the file names, matched by name (routerId null: no such router) */
                            routers: {
                                customers: number;
                                name: string;
                                routerId: string | null;
                            }[];
                            /** @enum {string} */
                            source: "routeros" | "mikhmon" | "phpnuxbill" | "csv" | "xlsx";
                            warnings: {
                                field: string;
                                line: number;
                                message: string;
                                problem: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The customers + pakets import template (CSV or XLSX) */
        get: {
            parameters: {
                query?: {
                    format?: "csv" | "xlsx";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation: logged in, it joins your account; otherwise send `password` to create your account */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password?: string;
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            roles: ("owner" | "admin" | "finance" | "collector" | "technician")[];
                            tenantId: string;
                            userId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Invoices, filtered by status or customer, searchable by number or customer name / code */
        get: {
            parameters: {
                query?: {
                    customerId?: string;
                    limit?: number;
                    offset?: number;
                    search?: string;
                    status?: "unpaid" | "awaiting_setoran" | "setoran_confirmed" | "paid" | "void";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                amount: number;
                                customerCode: string | null;
                                customerId: string;
                                customerName: string | null;
                                description: string;
                                dueDate: string;
                                id: string;
                                issueDate: string;
                                number: string;
                                paidAmount: number;
                                /** Format: date-time */
                                paidAt: string | null;
                                period: string;
                                remaining: number;
                                /** @enum {string} */
                                stage: "issued" | "due_unpaid" | "overdue" | "grace_expired";
                                /** @enum {string} */
                                status: "unpaid" | "awaiting_setoran" | "setoran_confirmed" | "paid" | "void";
                                voidReason: string | null;
                            }[];
                            total: number;
                            totalIsAtLeast: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invoices/{invoiceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One invoice with a page of its payment history (oldest first; historyTotal: all the lines) and the customer line (for the unisolate button) */
        get: {
            parameters: {
                query?: {
                    /** @description How many (default 100, at most 500; more is refused) */
                    limit?: number;
                    /** @description How many to skip (stable order) */
                    offset?: number;
                };
                header?: never;
                path: {
                    invoiceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: number;
                            customerId: string;
                            customerLine: {
                                /** @enum {string} */
                                desiredState: "active" | "isolated";
                                restoreEligible: boolean;
                            };
                            description: string;
                            dueDate: string;
                            history: {
                                actorName: string | null;
                                actorUserId: string | null;
                                amount: number;
                                /** Format: date-time */
                                createdAt: string;
                                id: string;
                                /** @enum {string|null} */
                                method: "cash" | "transfer" | "gateway" | "collector" | null;
                                reference: string | null;
                                /** @enum {string} */
                                type: "gateway" | "manual" | "collected_by_collector" | "collection_rejected" | "setoran_confirmed" | "deposited" | "voided";
                            }[];
                            historyTotal: number;
                            id: string;
                            issueDate: string;
                            number: string;
                            paidAmount: number;
                            /** Format: date-time */
                            paidAt: string | null;
                            period: string;
                            remaining: number;
                            /** @enum {string} */
                            stage: "issued" | "due_unpaid" | "overdue" | "grace_expired";
                            /** @enum {string} */
                            status: "unpaid" | "awaiting_setoran" | "setoran_confirmed" | "paid" | "void";
                            voidReason: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invoices/{invoiceId}/collector-chain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The invoice’s collector chain: collected → setoran → deposited, with who and when; one row per collection of it, oldest first */
        get: {
            parameters: {
                query?: {
                    /** @description How many (default 100, at most 500; more is refused) */
                    limit?: number;
                    /** @description How many to skip (stable order) */
                    offset?: number;
                };
                header?: never;
                path: {
                    invoiceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: number;
                            collected: {
                                /** Format: date-time */
                                at: string;
                                by: string | null;
                                number: string;
                                on: string;
                            };
                            collectionId: string;
                            deposited: {
                                /** Format: date-time */
                                at: string;
                                bank: string;
                                by: string | null;
                                number: string;
                                on: string;
                            } | null;
                            setoran: {
                                /** Format: date-time */
                                at: string;
                                by: string | null;
                                number: string;
                                status: string;
                            } | null;
                            /** @enum {string} */
                            status: "held" | "handed_over" | "deposited" | "rejected";
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invoices/{invoiceId}/payment-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a payment link for an unpaid invoice through a provider */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    invoiceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        provider: "midtrans" | "xendit" | "tripay";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            expiresAt: string;
                            orderId: string;
                            url: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invoices/{invoiceId}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a cash or transfer payment (what remains, or less when the tenant allows partial payments); answers with its receipt number */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Send the same key when retrying: a retry returns the first answer (with Idempotent-Replayed: true) instead of doing the work again. Kept 24 hours. */
                    "idempotency-key"?: string;
                };
                path: {
                    invoiceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amount: number;
                        /** @enum {string} */
                        method: "cash" | "transfer";
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            invoice: {
                                amount: number;
                                customerId: string;
                                description: string;
                                dueDate: string;
                                id: string;
                                issueDate: string;
                                number: string;
                                paidAmount: number;
                                /** Format: date-time */
                                paidAt: string | null;
                                period: string;
                                remaining: number;
                                /** @enum {string} */
                                stage: "issued" | "due_unpaid" | "overdue" | "grace_expired";
                                /** @enum {string} */
                                status: "unpaid" | "awaiting_setoran" | "setoran_confirmed" | "paid" | "void";
                                voidReason: string | null;
                            };
                            paymentId: string;
                            receiptNumber: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invoices/{invoiceId}/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Receipts of an invoice, one per payment, oldest first */
        get: {
            parameters: {
                query?: {
                    /** @description How many (default 100, at most 500; more is refused) */
                    limit?: number;
                    /** @description How many to skip (stable order) */
                    offset?: number;
                };
                header?: never;
                path: {
                    invoiceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: number;
                            amountInWords: string;
                            customer: {
                                code: string | null;
                                id: string;
                                name: string | null;
                                phone: string | null;
                            };
                            invoice: {
                                amount: number;
                                id: string;
                                number: string;
                                paidAmount: number;
                                period: string;
                                remaining: number;
                                status: string;
                            };
                            isp: {
                                address: string;
                                name: string;
                                slug: string;
                            };
                            /** Format: date-time */
                            issuedAt: string;
                            method: string;
                            number: string;
                            staffName: string | null;
                            verifyPath: string;
                            whatsappUrl: string | null;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invoices/{invoiceId}/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Void an unpaid invoice with a reason */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Send the same key when retrying: a retry returns the first answer (with Idempotent-Replayed: true) instead of doing the work again. Kept 24 hours. */
                    "idempotency-key"?: string;
                };
                path: {
                    invoiceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: number;
                            customerId: string;
                            description: string;
                            dueDate: string;
                            id: string;
                            issueDate: string;
                            number: string;
                            paidAmount: number;
                            /** Format: date-time */
                            paidAt: string | null;
                            period: string;
                            remaining: number;
                            /** @enum {string} */
                            stage: "issued" | "due_unpaid" | "overdue" | "grace_expired";
                            /** @enum {string} */
                            status: "unpaid" | "awaiting_setoran" | "setoran_confirmed" | "paid" | "void";
                            voidReason: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/isolation/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Isolate or restore a list of customers by hand, each through the normal path (history, events, router) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Send the same key when retrying: a retry returns the first answer (with Idempotent-Replayed: true) instead of doing the work again. Kept 24 hours. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        action: "isolate" | "restore";
                        customerIds: string[];
                        /** @default false */
                        force?: boolean;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            action: "isolate" | "restore";
                            changed: number;
                            outcomes: {
                                code: string | null;
                                customerCode: string | null;
                                customerId: string;
                                customerName: string | null;
                                message: string | null;
                                /** @enum {string} */
                                result: "changed" | "skipped";
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/isolation/bulk/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What isolating or restoring these customers would do, one by one: changes nothing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        action: "isolate" | "restore";
                        customerIds: string[];
                        /** @default false */
                        force?: boolean;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            action: "isolate" | "restore";
                            changed: number;
                            outcomes: {
                                code: string | null;
                                customerCode: string | null;
                                customerId: string;
                                customerName: string | null;
                                message: string | null;
                                /** @enum {string} */
                                result: "changed" | "skipped";
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/isolation/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Isolation history: who or what, why, which invoice and trigger */
        get: {
            parameters: {
                query?: {
                    customerId?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            action: "isolated" | "restored";
                            actorName: string | null;
                            /** @enum {string} */
                            actorType: "system" | "staff";
                            actorUserId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            customerCode: string | null;
                            customerId: string;
                            customerName: string | null;
                            id: string;
                            invoiceId: string | null;
                            reason: string;
                            trigger: string | null;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/isolation/isolated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Customers isolated now, most recent first, a page at a time (customerId, repeated: only those customers) */
        get: {
            parameters: {
                query?: {
                    customerId?: string | string[];
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            changedAt: string;
                            customerCode: string | null;
                            customerId: string;
                            customerName: string | null;
                            /** @enum {string} */
                            desiredState: "active" | "isolated";
                            invoiceId: string | null;
                            reason: string;
                            restoreEligible: boolean;
                            trigger: string | null;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/isolation/isolated/count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many customers are isolated now */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            count: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server-sent events of my tenant that my permissions may read (event: <type>, data: {type, data, occurredAt}) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/maps/blast-radius": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What an outage on this element affects: its ODPs and customers, with counts */
        get: {
            parameters: {
                query: {
                    id: string;
                    kind: "odc" | "odp" | "client";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            customerIds: string[];
                            customers: number;
                            element: {
                                id: string;
                                /** @enum {string} */
                                kind: "odc" | "odp" | "client";
                                name: string;
                            };
                            isolated: number;
                            odpIds: string[];
                            odps: number;
                            offline: number;
                            underOutage: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/maps/cables": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cable routes (lines on the map) with their length, by name */
        get: {
            parameters: {
                query?: {
                    /** @description How many (default 500, at most 5000; more is refused) */
                    limit?: number;
                    /** @description How many to skip (stable order) */
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            kind: "feeder" | "distribution" | "drop";
                            lengthM: number;
                            name: string;
                            odcId: string | null;
                            odpId: string | null;
                            points: (number)[][];
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Draw a cable route: points [lat, lng] along it, optionally from an ODC and to an ODP */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "feeder" | "distribution" | "drop";
                        name: string;
                        /** Format: uuid */
                        odcId?: string | null;
                        /** Format: uuid */
                        odpId?: string | null;
                        points: (number)[][];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            kind: "feeder" | "distribution" | "drop";
                            lengthM: number;
                            name: string;
                            odcId: string | null;
                            odpId: string | null;
                            points: (number)[][];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/maps/cables/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a cable route */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/maps/customers/{customerId}/port": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The ODP port a customer is on (null: none) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    customerId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            customerId: string;
                            odcId: string;
                            odpCode: string;
                            odpId: string;
                            port: number;
                        } | null;
                    };
                };
            };
        };
        /** Put a customer on an ODP port (one customer per port) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    customerId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        odpId: string;
                        port: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            customerId: string;
                            odpId: string;
                            port: number;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Take a customer off their port */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    customerId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/maps/data": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the map draws in a view (bbox; none: the whole tenant): customers and cables in it, the ODCs and ODPs, legend states and counts, tile source. At most `limit` of each kind: more customers in the view answer none, `truncated` and `customersInView` (zoom in) */
        get: {
            parameters: {
                query?: {
                    /** @description The view: west,south,east,north (degrees) */
                    bbox?: string;
                    /** @description How many (default 20000, at most 50000; more is refused) */
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cables: {
                                id: string;
                                /** @enum {string} */
                                kind: "feeder" | "distribution" | "drop";
                                lengthM: number;
                                name: string;
                                points: (number)[][];
                                /** @enum {string} */
                                state: "n" | "u" | "a" | "i" | "o";
                            }[];
                            counts: {
                                affected: number;
                                isolated: number;
                                normal: number;
                                offline: number;
                                under_outage: number;
                            };
                            customers: {
                                codes: string[];
                                ids: string[];
                                lat: (number | null)[];
                                lng: (number | null)[];
                                odp: number[];
                                states: string;
                            };
                            customersInView: number;
                            odcs: {
                                capacity: number;
                                code: string;
                                id: string;
                                lat: number;
                                lng: number;
                                name: string;
                                /** @enum {string} */
                                state: "n" | "u" | "a" | "i" | "o";
                            }[];
                            odps: {
                                code: string;
                                id: string;
                                lat: number;
                                lng: number;
                                name: string;
                                odc: number;
                                ports: number;
                                /** @enum {string} */
                                state: "n" | "u" | "a" | "i" | "o";
                                used: number;
                            }[];
                            tiles: {
                                attribution: string;
                                /** @enum {string} */
                                source: "tenant" | "deployment" | "none";
                                url: string | null;
                            };
                            truncated: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/maps/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import a CSV of ODCs or ODPs: all rows, or none when any has an error */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        csv: string;
                        /** @enum {string} */
                        kind: "odc" | "odp";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            imported: number;
                            /** @enum {string} */
                            kind: "odc" | "odp";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/maps/import/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check a CSV of ODCs or ODPs (code,name,lat,lng,parent,ports): every row with its errors */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        csv: string;
                        /** @enum {string} */
                        kind: "odc" | "odp";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            invalid: number;
                            /** @enum {string} */
                            kind: "odc" | "odp";
                            rows: {
                                code: string;
                                errors: {
                                    field: string;
                                    problem: string;
                                }[];
                                latitude: number | null;
                                line: number;
                                longitude: number | null;
                                name: string;
                                parent: string;
                                ports: number | null;
                            }[];
                            total: number;
                            valid: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/maps/odcs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** ODCs (cabinets) with their ODP counts, by code */
        get: {
            parameters: {
                query?: {
                    /** @description How many (default 500, at most 5000; more is refused) */
                    limit?: number;
                    /** @description How many to skip (stable order) */
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            capacity: number;
                            code: string;
                            feeder: string | null;
                            id: string;
                            latitude: number;
                            longitude: number;
                            name: string;
                            odpCount: number;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Add an ODC */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        capacity: number;
                        code: string;
                        feeder?: string | null;
                        latitude: number;
                        longitude: number;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            capacity: number;
                            code: string;
                            feeder: string | null;
                            id: string;
                            latitude: number;
                            longitude: number;
                            name: string;
                            odpCount: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/maps/odcs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete an ODC without ODPs or history */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change an ODC (a drag on the map moves it) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        capacity?: number;
                        code?: string;
                        feeder?: string | null;
                        latitude?: number;
                        longitude?: number;
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            capacity: number;
                            code: string;
                            feeder: string | null;
                            id: string;
                            latitude: number;
                            longitude: number;
                            name: string;
                            odpCount: number;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/maps/odps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** ODPs with used ports, by code */
        get: {
            parameters: {
                query?: {
                    /** @description How many (default 500, at most 5000; more is refused) */
                    limit?: number;
                    odcId?: string;
                    /** @description How many to skip (stable order) */
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            id: string;
                            latitude: number;
                            longitude: number;
                            name: string;
                            odcId: string;
                            portCount: number;
                            splitterRatio: string;
                            usedPorts: number;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Add an ODP under an ODC */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        latitude: number;
                        longitude: number;
                        name: string;
                        /** Format: uuid */
                        odcId: string;
                        portCount: number;
                        /** @enum {string} */
                        splitterRatio?: "1:2" | "1:4" | "1:8" | "1:16" | "1:32" | "1:64";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            id: string;
                            latitude: number;
                            longitude: number;
                            name: string;
                            odcId: string;
                            portCount: number;
                            splitterRatio: string;
                            usedPorts: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/maps/odps/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete an ODP without customers or history */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change an ODP (a drag on the map moves it) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code?: string;
                        latitude?: number;
                        longitude?: number;
                        name?: string;
                        /** Format: uuid */
                        odcId?: string;
                        portCount?: number;
                        /** @enum {string} */
                        splitterRatio?: "1:2" | "1:4" | "1:8" | "1:16" | "1:32" | "1:64";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            id: string;
                            latitude: number;
                            longitude: number;
                            name: string;
                            odcId: string;
                            portCount: number;
                            splitterRatio: string;
                            usedPorts: number;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/maps/odps/{id}/ports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The customers on the ODP’s ports */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            customerCode: string | null;
                            customerId: string;
                            customerName: string | null;
                            port: number;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/maps/outages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Outages, newest first: open, of one element, or that affected one customer */
        get: {
            parameters: {
                query?: {
                    customerId?: string;
                    elementId?: string;
                    limit?: number;
                    status?: "open" | "cleared" | "all";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            affectedCustomers: number;
                            affectedOdps: number;
                            cause: string;
                            /** Format: date-time */
                            clearedAt: string | null;
                            clearedBy: string | null;
                            clearNote: string | null;
                            elementId: string;
                            /** @enum {string} */
                            elementKind: "odc" | "odp" | "client";
                            elementName: string;
                            /** Format: date-time */
                            expectedEndAt: string | null;
                            id: string;
                            setBy: string | null;
                            /** Format: date-time */
                            startedAt: string;
                            technicianRequested: boolean;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Set an outage on an ODC, ODP or client: propagated to everything under it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        cause: string;
                        element: {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "odc" | "odp" | "client";
                        };
                        /** Format: date-time */
                        expectedEndAt?: string | null;
                        /** Format: date-time */
                        startedAt?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            affectedCustomers: number;
                            affectedOdps: number;
                            cause: string;
                            /** Format: date-time */
                            clearedAt: string | null;
                            clearedBy: string | null;
                            clearNote: string | null;
                            elementId: string;
                            /** @enum {string} */
                            elementKind: "odc" | "odp" | "client";
                            elementName: string;
                            /** Format: date-time */
                            expectedEndAt: string | null;
                            id: string;
                            setBy: string | null;
                            /** Format: date-time */
                            startedAt: string;
                            technicianRequested: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/maps/outages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An outage with its history */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            affectedCustomers: number;
                            affectedOdps: number;
                            cause: string;
                            /** Format: date-time */
                            clearedAt: string | null;
                            clearedBy: string | null;
                            clearNote: string | null;
                            elementId: string;
                            /** @enum {string} */
                            elementKind: "odc" | "odp" | "client";
                            elementName: string;
                            /** Format: date-time */
                            expectedEndAt: string | null;
                            history: {
                                /** @enum {string} */
                                action: "set" | "cleared";
                                actorUserId: string | null;
                                affectedCustomers: number;
                                affectedOdps: number;
                                /** Format: date-time */
                                createdAt: string;
                                id: string;
                                note: string | null;
                                outageId: string;
                                restoredCustomers: number | null;
                            }[];
                            id: string;
                            setBy: string | null;
                            /** Format: date-time */
                            startedAt: string;
                            technicianRequested: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/maps/outages/{id}/clear": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Clear an outage (what another open outage covers stays affected) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            affectedCustomers: number;
                            affectedOdps: number;
                            cause: string;
                            /** Format: date-time */
                            clearedAt: string | null;
                            clearedBy: string | null;
                            clearNote: string | null;
                            elementId: string;
                            /** @enum {string} */
                            elementKind: "odc" | "odp" | "client";
                            elementName: string;
                            /** Format: date-time */
                            expectedEndAt: string | null;
                            id: string;
                            restoredCustomers: number;
                            setBy: string | null;
                            /** Format: date-time */
                            startedAt: string;
                            technicianRequested: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/maps/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Map and outage settings of the tenant */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            signalOfflineCount: number;
                            signalWindowMinutes: number;
                            technicianThreshold: number;
                            tileAttribution: string | null;
                            tileUrl: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the technician threshold, the signal rule or the tile source */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        signalOfflineCount?: number;
                        signalWindowMinutes?: number;
                        technicianThreshold?: number;
                        tileAttribution?: string | null;
                        tileUrl?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            signalOfflineCount: number;
                            signalWindowMinutes: number;
                            technicianThreshold: number;
                            tileAttribution: string | null;
                            tileUrl: string | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/maps/suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Outage suggestions (many lines of one ODP offline together) */
        get: {
            parameters: {
                query?: {
                    /** @description How many (default 200, at most 500; more is refused) */
                    limit?: number;
                    /** @description How many to skip (stable order) */
                    offset?: number;
                    status?: "open" | "all";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                            odpId: string;
                            offlineCustomers: number;
                            outageId: string | null;
                            /** Format: date-time */
                            resolvedAt: string | null;
                            /** @enum {string} */
                            status: "open" | "accepted" | "dismissed";
                            windowMinutes: number;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/maps/suggestions/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept a suggestion: sets the ODP outage */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        cause?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                            odpId: string;
                            offlineCustomers: number;
                            outageId: string | null;
                            /** Format: date-time */
                            resolvedAt: string | null;
                            /** @enum {string} */
                            status: "open" | "accepted" | "dismissed";
                            windowMinutes: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/maps/suggestions/{id}/dismiss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Dismiss a suggestion */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                            odpId: string;
                            offlineCustomers: number;
                            outageId: string | null;
                            /** Format: date-time */
                            resolvedAt: string | null;
                            /** @enum {string} */
                            status: "open" | "accepted" | "dismissed";
                            windowMinutes: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who I am, my tenants, roles and permissions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activeTenantId: string | null;
                            features: string[];
                            impersonation: {
                                /** Format: date-time */
                                expiresAt: string;
                                reason: string;
                                superAdminName: string;
                                writeAllowed: boolean;
                                you: boolean;
                            } | null;
                            permissions: string[];
                            roles: ("owner" | "admin" | "finance" | "collector" | "technician")[];
                            tenants: {
                                id: string;
                                name: string;
                                roles: ("owner" | "admin" | "finance" | "collector" | "technician")[];
                                slug: string;
                                timeZone: string;
                            }[];
                            user: {
                                email: string;
                                id: string;
                                isSuperAdmin: boolean;
                                name: string;
                                phone: string | null;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change my password (signs out my other sessions; `revokeTokens` also revokes the API tokens I made) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                        /** @default false */
                        revokeTokens?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                            tokensRemaining: number;
                            tokensRevoked: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/tenant": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Switch the tenant this session works in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        tenantId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activeTenantId: string | null;
                            features: string[];
                            impersonation: {
                                /** Format: date-time */
                                expiresAt: string;
                                reason: string;
                                superAdminName: string;
                                writeAllowed: boolean;
                                you: boolean;
                            } | null;
                            permissions: string[];
                            roles: ("owner" | "admin" | "finance" | "collector" | "technician")[];
                            tenants: {
                                id: string;
                                name: string;
                                roles: ("owner" | "admin" | "finance" | "collector" | "technician")[];
                                slug: string;
                                timeZone: string;
                            }[];
                            user: {
                                email: string;
                                id: string;
                                isSuperAdmin: boolean;
                                name: string;
                                phone: string | null;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/network/lines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Customer lines: desired vs applied state, sync status, last error (failed first) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    routerId?: string;
                    status?: "pending" | "in_sync" | "failed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string|null} */
                            appliedState: "active" | "isolated" | null;
                            attempts: number;
                            code: string;
                            customerId: string;
                            /** @enum {string} */
                            desiredState: "active" | "isolated";
                            /** Format: date-time */
                            inSyncAt: string | null;
                            /** Format: date-time */
                            lastAttemptAt: string | null;
                            lastError: string | null;
                            name: string;
                            /** Format: date-time */
                            nextAttemptAt: string;
                            routerId: string;
                            /** @enum {string} */
                            status: "pending" | "in_sync" | "failed";
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/network/online": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Customers online now (open RADIUS sessions): how many, and a page of their ids (by id) */
        get: {
            parameters: {
                query?: {
                    /** @description How many (default 1000, at most 5000; more is refused) */
                    limit?: number;
                    /** @description How many to skip (stable order) */
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            count: number;
                            customerIds: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/network/reconcile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check every line against its router now (repairs hand edits) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            lines: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/network/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Data used per customer in a period (RADIUS accounting), by username, a page at a time */
        get: {
            parameters: {
                query: {
                    from: string;
                    /** @description How many (default 500, at most 5000; more is refused) */
                    limit?: number;
                    /** @description How many to skip (stable order) */
                    offset?: number;
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            customerId: string;
                            downloadBytes: number;
                            sessions: number;
                            uploadBytes: number;
                            username: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/broadcasts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a WhatsApp broadcast to a filtered set of customers (opt-outs skipped, quiet hours and rate limits kept) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Send the same key when retrying: a retry returns the first answer (with Idempotent-Replayed: true) instead of doing the work again. Kept 24 hours. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default {} */
                        filter?: {
                            customerIds?: string[];
                            /** Format: uuid */
                            planId?: string;
                            withArrears?: boolean;
                        };
                        message: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            broadcastId: string;
                            matched: number;
                            queued: number;
                            skipped: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/broadcasts/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** How many customers a broadcast would reach (after opt-outs), with the first of them: sends nothing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default {} */
                        filter?: {
                            customerIds?: string[];
                            /** Format: uuid */
                            planId?: string;
                            withArrears?: boolean;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            matched: number;
                            optedOut: number;
                            sample: {
                                code: string;
                                customerId: string;
                                name: string;
                                optedOut: boolean;
                                phone: string;
                            }[];
                            willSend: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Messages the built-in dev inbox received instead of sending */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            kind: string;
                            messageId: string;
                            /** Format: date-time */
                            receivedAt: string;
                            text: string;
                            to: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Message log, newest first; searchable by customer name or number (typed any way) */
        get: {
            parameters: {
                query?: {
                    before?: string;
                    kind?: string;
                    limit?: number;
                    search?: string;
                    status?: "pending" | "sending" | "sent" | "delivered" | "read" | "failed" | "unknown" | "skipped";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            body: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            deliveredAt: string | null;
                            eventId: string | null;
                            externalId: string | null;
                            /** Format: date-time */
                            failedAt: string | null;
                            id: string;
                            kind: string;
                            /** Format: date-time */
                            nextAttemptAt: string;
                            provider: string | null;
                            /** Format: date-time */
                            readAt: string | null;
                            reason: string | null;
                            recipientId: string | null;
                            recipientName: string;
                            /** @enum {string} */
                            recipientType: "customer" | "staff";
                            rule: string;
                            /** Format: date-time */
                            sentAt: string | null;
                            /** @enum {string} */
                            status: "pending" | "sending" | "sent" | "delivered" | "read" | "failed" | "unknown" | "skipped";
                            to: string | null;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/messages/{messageId}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a failed or unknown-outcome message again (a person’s decision) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    messageId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            body: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            deliveredAt: string | null;
                            eventId: string | null;
                            externalId: string | null;
                            /** Format: date-time */
                            failedAt: string | null;
                            id: string;
                            kind: string;
                            /** Format: date-time */
                            nextAttemptAt: string;
                            provider: string | null;
                            /** Format: date-time */
                            readAt: string | null;
                            reason: string | null;
                            recipientId: string | null;
                            recipientName: string;
                            /** @enum {string} */
                            recipientType: "customer" | "staff";
                            rule: string;
                            /** Format: date-time */
                            sentAt: string | null;
                            /** @enum {string} */
                            status: "pending" | "sending" | "sent" | "delivered" | "read" | "failed" | "unknown" | "skipped";
                            to: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/opt-outs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Customers who receive no WhatsApp messages, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description How many (default 100, at most 500; more is refused) */
                    limit?: number;
                    /** @description How many to skip (stable order) */
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            customerId: string;
                            reason: string | null;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/opt-outs/{customerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** The customer asked to receive no WhatsApp messages */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    customerId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
            };
        };
        post?: never;
        /** The customer wants WhatsApp messages again */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    customerId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/provider": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** WhatsApp provider of the tenant (secrets masked) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            config: {
                                [key: string]: unknown;
                            } | null;
                            effective: {
                                /** @enum {string} */
                                provider: "whatsapp_cloud" | "fonnte" | "wablas" | "dev_inbox";
                                /** @enum {string} */
                                source: "tenant" | "platform";
                            };
                            offered: ("whatsapp_cloud" | "fonnte" | "wablas" | "dev_inbox")[];
                            /** @enum {string|null} */
                            provider: "whatsapp_cloud" | "fonnte" | "wablas" | "dev_inbox" | null;
                            sender: string | null;
                            webhookPath: string;
                        };
                    };
                };
            };
        };
        /** Choose the WhatsApp provider, its credentials (encrypted at rest) and sender; provider null = the platform default */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        config?: {
                            [key: string]: unknown;
                        };
                        /** @enum {string|null} */
                        provider: "whatsapp_cloud" | "fonnte" | "wablas" | "dev_inbox" | null;
                        sender?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            config: {
                                [key: string]: unknown;
                            } | null;
                            effective: {
                                /** @enum {string} */
                                provider: "whatsapp_cloud" | "fonnte" | "wablas" | "dev_inbox";
                                /** @enum {string} */
                                source: "tenant" | "platform";
                            };
                            offered: ("whatsapp_cloud" | "fonnte" | "wablas" | "dev_inbox")[];
                            /** @enum {string|null} */
                            provider: "whatsapp_cloud" | "fonnte" | "wablas" | "dev_inbox" | null;
                            sender: string | null;
                            webhookPath: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Language, quiet hours and switches */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            language: "id" | "en";
                            notifyOutageCustomers: boolean;
                            notifyRouterErrors: boolean;
                            paymentLink: string | null;
                            quietHours: {
                                end: string;
                                start: string;
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change language, quiet hours and switches */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        language?: "id" | "en";
                        notifyOutageCustomers?: boolean;
                        notifyRouterErrors?: boolean;
                        paymentLink?: string | null;
                        quietHours?: {
                            end: string;
                            start: string;
                        } | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            language: "id" | "en";
                            notifyOutageCustomers: boolean;
                            notifyRouterErrors: boolean;
                            paymentLink: string | null;
                            quietHours: {
                                end: string;
                                start: string;
                            } | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/notifications/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every notification kind with its texts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            audiences: string[];
                            kind: string;
                            texts: {
                                en: {
                                    body: string;
                                    isDefault: boolean;
                                };
                                id: {
                                    body: string;
                                    isDefault: boolean;
                                };
                            };
                            urgent: boolean;
                            variables: string[];
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/templates/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One notification kind: variables and texts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: "invoice_issued" | "invoice_unpaid_reminder" | "customer_isolated" | "customer_reconnected" | "collector_cash_collected" | "collector_receipt" | "setoran_ready" | "deposit_confirmed" | "outage_staff" | "outage_customer" | "outage_cleared_staff" | "outage_cleared_customer" | "technician_update" | "addon_invoice_created" | "saas_invoice_reminder" | "addon_activated" | "limit_warning" | "router_error" | "router_recovered" | "portal_otp" | "portal_complaint" | "provider_test" | "broadcast";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            audiences: string[];
                            kind: string;
                            texts: {
                                en: {
                                    body: string;
                                    isDefault: boolean;
                                };
                                id: {
                                    body: string;
                                    isDefault: boolean;
                                };
                            };
                            urgent: boolean;
                            variables: string[];
                        };
                    };
                };
            };
        };
        /** Save the tenant’s text for a kind; an unknown {{variable}} is refused */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: "invoice_issued" | "invoice_unpaid_reminder" | "customer_isolated" | "customer_reconnected" | "collector_cash_collected" | "collector_receipt" | "setoran_ready" | "deposit_confirmed" | "outage_staff" | "outage_customer" | "outage_cleared_staff" | "outage_cleared_customer" | "technician_update" | "addon_invoice_created" | "saas_invoice_reminder" | "addon_activated" | "limit_warning" | "router_error" | "router_recovered" | "portal_otp" | "portal_complaint" | "provider_test" | "broadcast";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                        /** @enum {string} */
                        language: "id" | "en";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            audiences: string[];
                            kind: string;
                            texts: {
                                en: {
                                    body: string;
                                    isDefault: boolean;
                                };
                                id: {
                                    body: string;
                                    isDefault: boolean;
                                };
                            };
                            urgent: boolean;
                            variables: string[];
                        };
                    };
                };
            };
        };
        post?: never;
        /** Go back to the built-in text */
        delete: {
            parameters: {
                query: {
                    language: "id" | "en";
                };
                header?: never;
                path: {
                    kind: "invoice_issued" | "invoice_unpaid_reminder" | "customer_isolated" | "customer_reconnected" | "collector_cash_collected" | "collector_receipt" | "setoran_ready" | "deposit_confirmed" | "outage_staff" | "outage_customer" | "outage_cleared_staff" | "outage_cleared_customer" | "technician_update" | "addon_invoice_created" | "saas_invoice_reminder" | "addon_activated" | "limit_warning" | "router_error" | "router_recovered" | "portal_otp" | "portal_complaint" | "provider_test" | "broadcast";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            audiences: string[];
                            kind: string;
                            texts: {
                                en: {
                                    body: string;
                                    isDefault: boolean;
                                };
                                id: {
                                    body: string;
                                    isDefault: boolean;
                                };
                            };
                            urgent: boolean;
                            variables: string[];
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/templates/{kind}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Render a text with sample values, or with the values given */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: "invoice_issued" | "invoice_unpaid_reminder" | "customer_isolated" | "customer_reconnected" | "collector_cash_collected" | "collector_receipt" | "setoran_ready" | "deposit_confirmed" | "outage_staff" | "outage_customer" | "outage_cleared_staff" | "outage_cleared_customer" | "technician_update" | "addon_invoice_created" | "saas_invoice_reminder" | "addon_activated" | "limit_warning" | "router_error" | "router_recovered" | "portal_otp" | "portal_complaint" | "provider_test" | "broadcast";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body?: string;
                        /** @enum {string} */
                        language?: "id" | "en";
                        values?: {
                            [key: string]: string | number;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            kind: string;
                            /** @enum {string} */
                            language: "id" | "en";
                            text: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/test-message": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue a test message to a phone number through the tenant’s provider */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        to: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            body: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            deliveredAt: string | null;
                            eventId: string | null;
                            externalId: string | null;
                            /** Format: date-time */
                            failedAt: string | null;
                            id: string;
                            kind: string;
                            /** Format: date-time */
                            nextAttemptAt: string;
                            provider: string | null;
                            /** Format: date-time */
                            readAt: string | null;
                            reason: string | null;
                            recipientId: string | null;
                            recipientName: string;
                            /** @enum {string} */
                            recipientType: "customer" | "staff";
                            rule: string;
                            /** Format: date-time */
                            sentAt: string | null;
                            /** @enum {string} */
                            status: "pending" | "sending" | "sent" | "delivered" | "read" | "failed" | "unknown" | "skipped";
                            to: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Messages handed to the provider in a month of the tenant’s calendar */
        get: {
            parameters: {
                query: {
                    month: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            month: string;
                            sent: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payment-history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every money movement, newest first */
        get: {
            parameters: {
                query?: {
                    customerId?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actorName: string | null;
                            actorUserId: string | null;
                            amount: number;
                            /** Format: date-time */
                            createdAt: string;
                            customerCode: string | null;
                            customerId: string;
                            customerName: string | null;
                            id: string;
                            invoiceId: string;
                            invoiceNumber: string;
                            /** @enum {string|null} */
                            method: "cash" | "transfer" | "gateway" | "collector" | null;
                            reference: string | null;
                            /** @enum {string} */
                            type: "gateway" | "manual" | "collected_by_collector" | "collection_rejected" | "setoran_confirmed" | "deposited" | "voided";
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which role grants which permission */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/photos/{id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The photo (or thumbnail) bytes, through a short-lived link, for the signed-in staff of its tenant */
        get: {
            parameters: {
                query: {
                    token: string;
                    variant?: "full" | "thumb";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/photos/{id}/links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Short-lived links (5 minutes) to a photo and its thumbnail */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            expiresAt: string;
                            thumbnailUrl: string;
                            url: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/photos/overlay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Photos pinned on the map: where taken (GPS), else on their element, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description How many (default 2000, at most 5000; more is refused) */
                    limit?: number;
                    /** @description How many to skip (stable order) */
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            elementName: string;
                            latitude: number;
                            longitude: number;
                            photoId: string;
                            /** @enum {string} */
                            placedBy: "gps" | "element";
                            /** Format: date-time */
                            takenAt: string | null;
                            taskId: string | null;
                            taskNumber: number | null;
                            thumbnailUrl: string;
                            url: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Service plans (paket), cheapest first */
        get: {
            parameters: {
                query?: {
                    /** @description How many (default 100, at most 500; more is refused) */
                    limit?: number;
                    /** @description How many to skip (stable order) */
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            downloadKbps: number;
                            id: string;
                            isActive: boolean;
                            monthlyPrice: number;
                            name: string;
                            routerProfile: string;
                            uploadKbps: number;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Create a service plan */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        downloadKbps: number;
                        isActive?: boolean;
                        monthlyPrice: number;
                        name: string;
                        routerProfile: string;
                        uploadKbps: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            downloadKbps: number;
                            id: string;
                            isActive: boolean;
                            monthlyPrice: number;
                            name: string;
                            routerProfile: string;
                            uploadKbps: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{planId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a service plan */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    planId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        downloadKbps?: number;
                        isActive?: boolean;
                        monthlyPrice?: number;
                        name?: string;
                        routerProfile?: string;
                        uploadKbps?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            downloadKbps: number;
                            id: string;
                            isActive: boolean;
                            monthlyPrice: number;
                            name: string;
                            routerProfile: string;
                            uploadKbps: number;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/platform/features": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Super admin: platform-wide feature switches (a feature without a row is on) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enabled: boolean;
                            feature: string;
                            reason: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/platform/features/{feature}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Super admin: switch a feature on or off for every tenant */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    feature: "radius" | "payment_gateways" | "collectors" | "ftth_maps" | "technicians" | "customer_portal" | "custom_domain" | "api_tokens";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled: boolean;
                        /** @default  */
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/platform/impersonations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Super admin: impersonation history, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description How many (default 100, at most 500; more is refused) */
                    limit?: number;
                    /** @description How many to skip (stable order) */
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            endedAt: string | null;
                            /** Format: date-time */
                            expiresAt: string;
                            id: string;
                            reason: string;
                            /** Format: date-time */
                            startedAt: string;
                            superAdminId: string;
                            superAdminName: string;
                            tenantId: string;
                            writeAllowed: boolean;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Super admin: work in a tenant as its admin, with a reason, for at most 30 minutes (read-only unless the owner allowed support write) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        minutes?: number;
                        reason: string;
                        /** Format: uuid */
                        tenantId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            expiresAt: string;
                            id: string;
                            reason: string;
                            /** Format: date-time */
                            startedAt: string;
                            tenantId: string;
                            writeAllowed: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/platform/impersonations/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Super admin: end my impersonation now */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ended: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/platform/saas/addons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Super admin: the add-on catalog */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            amount: number | null;
                            code: string;
                            /** @enum {string|null} */
                            feature: "radius" | "payment_gateways" | "collectors" | "ftth_maps" | "technicians" | "customer_portal" | "custom_domain" | "api_tokens" | null;
                            id: string;
                            /** @enum {string|null} */
                            limitName: "customers" | "routers" | "staff" | "collectors" | "technicians" | "odps" | "whatsapp_messages" | "photo_storage_mb" | null;
                            name: string;
                            price: number;
                            recurring: boolean;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Super admin: add an add-on (raises a limit by `amount` per unit, or switches a feature on) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amount?: number;
                        code: string;
                        /** @enum {string} */
                        feature?: "radius" | "payment_gateways" | "collectors" | "ftth_maps" | "technicians" | "customer_portal" | "custom_domain" | "api_tokens";
                        /** @enum {string} */
                        limitName?: "customers" | "routers" | "staff" | "collectors" | "technicians" | "odps" | "whatsapp_messages" | "photo_storage_mb";
                        name: string;
                        price: number;
                        /** @default true */
                        recurring?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            amount: number | null;
                            code: string;
                            /** @enum {string|null} */
                            feature: "radius" | "payment_gateways" | "collectors" | "ftth_maps" | "technicians" | "customer_portal" | "custom_domain" | "api_tokens" | null;
                            id: string;
                            /** @enum {string|null} */
                            limitName: "customers" | "routers" | "staff" | "collectors" | "technicians" | "odps" | "whatsapp_messages" | "photo_storage_mb" | null;
                            name: string;
                            price: number;
                            recurring: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/platform/saas/addons/{addonId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Super admin: rename, reprice or take an add-on off sale (what it raises stays; bought units keep it) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    addonId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        active?: boolean;
                        name?: string;
                        price?: number;
                        recurring?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            amount: number | null;
                            code: string;
                            /** @enum {string|null} */
                            feature: "radius" | "payment_gateways" | "collectors" | "ftth_maps" | "technicians" | "customer_portal" | "custom_domain" | "api_tokens" | null;
                            id: string;
                            /** @enum {string|null} */
                            limitName: "customers" | "routers" | "staff" | "collectors" | "technicians" | "odps" | "whatsapp_messages" | "photo_storage_mb" | null;
                            name: string;
                            price: number;
                            recurring: boolean;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/platform/saas/domains": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Super admin: every tenant’s custom domains and whether each is verified, by host */
        get: {
            parameters: {
                query?: {
                    /** @description How many (default 100, at most 500; more is refused) */
                    limit?: number;
                    /** @description How many to skip (stable order) */
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            host: string;
                            id: string;
                            tenantId: string;
                            verified: boolean;
                            /** Format: date-time */
                            verifiedAt: string | null;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/platform/saas/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Super admin: SaaS invoices of every tenant, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description How many (default 100, at most 500; more is refused) */
                    limit?: number;
                    /** @description How many to skip (stable order) */
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: number;
                            /** Format: date-time */
                            createdAt: string;
                            description: string;
                            dueDate: string;
                            id: string;
                            /** @enum {string} */
                            kind: "subscription" | "addon";
                            number: string;
                            orderId: string;
                            /** Format: date-time */
                            paidAt: string | null;
                            /** @enum {string|null} */
                            paidVia: "gateway" | "super_admin" | null;
                            paymentUrl: string | null;
                            period: string | null;
                            /** @enum {string} */
                            status: "unpaid" | "paid" | "void";
                            tenantId: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/platform/saas/invoices/{invoiceId}/mark-paid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Super admin: mark a SaaS invoice paid (bank transfer received) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    invoiceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: number;
                            /** Format: date-time */
                            createdAt: string;
                            description: string;
                            dueDate: string;
                            id: string;
                            /** @enum {string} */
                            kind: "subscription" | "addon";
                            number: string;
                            orderId: string;
                            /** Format: date-time */
                            paidAt: string | null;
                            /** @enum {string|null} */
                            paidVia: "gateway" | "super_admin" | null;
                            paymentUrl: string | null;
                            period: string | null;
                            /** @enum {string} */
                            status: "unpaid" | "paid" | "void";
                            tenantId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/platform/saas/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Super admin: SaaS plans */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            code: string;
                            features: ("radius" | "payment_gateways" | "collectors" | "ftth_maps" | "technicians" | "customer_portal" | "custom_domain" | "api_tokens")[];
                            id: string;
                            isDefault: boolean;
                            limits: {
                                [key: string]: number;
                            };
                            monthlyPrice: number;
                            name: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Super admin: add a SaaS plan */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        features: ("radius" | "payment_gateways" | "collectors" | "ftth_maps" | "technicians" | "customer_portal" | "custom_domain" | "api_tokens")[];
                        limits: {
                            [key: string]: number;
                        };
                        monthlyPrice: number;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            code: string;
                            features: ("radius" | "payment_gateways" | "collectors" | "ftth_maps" | "technicians" | "customer_portal" | "custom_domain" | "api_tokens")[];
                            id: string;
                            isDefault: boolean;
                            limits: {
                                [key: string]: number;
                            };
                            monthlyPrice: number;
                            name: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/platform/saas/plans/{planId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Super admin: change a SaaS plan */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    planId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        active?: boolean;
                        features?: ("radius" | "payment_gateways" | "collectors" | "ftth_maps" | "technicians" | "customer_portal" | "custom_domain" | "api_tokens")[];
                        limits?: {
                            [key: string]: number;
                        };
                        monthlyPrice?: number;
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            code: string;
                            features: ("radius" | "payment_gateways" | "collectors" | "ftth_maps" | "technicians" | "customer_portal" | "custom_domain" | "api_tokens")[];
                            id: string;
                            isDefault: boolean;
                            limits: {
                                [key: string]: number;
                            };
                            monthlyPrice: number;
                            name: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/platform/saas/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Super admin: tenants with plan, usage against limits (counts only), over-limit flags, unpaid SaaS invoices; by name */
        get: {
            parameters: {
                query?: {
                    /** @description How many (default 100, at most 500; more is refused) */
                    limit?: number;
                    /** @description How many to skip (stable order) */
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            limits: {
                                [key: string]: number;
                            };
                            name: string;
                            overLimit: string[];
                            plan: string;
                            slug: string;
                            status: string;
                            tenantId: string;
                            unpaidInvoices: number;
                            usage: {
                                customers: number;
                                routers: number;
                                staff: number;
                            };
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/platform/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Super admin: tenants with summary counts, oldest first */
        get: {
            parameters: {
                query?: {
                    /** @description How many (default 100, at most 500; more is refused) */
                    limit?: number;
                    /** @description How many to skip (stable order) */
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                            name: string;
                            slug: string;
                            staffCount: number;
                            /** @enum {string} */
                            status: "active" | "suspended";
                            timeZone: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Super admin: create a tenant (ISP) with its first owner */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        owner: {
                            /** Format: email */
                            email: string;
                            name: string;
                            password?: string;
                        };
                        slug: string;
                        /** @enum {string} */
                        timeZone: "WIB" | "WITA" | "WIT" | "Asia/Jakarta" | "Asia/Makassar" | "Asia/Jayapura";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ownerUserId: string;
                            tenant: {
                                /** Format: date-time */
                                createdAt: string;
                                id: string;
                                name: string;
                                slug: string;
                                staffCount: number;
                                /** @enum {string} */
                                status: "active" | "suspended";
                                timeZone: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/platform/tenants/{tenantId}/overrides": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Super admin: a tenant’s overrides, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description How many (default 100, at most 500; more is refused) */
                    limit?: number;
                    /** @description How many to skip (stable order) */
                    offset?: number;
                };
                header?: never;
                path: {
                    tenantId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: number | null;
                            /** Format: date-time */
                            createdAt: string;
                            enabled: boolean | null;
                            /** Format: date-time */
                            endedAt: string | null;
                            /** Format: date-time */
                            endsAt: string;
                            feature: string | null;
                            id: string;
                            limitName: string | null;
                            reason: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Super admin: raise or lower a limit, or force a feature, for one tenant, with a reason and an end */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amount?: number;
                        enabled?: boolean;
                        endsAt: unknown;
                        /** @enum {string} */
                        feature?: "radius" | "payment_gateways" | "collectors" | "ftth_maps" | "technicians" | "customer_portal" | "custom_domain" | "api_tokens";
                        /** @enum {string} */
                        limitName?: "customers" | "routers" | "staff" | "collectors" | "technicians" | "odps" | "whatsapp_messages" | "photo_storage_mb";
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/platform/tenants/{tenantId}/overrides/{overrideId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Super admin: end an override now */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    overrideId: string;
                    tenantId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/platform/tenants/{tenantId}/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Super admin: move a tenant to a plan (a downgrade keeps what it has; it cannot add past the limit) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        planId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/platform/tenants/{tenantId}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Super admin: suspend a tenant (its console closes; its customers are not touched) or resume it, with a reason */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                        /** @enum {string} */
                        status: "active" | "suspended";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                            name: string;
                            slug: string;
                            staffCount: number;
                            /** @enum {string} */
                            status: "active" | "suspended";
                            timeZone: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/platform/wa-providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Super admin: the WhatsApp provider catalog */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enabled: boolean;
                            hasPlatformAccount: boolean;
                            isDefault: boolean;
                            /** @enum {string} */
                            provider: "whatsapp_cloud" | "fonnte" | "wablas" | "dev_inbox";
                            sender: string | null;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/platform/wa-providers/{provider}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Super admin: offer or withdraw a provider, make it the default, set the platform account */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    provider: "whatsapp_cloud" | "fonnte" | "wablas" | "dev_inbox";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        config?: {
                            [key: string]: unknown;
                        } | null;
                        enabled?: boolean;
                        isDefault?: boolean;
                        sender?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enabled: boolean;
                            hasPlatformAccount: boolean;
                            isDefault: boolean;
                            /** @enum {string} */
                            provider: "whatsapp_cloud" | "fonnte" | "wablas" | "dev_inbox";
                            sender: string | null;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/captive/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Captive portal API (RFC 8908, application/captive+json): captive while the line at the caller’s address is isolated */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    slug: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            captive: boolean;
                            "user-portal-url"?: string;
                            "venue-info-url"?: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/router-script": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** RouterOS script for one router: walled garden (portal + payment gateways), web of isolated lines to the isolir page, HTTPS reset, the rest rejected */
        get: {
            parameters: {
                query: {
                    routerId: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/receipts/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One receipt */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    number: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: number;
                            amountInWords: string;
                            customer: {
                                code: string | null;
                                id: string;
                                name: string | null;
                                phone: string | null;
                            };
                            invoice: {
                                amount: number;
                                id: string;
                                number: string;
                                paidAmount: number;
                                period: string;
                                remaining: number;
                                status: string;
                            };
                            isp: {
                                address: string;
                                name: string;
                                slug: string;
                            };
                            /** Format: date-time */
                            issuedAt: string;
                            method: string;
                            number: string;
                            staffName: string | null;
                            verifyPath: string;
                            whatsappUrl: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/receipts/{number}/print": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A receipt as a printable HTML page: 58 mm or 80 mm thermal paper, or A4 */
        get: {
            parameters: {
                query?: {
                    paper?: "58" | "80" | "a4";
                };
                header?: never;
                path: {
                    number: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/aging": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Arrears aging: 0–30, 31–60, 61–90, over 90 days past due; buckets and total over every customer, a page of the customers (oldest debt first; customersTotal: all of them) */
        get: {
            parameters: {
                query?: {
                    asOf?: string;
                    /** @description How many (default 200, at most 1000; more is refused) */
                    limit?: number;
                    /** @description How many to skip (stable order) */
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            asOf: string;
                            buckets: {
                                amount: number;
                                /** @enum {string} */
                                bucket: "0-30" | "31-60" | "61-90" | ">90";
                                customers: number;
                                invoices: number;
                            }[];
                            customers: {
                                amount: number;
                                /** @enum {string} */
                                bucket: "0-30" | "31-60" | "61-90" | ">90";
                                customerCode: string | null;
                                customerId: string;
                                customerName: string | null;
                                invoices: number;
                                oldestDays: number;
                            }[];
                            customersTotal: number;
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/aging/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The aging report (one row per customer) as CSV or XLSX */
        get: {
            parameters: {
                query: {
                    asOf?: string;
                    format: "csv" | "xlsx";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the CSV or XLSX file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** New customers per month; active, suspended (isolated) and terminated now */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: number;
                            from: string;
                            months: {
                                added: number;
                                month: string;
                            }[];
                            suspended: number;
                            terminated: number;
                            to: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/customers/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** New customers per month as CSV or XLSX */
        get: {
            parameters: {
                query: {
                    format: "csv" | "xlsx";
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the CSV or XLSX file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/income": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Income per day or month, by method and by staff: a page of the lines (period, method, staff), the totals over the whole period */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    groupBy?: "day" | "month";
                    /** @description How many (default 500, at most 5000; more is refused) */
                    limit?: number;
                    /** @description How many to skip (stable order) */
                    offset?: number;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            byMethod: {
                                amount: number;
                                key: string;
                                payments: number;
                            }[];
                            byPeriod: {
                                amount: number;
                                key: string;
                                payments: number;
                            }[];
                            byStaff: {
                                amount: number;
                                key: string;
                                payments: number;
                            }[];
                            from: string;
                            /** @enum {string} */
                            groupBy: "day" | "month";
                            items: {
                                amount: number;
                                method: string;
                                payments: number;
                                period: string;
                                staffName: string | null;
                                staffUserId: string | null;
                            }[];
                            /** @description How many lines the whole period has (items is a page of them) */
                            lines: number;
                            to: string;
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/income/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The income report as CSV or XLSX */
        get: {
            parameters: {
                query: {
                    format: "csv" | "xlsx";
                    from?: string;
                    groupBy?: "day" | "month";
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the CSV or XLSX file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/isolation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Isolations and restorations per day */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            days: {
                                day: string;
                                isolated: number;
                                restored: number;
                            }[];
                            from: string;
                            isolated: number;
                            isolatedNow: number;
                            restored: number;
                            to: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/isolation/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Isolation counts as CSV or XLSX */
        get: {
            parameters: {
                query: {
                    format: "csv" | "xlsx";
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the CSV or XLSX file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/whatsapp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** WhatsApp messages sent per month */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            from: string;
                            months: {
                                month: string;
                                sent: number;
                            }[];
                            sent: number;
                            to: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/whatsapp/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** WhatsApp usage as CSV or XLSX */
        get: {
            parameters: {
                query: {
                    format: "csv" | "xlsx";
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the CSV or XLSX file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/routers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Routers with health and line sync counts, by name */
        get: {
            parameters: {
                query?: {
                    /** @description How many (default 100, at most 500; more is refused) */
                    limit?: number;
                    /** @description How many to skip (stable order) */
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            apiKind: "routeros-api" | "rest";
                            /** Format: date-time */
                            failingSince: string | null;
                            /** @enum {string} */
                            health: "unknown" | "ok" | "failing";
                            host: string;
                            id: string;
                            isolationAddressList: string;
                            isolationProfile: string;
                            /** Format: date-time */
                            lastCheckedAt: string | null;
                            lastError: string | null;
                            lines: {
                                failed: number;
                                inSync: number;
                                pending: number;
                            };
                            name: string;
                            port: number | null;
                            pppoeViaRadius: boolean;
                            /** @description What RADIUS answers isolated PPPoE customers of this router (at least one) */
                            radiusIsolation: {
                                /** @description Mikrotik-Address-List = the isolation address list */
                                addressList: boolean;
                                /** @description Framed-Pool: an IP pool for isolated customers */
                                framedPool: string | null;
                                /** @description Mikrotik-Rate-Limit, e.g. 1M/1M */
                                rateLimit: {
                                    downloadKbps: number;
                                    uploadKbps: number;
                                } | null;
                            };
                            username: string;
                            useTls: boolean;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Add a router (the password is encrypted at rest) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        apiKind: "routeros-api" | "rest";
                        host: string;
                        isolationAddressList?: string;
                        isolationProfile?: string;
                        name: string;
                        password: string;
                        port?: number | null;
                        pppoeViaRadius?: boolean;
                        radiusCoaPort?: number;
                        /** @description What RADIUS answers isolated PPPoE customers of this router (at least one) */
                        radiusIsolation?: {
                            /** @description Mikrotik-Address-List = the isolation address list */
                            addressList: boolean;
                            /** @description Framed-Pool: an IP pool for isolated customers */
                            framedPool: string | null;
                            /** @description Mikrotik-Rate-Limit, e.g. 1M/1M */
                            rateLimit: {
                                downloadKbps: number;
                                uploadKbps: number;
                            } | null;
                        };
                        radiusSecret?: string;
                        username: string;
                        useTls?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            apiKind: "routeros-api" | "rest";
                            /** Format: date-time */
                            failingSince: string | null;
                            /** @enum {string} */
                            health: "unknown" | "ok" | "failing";
                            host: string;
                            id: string;
                            isolationAddressList: string;
                            isolationProfile: string;
                            /** Format: date-time */
                            lastCheckedAt: string | null;
                            lastError: string | null;
                            lines: {
                                failed: number;
                                inSync: number;
                                pending: number;
                            };
                            name: string;
                            port: number | null;
                            pppoeViaRadius: boolean;
                            /** @description What RADIUS answers isolated PPPoE customers of this router (at least one) */
                            radiusIsolation: {
                                /** @description Mikrotik-Address-List = the isolation address list */
                                addressList: boolean;
                                /** @description Framed-Pool: an IP pool for isolated customers */
                                framedPool: string | null;
                                /** @description Mikrotik-Rate-Limit, e.g. 1M/1M */
                                rateLimit: {
                                    downloadKbps: number;
                                    uploadKbps: number;
                                } | null;
                            };
                            username: string;
                            useTls: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/routers/{routerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One router */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    routerId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            apiKind: "routeros-api" | "rest";
                            /** Format: date-time */
                            failingSince: string | null;
                            /** @enum {string} */
                            health: "unknown" | "ok" | "failing";
                            host: string;
                            id: string;
                            isolationAddressList: string;
                            isolationProfile: string;
                            /** Format: date-time */
                            lastCheckedAt: string | null;
                            lastError: string | null;
                            lines: {
                                failed: number;
                                inSync: number;
                                pending: number;
                            };
                            name: string;
                            port: number | null;
                            pppoeViaRadius: boolean;
                            /** @description What RADIUS answers isolated PPPoE customers of this router (at least one) */
                            radiusIsolation: {
                                /** @description Mikrotik-Address-List = the isolation address list */
                                addressList: boolean;
                                /** @description Framed-Pool: an IP pool for isolated customers */
                                framedPool: string | null;
                                /** @description Mikrotik-Rate-Limit, e.g. 1M/1M */
                                rateLimit: {
                                    downloadKbps: number;
                                    uploadKbps: number;
                                } | null;
                            };
                            username: string;
                            useTls: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a router; its lines are checked again. Moving it (host, port, API kind, TLS) needs the password again */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    routerId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        apiKind?: "routeros-api" | "rest";
                        host?: string;
                        isolationAddressList?: string;
                        isolationProfile?: string;
                        name?: string;
                        password?: string;
                        port?: number | null;
                        /** @description What RADIUS answers isolated PPPoE customers of this router (at least one) */
                        radiusIsolation?: {
                            /** @description Mikrotik-Address-List = the isolation address list */
                            addressList: boolean;
                            /** @description Framed-Pool: an IP pool for isolated customers */
                            framedPool: string | null;
                            /** @description Mikrotik-Rate-Limit, e.g. 1M/1M */
                            rateLimit: {
                                downloadKbps: number;
                                uploadKbps: number;
                            } | null;
                        };
                        username?: string;
                        useTls?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            apiKind: "routeros-api" | "rest";
                            /** Format: date-time */
                            failingSince: string | null;
                            /** @enum {string} */
                            health: "unknown" | "ok" | "failing";
                            host: string;
                            id: string;
                            isolationAddressList: string;
                            isolationProfile: string;
                            /** Format: date-time */
                            lastCheckedAt: string | null;
                            lastError: string | null;
                            lines: {
                                failed: number;
                                inSync: number;
                                pending: number;
                            };
                            name: string;
                            port: number | null;
                            pppoeViaRadius: boolean;
                            /** @description What RADIUS answers isolated PPPoE customers of this router (at least one) */
                            radiusIsolation: {
                                /** @description Mikrotik-Address-List = the isolation address list */
                                addressList: boolean;
                                /** @description Framed-Pool: an IP pool for isolated customers */
                                framedPool: string | null;
                                /** @description Mikrotik-Rate-Limit, e.g. 1M/1M */
                                rateLimit: {
                                    downloadKbps: number;
                                    uploadKbps: number;
                                } | null;
                            };
                            username: string;
                            useTls: boolean;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/routers/{routerId}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Test the connection and login (unreachable, refused, bad login and TLS are told apart) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    routerId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            identity: string;
                            /** @enum {boolean} */
                            ok: true;
                            version: string;
                        } | {
                            error: {
                                code: string;
                                message: string;
                            };
                            /** @enum {boolean} */
                            ok: false;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/saas/addons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Add-ons on sale */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            amount: number | null;
                            code: string;
                            /** @enum {string|null} */
                            feature: "radius" | "payment_gateways" | "collectors" | "ftth_maps" | "technicians" | "customer_portal" | "custom_domain" | "api_tokens" | null;
                            id: string;
                            /** @enum {string|null} */
                            limitName: "customers" | "routers" | "staff" | "collectors" | "technicians" | "odps" | "whatsapp_messages" | "photo_storage_mb" | null;
                            name: string;
                            price: number;
                            recurring: boolean;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/saas/addons/purchase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Buy an add-on: a SaaS invoice to pay; the add-on applies once it is paid */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        addonId: string;
                        /** @default 1 */
                        quantity?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            invoice: {
                                amount: number;
                                /** Format: date-time */
                                createdAt: string;
                                description: string;
                                dueDate: string;
                                id: string;
                                /** @enum {string} */
                                kind: "subscription" | "addon";
                                number: string;
                                orderId: string;
                                /** Format: date-time */
                                paidAt: string | null;
                                /** @enum {string|null} */
                                paidVia: "gateway" | "super_admin" | null;
                                paymentUrl: string | null;
                                period: string | null;
                                /** @enum {string} */
                                status: "unpaid" | "paid" | "void";
                                tenantId: string;
                            };
                            paymentUrl: string;
                            tenantAddonId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/saas/domains": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My custom domains, by host */
        get: {
            parameters: {
                query?: {
                    /** @description How many (default 100, at most 500; more is refused) */
                    limit?: number;
                    /** @description How many to skip (stable order) */
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            host: string;
                            id: string;
                            txtRecord: {
                                name: string;
                                value: string;
                            };
                            verified: boolean;
                            /** Format: date-time */
                            verifiedAt: string | null;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Add a custom domain; prove it with the TXT record in the answer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        host: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            host: string;
                            id: string;
                            txtRecord: {
                                name: string;
                                value: string;
                            };
                            verified: boolean;
                            /** Format: date-time */
                            verifiedAt: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/saas/domains/{domainId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a custom domain */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    domainId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/saas/domains/{domainId}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check the TXT record and verify the domain */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    domainId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            host: string;
                            id: string;
                            txtRecord: {
                                name: string;
                                value: string;
                            };
                            verified: boolean;
                            /** Format: date-time */
                            verifiedAt: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/saas/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My SaaS invoices, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description How many (default 100, at most 500; more is refused) */
                    limit?: number;
                    /** @description How many to skip (stable order) */
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: number;
                            /** Format: date-time */
                            createdAt: string;
                            description: string;
                            dueDate: string;
                            id: string;
                            /** @enum {string} */
                            kind: "subscription" | "addon";
                            number: string;
                            orderId: string;
                            /** Format: date-time */
                            paidAt: string | null;
                            /** @enum {string|null} */
                            paidVia: "gateway" | "super_admin" | null;
                            paymentUrl: string | null;
                            period: string | null;
                            /** @enum {string} */
                            status: "unpaid" | "paid" | "void";
                            tenantId: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/saas/invoices/{invoiceId}/pay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pay a SaaS invoice: its payment link at the platform’s gateway (created once; the same link again after) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    invoiceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: number;
                            /** Format: date-time */
                            createdAt: string;
                            description: string;
                            dueDate: string;
                            id: string;
                            /** @enum {string} */
                            kind: "subscription" | "addon";
                            number: string;
                            orderId: string;
                            /** Format: date-time */
                            paidAt: string | null;
                            /** @enum {string|null} */
                            paidVia: "gateway" | "super_admin" | null;
                            paymentUrl: string;
                            period: string | null;
                            /** @enum {string} */
                            status: "unpaid" | "paid" | "void";
                            tenantId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/saas/subscription": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My plan, effective limits and features, usage, and whether the console is locked */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            features: ("radius" | "payment_gateways" | "collectors" | "ftth_maps" | "technicians" | "customer_portal" | "custom_domain" | "api_tokens")[];
                            limits: {
                                collectors: number | null;
                                customers: number | null;
                                odps: number | null;
                                photo_storage_mb: number | null;
                                routers: number | null;
                                staff: number | null;
                                technicians: number | null;
                                whatsapp_messages: number | null;
                            };
                            locked: boolean;
                            plan: {
                                code: string;
                                id: string;
                                name: string;
                            };
                            platformDomain: string;
                            supportWrite: boolean;
                            usage: {
                                customers: number;
                                routers: number;
                                staff: number;
                                /** @description this month, in the tenant calendar; null when this session may not see messages (support) */
                                whatsapp_messages: number | null;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/saas/support-access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Allow (or stop allowing) platform support to write while impersonating */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        write: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Staff of the current tenant, by name */
        get: {
            parameters: {
                query?: {
                    /** @description How many (default 100, at most 500; more is refused) */
                    limit?: number;
                    /** @description How many to skip (stable order) */
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            addedAt: string;
                            email: string;
                            name: string;
                            phone: string | null;
                            roles: ("owner" | "admin" | "finance" | "collector" | "technician")[];
                            /** @enum {string} */
                            status: "active" | "disabled";
                            userId: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Invite a staff member: answers with a one-time link token (shown once, valid 7 days) to pass on; they join when they accept it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        name: string;
                        phone?: string;
                        roles: ("owner" | "admin" | "finance" | "collector" | "technician")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            /** Format: date-time */
                            expiresAt: string;
                            id: string;
                            invitedBy: string;
                            name: string;
                            phone: string | null;
                            roles: ("owner" | "admin" | "finance" | "collector" | "technician")[];
                            token: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a staff member’s roles or disable them */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        roles?: ("owner" | "admin" | "finance" | "collector" | "technician")[];
                        /** @enum {string} */
                        status?: "active" | "disabled";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            addedAt: string;
                            email: string;
                            name: string;
                            phone: string | null;
                            roles: ("owner" | "admin" | "finance" | "collector" | "technician")[];
                            /** @enum {string} */
                            status: "active" | "disabled";
                            userId: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/staff/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Invitations not yet accepted (expired ones included), newest first */
        get: {
            parameters: {
                query?: {
                    /** @description How many (default 100, at most 500; more is refused) */
                    limit?: number;
                    /** @description How many to skip (stable order) */
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            /** Format: date-time */
                            expiresAt: string;
                            id: string;
                            invitedBy: string;
                            name: string;
                            phone: string | null;
                            roles: ("owner" | "admin" | "finance" | "collector" | "technician")[];
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/invitations/{invitationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an invitation: its link stops working */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    invitationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tasks (work orders), most urgent first; a technician sees their own */
        get: {
            parameters: {
                query?: {
                    assignee?: string | "me";
                    kind?: "installation" | "repair" | "outage_fix" | "relocation" | "dismantle" | "survey";
                    /** @description How many (default 200, at most 500; more is refused) */
                    limit?: number;
                    /** @description How many to skip (stable order) */
                    offset?: number;
                    status?: ("open" | "assigned" | "on_the_way" | "working" | "done" | "cancelled") | ("active" | "all");
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assignees: {
                                name: string;
                                userId: string;
                            }[];
                            checklist: {
                                done: boolean;
                                label: string;
                            }[] | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                            description: string | null;
                            /** Format: date-time */
                            dueAt: string | null;
                            /** Format: date-time */
                            fixAppliedAt: string | null;
                            /** Format: date-time */
                            fixRequestedAt: string | null;
                            id: string;
                            /** @enum {string} */
                            kind: "installation" | "repair" | "outage_fix" | "relocation" | "dismantle" | "survey";
                            lines: {
                                backOnline: number;
                                rechecked: number;
                            } | null;
                            number: number;
                            /** @enum {string} */
                            priority: "low" | "normal" | "high" | "urgent";
                            /** @enum {string} */
                            source: "staff" | "complaint" | "outage";
                            /** @enum {string} */
                            status: "open" | "assigned" | "on_the_way" | "working" | "done" | "cancelled";
                            target: {
                                id: string;
                                /** @enum {string} */
                                kind: "customer" | "odp" | "odc" | "outage";
                                latitude: number | null;
                                longitude: number | null;
                                name: string;
                            };
                            title: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Create a task for a customer, an ODP/ODC or an outage */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        assigneeIds?: string[];
                        checklist?: string[];
                        description?: string | null;
                        /** Format: date-time */
                        dueAt?: string | null;
                        /** @enum {string} */
                        kind: "installation" | "repair" | "outage_fix" | "relocation" | "dismantle" | "survey";
                        /** @enum {string} */
                        priority?: "low" | "normal" | "high" | "urgent";
                        /** @enum {string} */
                        source?: "staff" | "complaint";
                        target: {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "customer" | "odp" | "odc" | "outage";
                        };
                        title: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assignees: {
                                name: string;
                                userId: string;
                            }[];
                            checklist: {
                                done: boolean;
                                label: string;
                            }[] | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                            description: string | null;
                            /** Format: date-time */
                            dueAt: string | null;
                            /** Format: date-time */
                            fixAppliedAt: string | null;
                            /** Format: date-time */
                            fixRequestedAt: string | null;
                            id: string;
                            /** @enum {string} */
                            kind: "installation" | "repair" | "outage_fix" | "relocation" | "dismantle" | "survey";
                            lines: {
                                backOnline: number;
                                rechecked: number;
                            } | null;
                            number: number;
                            /** @enum {string} */
                            priority: "low" | "normal" | "high" | "urgent";
                            /** @enum {string} */
                            source: "staff" | "complaint" | "outage";
                            /** @enum {string} */
                            status: "open" | "assigned" | "on_the_way" | "working" | "done" | "cancelled";
                            target: {
                                id: string;
                                /** @enum {string} */
                                kind: "customer" | "odp" | "odc" | "outage";
                                latitude: number | null;
                                longitude: number | null;
                                name: string;
                            };
                            title: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assignees: {
                                name: string;
                                userId: string;
                            }[];
                            checklist: {
                                done: boolean;
                                label: string;
                            }[] | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                            description: string | null;
                            /** Format: date-time */
                            dueAt: string | null;
                            /** Format: date-time */
                            fixAppliedAt: string | null;
                            /** Format: date-time */
                            fixRequestedAt: string | null;
                            id: string;
                            /** @enum {string} */
                            kind: "installation" | "repair" | "outage_fix" | "relocation" | "dismantle" | "survey";
                            lines: {
                                backOnline: number;
                                rechecked: number;
                            } | null;
                            number: number;
                            /** @enum {string} */
                            priority: "low" | "normal" | "high" | "urgent";
                            /** @enum {string} */
                            source: "staff" | "complaint" | "outage";
                            /** @enum {string} */
                            status: "open" | "assigned" | "on_the_way" | "working" | "done" | "cancelled";
                            target: {
                                id: string;
                                /** @enum {string} */
                                kind: "customer" | "odp" | "odc" | "outage";
                                latitude: number | null;
                                longitude: number | null;
                                name: string;
                            };
                            title: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One task */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assignees: {
                                name: string;
                                userId: string;
                            }[];
                            checklist: {
                                done: boolean;
                                label: string;
                            }[] | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                            description: string | null;
                            /** Format: date-time */
                            dueAt: string | null;
                            /** Format: date-time */
                            fixAppliedAt: string | null;
                            /** Format: date-time */
                            fixRequestedAt: string | null;
                            id: string;
                            /** @enum {string} */
                            kind: "installation" | "repair" | "outage_fix" | "relocation" | "dismantle" | "survey";
                            lines: {
                                backOnline: number;
                                rechecked: number;
                            } | null;
                            number: number;
                            /** @enum {string} */
                            priority: "low" | "normal" | "high" | "urgent";
                            /** @enum {string} */
                            source: "staff" | "complaint" | "outage";
                            /** @enum {string} */
                            status: "open" | "assigned" | "on_the_way" | "working" | "done" | "cancelled";
                            target: {
                                id: string;
                                /** @enum {string} */
                                kind: "customer" | "odp" | "odc" | "outage";
                                latitude: number | null;
                                longitude: number | null;
                                name: string;
                            };
                            title: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/activities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The task's activity log with photos, oldest first */
        get: {
            parameters: {
                query?: {
                    /** @description How many (default 100, at most 500; more is refused) */
                    limit?: number;
                    /** @description How many to skip (stable order) */
                    offset?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            element: {
                                id: string;
                                /** @enum {string} */
                                kind: "customer" | "odp" | "odc";
                                name: string;
                            } | null;
                            id: string;
                            note: string;
                            photos: {
                                activityId: string | null;
                                contentType: string;
                                /** Format: date-time */
                                createdAt: string;
                                height: number;
                                id: string;
                                latitude: number | null;
                                longitude: number | null;
                                sizeBytes: number;
                                /** Format: date-time */
                                takenAt: string | null;
                                taskId: string | null;
                                thumbnailUrl?: string;
                                uploadedBy: string;
                                url?: string;
                                width: number;
                            }[];
                            /** @enum {string|null} */
                            statusChange: "open" | "assigned" | "on_the_way" | "working" | "done" | "cancelled" | null;
                            taskId: string | null;
                            technicianId: string;
                            technicianName: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Log an activity on the task (a note, optionally a status move) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The same key on a retry (an offline queue sending again) stores the activity or photo once and answers the first one. */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note: string;
                        /** @enum {string} */
                        status?: "assigned" | "on_the_way" | "working";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            element: {
                                id: string;
                                /** @enum {string} */
                                kind: "customer" | "odp" | "odc";
                                name: string;
                            } | null;
                            id: string;
                            note: string;
                            photos: {
                                activityId: string | null;
                                contentType: string;
                                /** Format: date-time */
                                createdAt: string;
                                height: number;
                                id: string;
                                latitude: number | null;
                                longitude: number | null;
                                sizeBytes: number;
                                /** Format: date-time */
                                takenAt: string | null;
                                taskId: string | null;
                                thumbnailUrl?: string;
                                uploadedBy: string;
                                url?: string;
                                width: number;
                            }[];
                            /** @enum {string|null} */
                            statusChange: "open" | "assigned" | "on_the_way" | "working" | "done" | "cancelled" | null;
                            taskId: string | null;
                            technicianId: string;
                            technicianName: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            element: {
                                id: string;
                                /** @enum {string} */
                                kind: "customer" | "odp" | "odc";
                                name: string;
                            } | null;
                            id: string;
                            note: string;
                            photos: {
                                activityId: string | null;
                                contentType: string;
                                /** Format: date-time */
                                createdAt: string;
                                height: number;
                                id: string;
                                latitude: number | null;
                                longitude: number | null;
                                sizeBytes: number;
                                /** Format: date-time */
                                takenAt: string | null;
                                taskId: string | null;
                                thumbnailUrl?: string;
                                uploadedBy: string;
                                url?: string;
                                width: number;
                            }[];
                            /** @enum {string|null} */
                            statusChange: "open" | "assigned" | "on_the_way" | "working" | "done" | "cancelled" | null;
                            taskId: string | null;
                            technicianId: string;
                            technicianName: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/assignees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Assign the task to one or more technicians */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        assigneeIds: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assignees: {
                                name: string;
                                userId: string;
                            }[];
                            checklist: {
                                done: boolean;
                                label: string;
                            }[] | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                            description: string | null;
                            /** Format: date-time */
                            dueAt: string | null;
                            /** Format: date-time */
                            fixAppliedAt: string | null;
                            /** Format: date-time */
                            fixRequestedAt: string | null;
                            id: string;
                            /** @enum {string} */
                            kind: "installation" | "repair" | "outage_fix" | "relocation" | "dismantle" | "survey";
                            lines: {
                                backOnline: number;
                                rechecked: number;
                            } | null;
                            number: number;
                            /** @enum {string} */
                            priority: "low" | "normal" | "high" | "urgent";
                            /** @enum {string} */
                            source: "staff" | "complaint" | "outage";
                            /** @enum {string} */
                            status: "open" | "assigned" | "on_the_way" | "working" | "done" | "cancelled";
                            target: {
                                id: string;
                                /** @enum {string} */
                                kind: "customer" | "odp" | "odc" | "outage";
                                latitude: number | null;
                                longitude: number | null;
                                name: string;
                            };
                            title: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The task's status changes: who and when, oldest first */
        get: {
            parameters: {
                query?: {
                    /** @description How many (default 200, at most 500; more is refused) */
                    limit?: number;
                    /** @description How many to skip (stable order) */
                    offset?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actorName: string | null;
                            actorUserId: string | null;
                            /** Format: date-time */
                            at: string;
                            /** @enum {string|null} */
                            from: "open" | "assigned" | "on_the_way" | "working" | "done" | "cancelled" | null;
                            note: string | null;
                            /** @enum {string} */
                            to: "open" | "assigned" | "on_the_way" | "working" | "done" | "cancelled";
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/outage-fix": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report the outage fixed: clears it (or proposes clearing, per setting) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assignees: {
                                name: string;
                                userId: string;
                            }[];
                            checklist: {
                                done: boolean;
                                label: string;
                            }[] | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                            description: string | null;
                            /** Format: date-time */
                            dueAt: string | null;
                            /** Format: date-time */
                            fixAppliedAt: string | null;
                            /** Format: date-time */
                            fixRequestedAt: string | null;
                            id: string;
                            /** @enum {string} */
                            kind: "installation" | "repair" | "outage_fix" | "relocation" | "dismantle" | "survey";
                            lines: {
                                backOnline: number;
                                rechecked: number;
                            } | null;
                            number: number;
                            /** @enum {string} */
                            priority: "low" | "normal" | "high" | "urgent";
                            /** @enum {string} */
                            source: "staff" | "complaint" | "outage";
                            /** @enum {string} */
                            status: "open" | "assigned" | "on_the_way" | "working" | "done" | "cancelled";
                            target: {
                                id: string;
                                /** @enum {string} */
                                kind: "customer" | "odp" | "odc" | "outage";
                                latitude: number | null;
                                longitude: number | null;
                                name: string;
                            };
                            title: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/outage-fix/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm a proposed outage fix: clears the outage */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assignees: {
                                name: string;
                                userId: string;
                            }[];
                            checklist: {
                                done: boolean;
                                label: string;
                            }[] | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                            description: string | null;
                            /** Format: date-time */
                            dueAt: string | null;
                            /** Format: date-time */
                            fixAppliedAt: string | null;
                            /** Format: date-time */
                            fixRequestedAt: string | null;
                            id: string;
                            /** @enum {string} */
                            kind: "installation" | "repair" | "outage_fix" | "relocation" | "dismantle" | "survey";
                            lines: {
                                backOnline: number;
                                rechecked: number;
                            } | null;
                            number: number;
                            /** @enum {string} */
                            priority: "low" | "normal" | "high" | "urgent";
                            /** @enum {string} */
                            source: "staff" | "complaint" | "outage";
                            /** @enum {string} */
                            status: "open" | "assigned" | "on_the_way" | "working" | "done" | "cancelled";
                            target: {
                                id: string;
                                /** @enum {string} */
                                kind: "customer" | "odp" | "odc" | "outage";
                                latitude: number | null;
                                longitude: number | null;
                                name: string;
                            };
                            title: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The task's photos, with short-lived links, oldest first */
        get: {
            parameters: {
                query?: {
                    /** @description How many (default 100, at most 500; more is refused) */
                    limit?: number;
                    /** @description How many to skip (stable order) */
                    offset?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activityId: string | null;
                            contentType: string;
                            /** Format: date-time */
                            createdAt: string;
                            height: number;
                            id: string;
                            latitude: number | null;
                            longitude: number | null;
                            sizeBytes: number;
                            /** Format: date-time */
                            takenAt: string | null;
                            taskId: string | null;
                            thumbnailUrl: string;
                            uploadedBy: string;
                            url: string;
                            width: number;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Upload a photo (multipart, field "file": JPEG, PNG, WebP) to the task, optionally to one of its activities */
        post: {
            parameters: {
                query?: {
                    activityId?: string;
                };
                header?: {
                    /** @description The same key on a retry (an offline queue sending again) stores the activity or photo once and answers the first one. */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activityId: string | null;
                            contentType: string;
                            /** Format: date-time */
                            createdAt: string;
                            height: number;
                            id: string;
                            latitude: number | null;
                            longitude: number | null;
                            sizeBytes: number;
                            /** Format: date-time */
                            takenAt: string | null;
                            taskId: string | null;
                            uploadedBy: string;
                            width: number;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activityId: string | null;
                            contentType: string;
                            /** Format: date-time */
                            createdAt: string;
                            height: number;
                            id: string;
                            latitude: number | null;
                            longitude: number | null;
                            sizeBytes: number;
                            /** Format: date-time */
                            takenAt: string | null;
                            taskId: string | null;
                            uploadedBy: string;
                            width: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move the task (on the way, working, done with the checklist, cancelled) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        checklist?: {
                            done: boolean;
                            label: string;
                        }[];
                        note?: string | null;
                        /** @enum {string} */
                        status: "assigned" | "on_the_way" | "working" | "done" | "cancelled";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assignees: {
                                name: string;
                                userId: string;
                            }[];
                            checklist: {
                                done: boolean;
                                label: string;
                            }[] | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                            description: string | null;
                            /** Format: date-time */
                            dueAt: string | null;
                            /** Format: date-time */
                            fixAppliedAt: string | null;
                            /** Format: date-time */
                            fixRequestedAt: string | null;
                            id: string;
                            /** @enum {string} */
                            kind: "installation" | "repair" | "outage_fix" | "relocation" | "dismantle" | "survey";
                            lines: {
                                backOnline: number;
                                rechecked: number;
                            } | null;
                            number: number;
                            /** @enum {string} */
                            priority: "low" | "normal" | "high" | "urgent";
                            /** @enum {string} */
                            source: "staff" | "complaint" | "outage";
                            /** @enum {string} */
                            status: "open" | "assigned" | "on_the_way" | "working" | "done" | "cancelled";
                            target: {
                                id: string;
                                /** @enum {string} */
                                kind: "customer" | "odp" | "odc" | "outage";
                                latitude: number | null;
                                longitude: number | null;
                                name: string;
                            };
                            title: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/technicians/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Outage-fix mode and retention */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            outageFixMode: "clear" | "propose";
                            retentionDays: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the outage-fix mode (clear or propose) and retention days */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        outageFixMode?: "clear" | "propose";
                        retentionDays?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            outageFixMode: "clear" | "propose";
                            retentionDays: number;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/tenant": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant I am working in */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                            name: string;
                            slug: string;
                            /** @enum {string} */
                            status: "active" | "suspended";
                            timeZone: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** API tokens of the current tenant, newest first (secrets are never shown again) */
        get: {
            parameters: {
                query?: {
                    /** @description How many (default 100, at most 500; more is refused) */
                    limit?: number;
                    /** @description How many to skip (stable order) */
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string;
                            id: string;
                            /** Format: date-time */
                            lastUsedAt: string | null;
                            name: string;
                            /** Format: date-time */
                            revokedAt: string | null;
                            roles: ("owner" | "admin" | "finance" | "collector" | "technician")[];
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Create an API token for an integration; the secret is shown once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        roles: ("owner" | "admin" | "finance" | "collector" | "technician")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            roles: ("owner" | "admin" | "finance" | "collector" | "technician")[];
                            token: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens/{tokenId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API token */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tokenId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/payments/{provider}/{tenantSlug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Payment provider notification (Midtrans, Xendit, Tripay)
         * @description Answers 200 when the notification was taken (Tripay: `{"success": true}`), whatever became of it; 4xx when it was refused and the provider may retry. Bodies over 32 kB get 413.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    provider: "midtrans" | "xendit" | "tripay";
                    tenantSlug: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                        } | {
                            code?: string;
                            message: string;
                            outcome: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/saas/midtrans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The platform gateway’s notification for SaaS invoices */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            settled: boolean;
                            status: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/wa/{provider}/{tenantSlug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** WhatsApp provider status webhook (sent, delivered, read, failed) */
        post: {
            parameters: {
                query?: {
                    key?: string;
                };
                header?: never;
                path: {
                    provider: "whatsapp_cloud" | "fonnte" | "wablas" | "dev_inbox";
                    tenantSlug: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            applied: number;
                            received: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/wa/whatsapp_cloud/{tenantSlug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** WhatsApp Cloud API subscription check (hub.challenge) */
        get: {
            parameters: {
                query?: {
                    "hub.challenge"?: string;
                    "hub.mode"?: string;
                    "hub.verify_token"?: string;
                };
                header?: never;
                path: {
                    tenantSlug: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
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
        /** Process is alive */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics (text format) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/p/{slug}/receipt/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Public check of a receipt (the QR code on it) */
        get: {
            parameters: {
                query?: {
                    sig?: string;
                };
                header?: never;
                path: {
                    number: string;
                    slug: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Database and event transport are reachable (503 when not) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
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
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
