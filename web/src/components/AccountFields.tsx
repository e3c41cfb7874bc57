import { PasswordInput, Select, TextInput } from '@mantine/core';
import { ApiError } from '../api.ts';
import { useT } from '../i18n.tsx';

/**
 * A provider account (payment gateway, WhatsApp) as a form. The API shows saved secrets masked
 * ("••••1234") and replaces the whole account on save, so secrets start empty and are typed again.
 */
export type AccountField = { name: string; label: string; kind: 'mode' | 'secret' | 'text'; optional?: boolean };
export type Draft = Record<string, string>;

const isMasked = (value: unknown) => typeof value === 'string' && value.startsWith('••••');

export const initialDraft = (fields: AccountField[], saved: Record<string, unknown> | null): Draft =>
  Object.fromEntries(fields.map((f) => [f.name, f.kind === 'secret' ? '' : String(saved?.[f.name] ?? (f.kind === 'mode' ? 'sandbox' : ''))]));

/** The body to save: settings the form doesn't show are kept as saved; optional fields left empty are left out. */
export function accountBody(fields: AccountField[], draft: Draft, saved: Record<string, unknown> | null): Record<string, unknown> {
  const kept = Object.fromEntries(Object.entries(saved ?? {}).filter(([name, value]) => name !== 'provider' && !isMasked(value)));
  const typed = Object.fromEntries(fields.filter((f) => !(f.optional && draft[f.name] === '')).map((f) => [f.name, draft[f.name]]));
  return { ...kept, ...typed };
}

/** The API's 400 names each offending field (`details.fields`); each is shown under its input. */
export function fieldProblems(error: Error): Record<string, string> {
  const fields = error instanceof ApiError ? (error.details as { fields?: { field: string; problem: string }[] } | undefined)?.fields : undefined;
  return Object.fromEntries((fields ?? []).map((f) => [f.field, f.problem]));
}

export function AccountFields(props: {
  fields: AccountField[];
  draft: Draft;
  saved: Record<string, unknown> | null;
  errors: Record<string, string>;
  onChange: (name: string, value: string) => void;
}) {
  const t = useT();
  const { draft, saved, errors, onChange } = props;
  return props.fields.map((field) => {
    const common = { label: field.label, error: errors[field.name], required: !field.optional };
    if (field.kind === 'mode') {
      return (
        <Select
          key={field.name}
          {...common}
          allowDeselect={false}
          value={draft[field.name]}
          onChange={(value) => value && onChange(field.name, value)}
          data={[
            { value: 'sandbox', label: t('gateway.mode.sandbox') },
            { value: 'production', label: t('gateway.mode.production') },
          ]}
        />
      );
    }
    if (field.kind === 'secret') {
      const masked = saved?.[field.name];
      return (
        <PasswordInput
          key={field.name}
          {...common}
          description={isMasked(masked) ? t('account.savedSecret', { masked: String(masked) }) : undefined}
          value={draft[field.name]}
          onChange={(e) => onChange(field.name, e.currentTarget.value)}
          autoComplete="off"
        />
      );
    }
    return <TextInput key={field.name} {...common} value={draft[field.name]} onChange={(e) => onChange(field.name, e.currentTarget.value)} />;
  });
}
