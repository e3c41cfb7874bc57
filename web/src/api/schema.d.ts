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
        /** Days on which nothing is isolated */
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
    "/api/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Customers, searchable by name, code, phone or address */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    planId?: string;
                    search?: string;
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
                                name: string;
                                phone: string;
                                planId: string;
                                pppoeUsername: string | null;
                                routerId: string | null;
                                /** @enum {string} */
                                status: "active" | "terminated";
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
                            name: string;
                            phone: string;
                            planId: string;
                            pppoeUsername: string | null;
                            routerId: string | null;
                            /** @enum {string} */
                            status: "active" | "terminated";
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
        /** One customer; private fields (NIK, PPPoE password) only for customers.manage */
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
                            code: string;
                            /** @enum {string} */
                            connectionType: "pppoe" | "static" | "dhcp";
                            id: string;
                            ipAddress: string | null;
                            latitude: number | null;
                            longitude: number | null;
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
                            status: "active" | "terminated";
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
                            name: string;
                            phone: string;
                            planId: string;
                            pppoeUsername: string | null;
                            routerId: string | null;
                            /** @enum {string} */
                            status: "active" | "terminated";
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
                        source: "routeros" | "phpnuxbill" | "csv" | "xlsx";
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
                            /** @enum {string} */
                            source: "routeros" | "phpnuxbill" | "csv" | "xlsx";
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
    "/api/imports/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import in one transaction; refused (IMPORT_HAS_ERRORS) while rows have problems, unless skipInvalid */
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
                        source: "routeros" | "phpnuxbill" | "csv" | "xlsx";
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
                            customersCreated: number;
                            customersSkipped: number;
                            customersUpdated: number;
                            invalidRowsSkipped: number;
                            paketsCreated: number;
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
        /** Invoices, filtered by status or customer */
        get: {
            parameters: {
                query?: {
                    customerId?: string;
                    limit?: number;
                    offset?: number;
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
        /** One invoice with its payment history and the customer line (for the unisolate button) */
        get: {
            parameters: {
                query?: never;
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
                                actorUserId: string | null;
                                amount: number;
                                /** Format: date-time */
                                createdAt: string;
                                id: string;
                                reference: string | null;
                                /** @enum {string} */
                                type: "gateway" | "manual" | "collected_by_collector" | "setoran_confirmed" | "deposited" | "voided";
                            }[];
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
                query?: never;
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
        /** Customers isolated now */
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
        /** Customers online now (open RADIUS sessions) */
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
        /** Data used per customer in a period (RADIUS accounting) */
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
        /** Message log, newest first */
        get: {
            parameters: {
                query?: {
                    before?: string;
                    kind?: string;
                    limit?: number;
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
        /** Customers who receive no WhatsApp messages */
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
                    kind: "invoice_issued" | "invoice_unpaid_reminder" | "customer_isolated" | "customer_reconnected" | "collector_cash_collected" | "setoran_ready" | "deposit_confirmed" | "outage_staff" | "outage_customer" | "outage_cleared_staff" | "outage_cleared_customer" | "technician_update" | "addon_invoice_created" | "addon_activated" | "router_error" | "router_recovered" | "provider_test";
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
                    kind: "invoice_issued" | "invoice_unpaid_reminder" | "customer_isolated" | "customer_reconnected" | "collector_cash_collected" | "setoran_ready" | "deposit_confirmed" | "outage_staff" | "outage_customer" | "outage_cleared_staff" | "outage_cleared_customer" | "technician_update" | "addon_invoice_created" | "addon_activated" | "router_error" | "router_recovered" | "provider_test";
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
                    kind: "invoice_issued" | "invoice_unpaid_reminder" | "customer_isolated" | "customer_reconnected" | "collector_cash_collected" | "setoran_ready" | "deposit_confirmed" | "outage_staff" | "outage_customer" | "outage_cleared_staff" | "outage_cleared_customer" | "technician_update" | "addon_invoice_created" | "addon_activated" | "router_error" | "router_recovered" | "provider_test";
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
                    kind: "invoice_issued" | "invoice_unpaid_reminder" | "customer_isolated" | "customer_reconnected" | "collector_cash_collected" | "setoran_ready" | "deposit_confirmed" | "outage_staff" | "outage_customer" | "outage_cleared_staff" | "outage_cleared_customer" | "technician_update" | "addon_invoice_created" | "addon_activated" | "router_error" | "router_recovered" | "provider_test";
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
                            reference: string | null;
                            /** @enum {string} */
                            type: "gateway" | "manual" | "collected_by_collector" | "setoran_confirmed" | "deposited" | "voided";
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
    "/api/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Service plans (paket) */
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
    "/api/platform/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Super admin: all tenants with summary counts */
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
        /** Arrears aging: 0–30, 31–60, 61–90, over 90 days past due */
        get: {
            parameters: {
                query?: {
                    asOf?: string;
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
        /** Income per day or month, by method and by staff */
        get: {
            parameters: {
                query?: {
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
        /** Routers with health and line sync counts */
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
    "/api/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Staff of the current tenant */
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
        /** Invitations not yet accepted (expired ones included) */
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
        /** API tokens of the current tenant (secrets are never shown again) */
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
