import { Badge, Button, Card, Group, Modal, NumberInput, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { Plan } from '../../api/types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { fieldErrors } from '../../components/form-errors.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useT } from '../../i18n.tsx';
import { useCan, useFormat } from '../../session.tsx';
import { useCreatePlan, usePlans, useUpdatePlan } from './queries.ts';

/** Speeds in Mbps on screen, kbps on the wire. */
const mbps = (kbps: number) => (kbps % 1000 === 0 ? String(kbps / 1000) : (kbps / 1000).toFixed(1));

/** Service plans (paket): what a customer subscribes to, with the router profile that applies its speed. */
export function PlansPage() {
  const t = useT();
  const can = useCan();
  const format = useFormat();
  const plans = usePlans();
  const manages = can('customers.manage');
  return (
    <Stack>
      <PageTitle actions={manages && <PlanFormButton />}>{t('plans.title')}</PageTitle>
      <Card withBorder>
        <QueryState query={plans}>
          {(list) => (
            <DataTable
              rows={list}
              rowKey={(plan) => plan.id}
              rowProps={(plan) => ({ 'data-plan': plan.name })}
              empty={t('plans.none')}
              columns={[
                {
                  header: t('plans.name'),
                  cell: (plan) => (
                    <Text fw={500} c={plan.isActive ? undefined : 'dimmed'}>
                      {plan.name}
                    </Text>
                  ),
                },
                { header: t('plans.speed'), cell: (plan) => t('plans.speedValue', { down: mbps(plan.downloadKbps), up: mbps(plan.uploadKbps) }) },
                { header: t('plans.price'), align: 'right', cell: (plan) => format.money(plan.monthlyPrice) },
                { header: t('plans.profile'), cell: (plan) => <Text ff="monospace" size="sm">{plan.routerProfile}</Text> },
                {
                  header: t('plans.status'),
                  cell: (plan) => (
                    <Badge color={plan.isActive ? 'teal' : 'gray'} variant="light" data-plan-status={plan.isActive ? 'active' : 'retired'}>
                      {t(plan.isActive ? 'plans.active' : 'plans.retired')}
                    </Badge>
                  ),
                },
                { header: null, hidden: !manages, cell: (plan) => <PlanFormButton plan={plan} /> },
              ]}
            />
          )}
        </QueryState>
      </Card>
      <Text size="xs" c="dimmed">
        {t('plans.retireHint')}
      </Text>
    </Stack>
  );
}

const emptyPlan = { name: '', down: '' as number | string, up: '' as number | string, price: '' as number | string, routerProfile: '', isActive: true };

/** Add a paket (no `plan`) or edit one: name, speeds, price, router profile, retired or offered. */
function PlanFormButton({ plan }: { plan?: Plan }) {
  const t = useT();
  const [opened, { open, close }] = useDisclosure();
  const initial = plan
    ? { name: plan.name, down: plan.downloadKbps / 1000, up: plan.uploadKbps / 1000, price: plan.monthlyPrice, routerProfile: plan.routerProfile, isActive: plan.isActive }
    : emptyPlan;
  const [form, setForm] = useState(initial);
  const create = useCreatePlan();
  const update = useUpdatePlan();
  const save = plan ? update : create;
  const errors = fieldErrors(save.error, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      name: form.name.trim(),
      downloadKbps: Math.round(Number(form.down) * 1000),
      uploadKbps: Math.round(Number(form.up) * 1000),
      monthlyPrice: Number(form.price),
      routerProfile: form.routerProfile.trim(),
      isActive: form.isActive,
    };
    const done = (saved: Plan) => {
      notifications.show({ color: 'teal', message: t(plan ? 'plans.saved' : 'plans.added', { name: saved.name }) });
      close();
    };
    if (plan) update.mutate({ planId: plan.id, ...body }, { onSuccess: done });
    else create.mutate(body, { onSuccess: done });
  };
  const number = (key: 'down' | 'up' | 'price') => ({ value: form[key], onChange: (value: number | string) => setForm({ ...form, [key]: value }) });
  return (
    <>
      <Button
        size="xs"
        variant={plan ? 'subtle' : 'filled'}
        onClick={() => {
          setForm(initial);
          create.reset();
          update.reset();
          open();
        }}
      >
        {t(plan ? 'plans.edit' : 'plans.add')}
      </Button>
      <Modal opened={opened} onClose={close} title={plan ? `${t('plans.edit')} · ${plan.name}` : t('plans.add')}>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <TextInput label={t('plans.name')} value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} error={errors.name} withAsterisk />
            <Group grow align="flex-start">
              <NumberInput label={t('plans.downMbps')} {...number('down')} decimalScale={1} clampBehavior="none" error={errors.downloadKbps} withAsterisk />
              <NumberInput label={t('plans.upMbps')} {...number('up')} decimalScale={1} clampBehavior="none" error={errors.uploadKbps} withAsterisk />
            </Group>
            <NumberInput
              label={t('plans.price')}
              prefix="Rp "
              thousandSeparator="."
              decimalSeparator=","
              allowDecimal={false}
              clampBehavior="none"
              {...number('price')}
              error={errors.monthlyPrice}
              withAsterisk
            />
            <TextInput
              label={t('plans.profile')}
              description={t('plans.profileHint')}
              value={form.routerProfile}
              onChange={(e) => setForm({ ...form, routerProfile: e.currentTarget.value })}
              error={errors.routerProfile}
              withAsterisk
            />
            {plan && <Switch label={t('plans.offered')} checked={form.isActive} onChange={(e) => setForm({ ...form, isActive: e.currentTarget.checked })} />}
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
