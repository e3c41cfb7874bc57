import { Anchor, Button, Card, Checkbox, Group, Modal, NumberInput, PasswordInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { LineBadge } from '../../components/badges.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { HealthBadge, SyncBadge } from '../../components/SyncBadge.tsx';
import { useT } from '../../i18n.tsx';
import { useFormat } from '../../session.tsx';
import type { NetworkLine, RadiusIsolation, Router } from '../../api/types.ts';
import { useAddRouter, useNetworkLines, useReconcile, useRouters, useTestRouter, useUpdateRouter } from './queries.ts';

export function RoutersPage() {
  const t = useT();
  const routers = useRouters();
  // The API lists failed lines first; in-sync ones are not news here.
  const lines = useNetworkLines({ limit: 1000 });
  const reconcile = useReconcile();
  const runReconcile = () => reconcile.mutate(undefined, { onSuccess: ({ lines }) => notifications.show({ color: 'teal', message: t('routers.reconciled', { lines }) }) });

  return (
    <Stack>
      <PageTitle
        actions={
          <>
            <AddRouterButton />
            <Button size="xs" variant="light" onClick={runReconcile} loading={reconcile.isPending}>
              {t('routers.reconcile')}
            </Button>
          </>
        }
      >
        {t('routers.title')}
      </PageTitle>
      <Card withBorder>
        <QueryState query={routers}>{(list) => <RouterTable routers={list} />}</QueryState>
      </Card>
      <Card withBorder>
        <Title order={4} mb="sm">
          {t('routers.outOfSync')}
        </Title>
        <QueryState query={lines}>{(all) => <LineTable lines={all.filter((line) => line.status !== 'in_sync')} routers={routers.data ?? []} />}</QueryState>
      </Card>
    </Stack>
  );
}

function RouterTable({ routers }: { routers: Router[] }) {
  const t = useT();
  const format = useFormat();
  const test = useTestRouter();
  const runTest = (routerId: string) =>
    test.mutate(routerId, {
      onSuccess: (result) =>
        result.ok
          ? notifications.show({ color: 'teal', message: t('routers.testOk', { identity: result.identity, version: result.version }) })
          : notifications.show({ color: 'red', title: t('routers.testFailed'), message: result.error.message }),
    });
  return (
    <DataTable
      rows={routers}
      rowKey={(router) => router.id}
      rowProps={(router) => ({ 'data-router': router.name })}
      minWidth={760}
      columns={[
        {
          header: t('routers.name'),
          cell: (router) => (
            <>
              <Text fw={500}>{router.name}</Text>
              <Text size="xs" c="dimmed">
                {router.host}
                {router.port ? `:${router.port}` : ''} · {router.apiKind}
                {router.useTls ? ' · TLS' : ''}
              </Text>
            </>
          ),
        },
        {
          header: t('routers.health'),
          cell: (router) => (
            <>
              <HealthBadge health={router.health} />
              {router.lastCheckedAt && (
                <Text size="xs" c="dimmed">
                  {format.dateTime(router.lastCheckedAt)}
                </Text>
              )}
            </>
          ),
        },
        { header: t('routers.lines'), cell: (router) => <Text size="sm">{t('routers.lineCounts', router.lines)}</Text> },
        {
          header: t('routers.lastError'),
          cell: (router) => (
            <Text size="sm" c={router.lastError ? 'red' : 'dimmed'}>
              {router.lastError ?? '—'}
            </Text>
          ),
        },
        {
          header: null,
          cell: (router) => (
            <Group gap="xs" wrap="wrap" justify="flex-end">
              <Button size="xs" variant="light" onClick={() => runTest(router.id)} loading={test.isPending && test.variables === router.id}>
                {t('routers.test')}
              </Button>
              {router.pppoeViaRadius && <RadiusIsolationButton router={router} />}
            </Group>
          ),
        },
      ]}
    />
  );
}

function LineTable({ lines, routers }: { lines: NetworkLine[]; routers: Router[] }) {
  const t = useT();
  const format = useFormat();
  const routerName = (id: string) => routers.find((r) => r.id === id)?.name ?? '';
  return (
    <DataTable
      rows={lines}
      rowKey={(line) => line.customerId}
      minWidth={760}
      empty={t('routers.allInSync')}
      columns={[
        {
          header: t('invoices.customer'),
          cell: (line) => (
            <>
              <Anchor component={Link} to={`/customers/${line.customerId}`}>
                {line.code} · {line.name}
              </Anchor>
              <Text size="xs" c="dimmed">
                {routerName(line.routerId)}
              </Text>
            </>
          ),
        },
        { header: t('routers.desired'), cell: (line) => <LineBadge state={line.desiredState} /> },
        { header: t('routers.applied'), cell: (line) => (line.appliedState ? <LineBadge state={line.appliedState} /> : '—') },
        {
          header: t('routers.sync'),
          cell: (line) => (
            <>
              <SyncBadge status={line.status} />
              <Text size="xs" c="dimmed">
                {t('routers.attempts', { count: line.attempts })}
                {line.status !== 'in_sync' && ` · ${t('routers.nextAttempt', { at: format.dateTime(line.nextAttemptAt) })}`}
              </Text>
            </>
          ),
        },
        {
          header: t('routers.lastError'),
          cell: (line) => (
            <Text size="sm" c={line.lastError ? 'red' : 'dimmed'}>
              {line.lastError ?? '—'}
            </Text>
          ),
        },
      ]}
    />
  );
}

/** Each RADIUS router chooses what its isolated PPPoE customers get: address list, IP pool, low rate limit, or several. */
function RadiusIsolationButton({ router }: { router: Router }) {
  const t = useT();
  const [opened, { open, close }] = useDisclosure();
  const [form, setForm] = useState<RadiusIsolation>(router.radiusIsolation);
  const update = useUpdateRouter(router.id);
  const save = () =>
    update.mutate(
      { radiusIsolation: form },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', message: t('routers.isolation.saved', { name: saved.name }) });
          close();
        },
      },
    );
  const rate = form.rateLimit ?? { downloadKbps: 1000, uploadKbps: 1000 };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save();
  };
  return (
    <>
      <Button
        size="xs"
        variant="subtle"
        onClick={() => {
          setForm(router.radiusIsolation);
          open();
        }}
      >
        {t('routers.isolation')}
      </Button>
      <Modal opened={opened} onClose={close} title={`${t('routers.isolation')} · ${router.name}`}>
        <form onSubmit={submit}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('routers.isolation.hint')}
            </Text>
            <Checkbox
              label={t('routers.isolation.addressList', { list: router.isolationAddressList })}
              checked={form.addressList}
              onChange={(e) => setForm({ ...form, addressList: e.currentTarget.checked })}
            />
            <Checkbox
              label={t('routers.isolation.pool')}
              checked={form.framedPool !== null}
              onChange={(e) => setForm({ ...form, framedPool: e.currentTarget.checked ? 'pool-isolir' : null })}
            />
            {form.framedPool !== null && (
              <TextInput aria-label={t('routers.isolation.pool')} value={form.framedPool} onChange={(e) => setForm({ ...form, framedPool: e.currentTarget.value })} />
            )}
            <Checkbox
              label={t('routers.isolation.rateLimit')}
              checked={form.rateLimit !== null}
              onChange={(e) => setForm({ ...form, rateLimit: e.currentTarget.checked ? rate : null })}
            />
            {form.rateLimit !== null && (
              <Group grow>
                <NumberInput
                  label={t('routers.isolation.downloadKbps')}
                  min={8}
                  value={rate.downloadKbps}
                  onChange={(value) => setForm({ ...form, rateLimit: { ...rate, downloadKbps: Number(value) } })}
                />
                <NumberInput
                  label={t('routers.isolation.uploadKbps')}
                  min={8}
                  value={rate.uploadKbps}
                  onChange={(value) => setForm({ ...form, rateLimit: { ...rate, uploadKbps: Number(value) } })}
                />
              </Group>
            )}
            <Button type="submit" loading={update.isPending} disabled={!form.addressList && form.framedPool === null && form.rateLimit === null}>
              {t('common.save')}
            </Button>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

const emptyRouter = { name: '', host: '', port: '' as number | string, apiKind: 'routeros-api' as Router['apiKind'], useTls: false, username: '', password: '' };

function AddRouterButton() {
  const t = useT();
  const [opened, { open, close }] = useDisclosure();
  const [form, setForm] = useState(emptyRouter);
  const add = useAddRouter();
  const text = (key: 'name' | 'host' | 'username') => ({ value: form[key], onChange: (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value }) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      {
        name: form.name,
        host: form.host,
        port: form.port === '' ? null : Number(form.port),
        apiKind: form.apiKind,
        useTls: form.useTls,
        username: form.username,
        password: form.password,
      },
      {
        onSuccess: (router) => {
          notifications.show({ color: 'teal', message: t('routers.added', { name: router.name }) });
          setForm(emptyRouter);
          close();
        },
      },
    );
  };

  return (
    <>
      <Button size="xs" onClick={open}>
        {t('routers.add')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('routers.add')}>
        <form onSubmit={submit}>
          <Stack gap="sm">
            <TextInput label={t('routers.name')} required {...text('name')} />
            <Group grow>
              <TextInput label={t('routers.host')} required {...text('host')} />
              <NumberInput label={t('routers.port')} min={1} max={65535} value={form.port} onChange={(port) => setForm({ ...form, port })} />
            </Group>
            <Select
              label={t('routers.apiKind')}
              allowDeselect={false}
              value={form.apiKind}
              onChange={(apiKind) => apiKind && setForm({ ...form, apiKind: apiKind as Router['apiKind'] })}
              data={[
                { value: 'routeros-api', label: 'RouterOS API (8728/8729)' },
                { value: 'rest', label: 'RouterOS v7 REST' },
              ]}
            />
            <Checkbox label="TLS" checked={form.useTls} onChange={(e) => setForm({ ...form, useTls: e.currentTarget.checked })} />
            <TextInput label={t('routers.username')} required {...text('username')} />
            <PasswordInput label={t('login.password')} required value={form.password} onChange={(e) => setForm({ ...form, password: e.currentTarget.value })} />
            <Button type="submit" loading={add.isPending}>
              {t('common.save')}
            </Button>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
