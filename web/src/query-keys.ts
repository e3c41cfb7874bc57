/**
 * The one query-key factory, for reads and writes alike. Every key starts with the resource it
 * reads (`all`), so a mutation or a live event (live.ts) makes every view of that resource stale
 * with one prefix: `queryClient.invalidateQueries({ queryKey: queryKeys.invoices.all })`.
 */
export const queryKeys = {
  me: ['me'] as const,
  customers: {
    all: ['customers'] as const,
    list: (params: object) => ['customers', 'list', params] as const,
    one: (id: string) => ['customers', 'one', id] as const,
  },
  lines: {
    all: ['lines'] as const,
    one: (customerId: string) => ['lines', 'one', customerId] as const,
    isolated: (params: object) => ['lines', 'isolated', params] as const,
    isolatedCount: ['lines', 'isolated-count'] as const,
  },
  isolationHistory: {
    all: ['isolation-history'] as const,
    of: (customerId: string | undefined) => ['isolation-history', customerId ?? 'all'] as const,
  },
  invoices: {
    all: ['invoices'] as const,
    list: (params: object) => ['invoices', 'list', params] as const,
    one: (id: string) => ['invoices', 'one', id] as const,
    receipts: (id: string) => ['invoices', 'receipts', id] as const,
    summary: ['invoices', 'summary'] as const,
  },
  payments: {
    all: ['payments'] as const,
    history: (params: object) => ['payments', 'history', params] as const,
    gatewayNotifications: ['payments', 'gateway-notifications'] as const,
  },
  gateways: { all: ['billing-gateways'] as const, active: ['billing-gateways', 'active'] as const },
  policy: { all: ['billing-policy'] as const },
  plans: { all: ['plans'] as const },
  imports: {
    all: ['imports'] as const,
    jobs: ['imports', 'jobs'] as const,
    job: (id: string) => ['imports', 'job', id] as const,
  },
  exclusions: { all: ['billing-exclusions'] as const },
  staff: {
    all: ['staff'] as const,
    members: ['staff', 'members'] as const,
    invitations: ['staff', 'invitations'] as const,
  },
  audit: { all: ['audit'] as const, list: (limit: number) => ['audit', limit] as const },
  reports: {
    all: ['reports'] as const,
    aging: ['reports', 'aging'] as const,
    income: (groupBy: string) => ['reports', 'income', groupBy] as const,
  },
  tenants: { all: ['platform-tenants'] as const },
  subscription: {
    all: ['subscription'] as const,
    entitlements: ['subscription', 'entitlements'] as const,
    addons: ['subscription', 'addons'] as const,
    invoices: ['subscription', 'invoices'] as const,
    domains: ['subscription', 'domains'] as const,
  },
  platformSaas: {
    all: ['platform-saas'] as const,
    tenants: ['platform-saas', 'tenants'] as const,
    plans: ['platform-saas', 'plans'] as const,
    addons: ['platform-saas', 'addons'] as const,
    features: ['platform-saas', 'features'] as const,
    invoices: ['platform-saas', 'invoices'] as const,
    impersonations: ['platform-saas', 'impersonations'] as const,
    domains: ['platform-saas', 'domains'] as const,
    overrides: (tenantId: string) => ['platform-saas', 'overrides', tenantId] as const,
  },
  routers: { all: ['routers'] as const, script: (routerId: string) => ['routers', 'script', routerId] as const },
  networkLines: {
    all: ['network-lines'] as const,
    list: (params: object) => ['network-lines', params] as const,
  },
  sessions: {
    all: ['sessions'] as const,
    of: (customerId: string) => ['sessions', 'of', customerId] as const,
    online: ['sessions', 'online'] as const,
  },
  whatsapp: {
    all: ['whatsapp'] as const,
    messages: { all: ['whatsapp', 'messages'] as const, list: (status: string) => ['whatsapp', 'messages', status] as const },
    templates: ['whatsapp', 'templates'] as const,
    preview: (kind: string, language: string, body: string) => ['whatsapp', 'preview', kind, language, body] as const,
    provider: ['whatsapp', 'provider'] as const,
    inbox: ['whatsapp', 'inbox'] as const,
    settings: ['whatsapp', 'settings'] as const,
    optOuts: ['whatsapp', 'opt-outs'] as const,
  },
  events: {
    all: ['events'] as const,
    handlers: ['events', 'handlers'] as const,
    backlog: ['events', 'backlog'] as const,
    failures: (status: 'dead' | 'retrying') => ['events', 'failures', status] as const,
  },
  collectors: { all: ['collectors'] as const },
  jobs: {
    all: ['jobs'] as const,
    list: ['jobs', 'list'] as const,
    runs: ['jobs', 'runs'] as const,
  },
  maps: {
    all: ['maps'] as const,
    data: ['maps', 'data'] as const,
    outages: (filter: object) => ['maps', 'outages', filter] as const,
    blastRadius: (kind: string | undefined, id: string | undefined) => ['maps', 'blast-radius', kind, id] as const,
    suggestions: ['maps', 'suggestions'] as const,
    cables: ['maps', 'cables'] as const,
    settings: ['maps', 'settings'] as const,
  },
  tasks: {
    all: ['tasks'] as const,
    list: (params: object) => ['tasks', 'list', params] as const,
    one: (id: string) => ['tasks', 'one', id] as const,
    activities: (id: string) => ['tasks', 'one', id, 'activities'] as const,
    photos: (id: string) => ['tasks', 'one', id, 'photos'] as const,
    history: (id: string) => ['tasks', 'one', id, 'history'] as const,
    overlay: ['tasks', 'overlay'] as const,
  },
};
