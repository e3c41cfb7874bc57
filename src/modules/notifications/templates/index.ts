export { defaultTemplates } from './default-templates.ts';
export { formatDate, formatDateTime, formatRupiah, tenantTimeZones, type TemplateLanguage, type TenantTimeZone } from './format.ts';
export {
  allowedVariables,
  notificationKindNames,
  notificationKinds,
  isUrgentKind,
  sampleValues,
  templateVariables,
  type Audience,
  type NotificationKind,
  type TemplateVariable,
} from './notification-kinds.ts';
export { placeholdersIn, renderTemplate, validateTemplate, type RenderOptions, type TemplateValues } from './render-template.ts';
