import { Button, Card, Grid, PasswordInput, Select, Stack, Table, TextInput, Title, Badge } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { useT } from '../i18n.tsx';
import { keys } from '../queries.ts';
import { useFormat } from '../session.tsx';
import type { ResponseOf, Tenant } from '../api/types.ts';

/** The super admin's view: every ISP on the platform (counts only, never their customers). */
export function TenantsPage() {
  const t = useT();
  const format = useFormat();
  const tenants = useQuery({ queryKey: keys.tenants, queryFn: () => api.get<Tenant[]>('/api/platform/tenants') });

  return (
    <Stack>
      <PageTitle>{t('tenants.title')}</PageTitle>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Card withBorder>
            <QueryState query={tenants}>
              {(list) => (
                <Table.ScrollContainer minWidth={560}>
                  <Table striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('tenants.name')}</Table.Th>
                        <Table.Th>{t('tenants.slug')}</Table.Th>
                        <Table.Th>{t('tenants.timeZone')}</Table.Th>
                        <Table.Th>{t('tenants.staff')}</Table.Th>
                        <Table.Th>{t('tenants.status')}</Table.Th>
                        <Table.Th>{t('tenants.createdAt')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {list.map((tenant) => (
                        <Table.Tr key={tenant.id}>
                          <Table.Td>{tenant.name}</Table.Td>
                          <Table.Td>{tenant.slug}</Table.Td>
                          <Table.Td>{tenant.timeZone}</Table.Td>
                          <Table.Td>{tenant.staffCount}</Table.Td>
                          <Table.Td>
                            <Badge color={tenant.status === 'active' ? 'teal' : 'gray'} variant="light">
                              {tenant.status}
                            </Badge>
                          </Table.Td>
                          <Table.Td>{format.dateTime(tenant.createdAt)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
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

const emptyForm = { name: '', slug: '', timeZone: 'WIB', ownerName: '', ownerEmail: '', ownerPassword: '' };

function CreateTenantForm() {
  const t = useT();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(emptyForm);
  const field = (key: keyof typeof emptyForm) => ({ value: form[key], onChange: (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value }) });
  const create = useMutation({
    mutationFn: () =>
      api.post<ResponseOf<'/api/platform/tenants', 'post'>>('/api/platform/tenants', {
        name: form.name,
        slug: form.slug,
        timeZone: form.timeZone,
        owner: { name: form.ownerName, email: form.ownerEmail, ...(form.ownerPassword ? { password: form.ownerPassword } : {}) },
      }),
    onSuccess: ({ tenant }) => {
      notifications.show({ color: 'teal', message: t('tenants.created', { name: tenant.name }) });
      setForm(emptyForm);
      return queryClient.invalidateQueries({ queryKey: keys.tenants });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  return (
    <Card withBorder>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={4}>{t('tenants.create')}</Title>
          <TextInput label={t('tenants.name')} required {...field('name')} />
          <TextInput label={t('tenants.slug')} required {...field('slug')} />
          <Select label={t('tenants.timeZone')} data={['WIB', 'WITA', 'WIT']} value={form.timeZone} allowDeselect={false} onChange={(v) => v && setForm({ ...form, timeZone: v })} />
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
