import { Button, Card, Grid, PasswordInput, Select, Stack, TextInput, Title, Badge } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { DataTable } from '../../components/DataTable.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useT } from '../../i18n.tsx';
import { useFormat } from '../../session.tsx';
import type { BodyOf } from '../../api/types.ts';
import { useCreateTenant, useTenants } from './queries.ts';

type TimeZone = BodyOf<'/api/platform/tenants', 'post'>['timeZone'];

/** The super admin's view: every ISP on the platform (counts only, never their customers). */
export function TenantsPage() {
  const t = useT();
  const format = useFormat();
  const tenants = useTenants();

  return (
    <Stack>
      <PageTitle>{t('tenants.title')}</PageTitle>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Card withBorder>
            <QueryState query={tenants}>
              {(list) => (
                <DataTable
                  rows={list}
                  rowKey={(tenant) => tenant.id}
                  rowProps={(tenant) => ({ 'data-tenant': tenant.slug })}
                  minWidth={560}
                  columns={[
                    { header: t('tenants.name'), cell: (tenant) => tenant.name },
                    { header: t('tenants.slug'), cell: (tenant) => tenant.slug },
                    { header: t('tenants.timeZone'), cell: (tenant) => tenant.timeZone },
                    { header: t('tenants.staff'), cell: (tenant) => tenant.staffCount },
                    {
                      header: t('tenants.status'),
                      cell: (tenant) => (
                        <Badge color={tenant.status === 'active' ? 'teal' : 'gray'} variant="light">
                          {tenant.status}
                        </Badge>
                      ),
                    },
                    { header: t('tenants.createdAt'), cell: (tenant) => format.dateTime(tenant.createdAt) },
                  ]}
                />
              )}
            </QueryState>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <CreateTenantForm />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

const emptyForm = { name: '', slug: '', timeZone: 'WIB' as TimeZone, ownerName: '', ownerEmail: '', ownerPassword: '' };

function CreateTenantForm() {
  const t = useT();
  const [form, setForm] = useState(emptyForm);
  const field = (key: keyof typeof emptyForm) => ({ value: form[key], onChange: (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value }) });
  const create = useCreateTenant();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        name: form.name,
        slug: form.slug,
        timeZone: form.timeZone,
        owner: { name: form.ownerName, email: form.ownerEmail, ...(form.ownerPassword ? { password: form.ownerPassword } : {}) },
      },
      {
        onSuccess: ({ tenant }) => {
          notifications.show({ color: 'teal', message: t('tenants.created', { name: tenant.name }) });
          setForm(emptyForm);
        },
      },
    );
  };

  return (
    <Card withBorder>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={4}>{t('tenants.create')}</Title>
          <TextInput label={t('tenants.name')} required {...field('name')} />
          <TextInput label={t('tenants.slug')} required {...field('slug')} />
          <Select label={t('tenants.timeZone')} data={['WIB', 'WITA', 'WIT']} value={form.timeZone} allowDeselect={false} onChange={(v) => v && setForm({ ...form, timeZone: v as TimeZone })} />
          <TextInput label={t('tenants.ownerName')} required {...field('ownerName')} />
          <TextInput label={t('tenants.ownerEmail')} type="email" required {...field('ownerEmail')} />
          <PasswordInput label={t('tenants.ownerPassword')} {...field('ownerPassword')} />
          <Button type="submit" loading={create.isPending}>
            {t('tenants.create')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
