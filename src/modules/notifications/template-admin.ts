import { sql } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { Database, TenantId, Tx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { TenantsService } from '../tenants/index.ts';
import { dayAsDate } from './notification-rules.ts';
import { settingsInTransaction, templateInTransaction } from './notification-settings.ts';
import { notificationsErrors } from './notifications.errors.ts';
import {
  allowedVariables,
  isUrgentKind,
  notificationKindNames,
  notificationKinds,
  renderTemplate,
  sampleValues,
  templateVariables,
  validateTemplate,
  type NotificationKind,
  type TemplateLanguage,
  type TemplateValues,
  type TemplateVariable,
} from './templates/index.ts';

/** A tenant's message templates: list, read, save (validated), reset to the default, preview. */
export function createTemplateAdmin(deps: { db: Database; clock: Clock; tenants: Pick<TenantsService, 'profileInTransaction'> }) {
  const { db, clock } = deps;

  async function describeTemplate(trx: Tx, kind: NotificationKind) {
    return {
      kind,
      audiences: [...notificationKinds[kind].audiences],
      urgent: isUrgentKind(kind),
      variables: [...allowedVariables(kind)],
      texts: { id: await templateInTransaction(trx, kind, 'id'), en: await templateInTransaction(trx, kind, 'en') },
    };
  }

  const listTemplates = (tenantId: TenantId) =>
    db.tenant(tenantId, async (trx) => {
      const all = [];
      for (const kind of notificationKindNames) all.push(await describeTemplate(trx, kind));
      return all;
    });

  const getTemplate = (tenantId: TenantId, kind: NotificationKind) => db.tenant(tenantId, (trx) => describeTemplate(trx, kind));

  /** An unknown {{variable}} is refused here, at save time, not discovered in a message at 2 a.m. */
  const saveTemplate = (tenantId: TenantId, kind: NotificationKind, language: TemplateLanguage, body: string) => {
    validateTemplate(body, kind);
    return db.tenant(tenantId, async (trx) => {
      await sql`insert into notifications_templates (tenant_id, kind, language, body, updated_at)
        values (app_tenant_id(), ${kind}, ${language}, ${body}, ${clock.now()})
        on conflict (tenant_id, kind, language) do update set body = excluded.body, updated_at = excluded.updated_at`.execute(trx);
      return describeTemplate(trx, kind);
    });
  };

  const resetTemplate = (tenantId: TenantId, kind: NotificationKind, language: TemplateLanguage) =>
    db.tenant(tenantId, async (trx) => {
      await sql`delete from notifications_templates where kind = ${kind} and language = ${language}`.execute(trx);
      return describeTemplate(trx, kind);
    });

  /** Renders a text (given, else the tenant's) with sample values overridden by the given ones. */
  const previewTemplate = (
    tenantId: TenantId,
    kind: NotificationKind,
    input: { language?: TemplateLanguage; body?: string; values?: Record<string, string | number> },
  ) =>
    db.tenant(tenantId, async (trx) => {
      const settings = await settingsInTransaction(trx, clock.now());
      const tenant = await deps.tenants.profileInTransaction(trx);
      const language = input.language ?? settings.language;
      const body = input.body ?? (await templateInTransaction(trx, kind, language)).body;
      validateTemplate(body, kind);
      const values: TemplateValues = { ...sampleValues(kind), tenant_name: tenant.name, ...typedValues(kind, input.values ?? {}) };
      return { kind, language, text: renderTemplate(body, values, { timeZone: tenant.timeZone, language }) };
    });

  return { listTemplates, getTemplate, saveTemplate, resetTemplate, previewTemplate };
}

/** Preview values arrive as JSON: money and counts as numbers, dates as ISO strings. */
function typedValues(kind: NotificationKind, values: Record<string, string | number>): TemplateValues {
  const allowed: readonly string[] = allowedVariables(kind);
  const unknown = Object.keys(values).filter((name) => !allowed.includes(name));
  if (unknown.length > 0) {
    throw new AppError(notificationsErrors.TEMPLATE_UNKNOWN_VARIABLE, `The ${kind} template has no variable ${unknown.join(', ')}. Available: ${allowed.join(', ')}.`, { unknown, allowed });
  }
  const typed: TemplateValues = {};
  for (const [name, value] of Object.entries(values)) {
    const variableKind = templateVariables[name as TemplateVariable].kind;
    const bad = (expected: string) => new AppError('VALIDATION_FAILED', `${name} must be ${expected}.`, { fields: [{ field: `values.${name}`, problem: `must be ${expected}` }] });
    if (variableKind === 'money' || variableKind === 'count') {
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw bad('a whole number');
      typed[name as TemplateVariable] = value;
    } else if (variableKind === 'date' || variableKind === 'datetime') {
      const date = new Date(String(value));
      if (Number.isNaN(date.getTime())) throw bad('a date like 2026-12-10 or 2026-12-10T14:30:00+07:00');
      typed[name as TemplateVariable] = /^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? dayAsDate(String(value)) : date;
    } else {
      typed[name as TemplateVariable] = String(value);
    }
  }
  return typed;
}
