import { Button, Checkbox, Group, Modal, NumberInput, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { Item, ResponseOf } from '../../api/types.ts';
import { fieldErrors } from '../../components/form-errors.ts';
import { useT } from '../../i18n.tsx';
import { featureKey, featureNames, limitKey, limitNames, type FeatureName, type LimitName } from './names.ts';
import { useCreateSaasPlan, useUpdateSaasPlan } from './queries.ts';

export type SaasPlan = Item<ResponseOf<'/api/platform/saas/plans', 'get'>>;

const formOf = (plan?: SaasPlan) => ({
  code: plan?.code ?? '',
  name: plan?.name ?? '',
  price: (plan?.monthlyPrice ?? '') as number | string,
  // An empty limit is unlimited.
  limits: Object.fromEntries(limitNames.map((name) => [name, plan?.limits[name] ?? ''])) as Record<LimitName, number | string>,
  features: (plan?.features ?? []) as FeatureName[],
  active: plan?.active ?? true,
});

/** Add a SaaS plan (no `plan`) or change one: price, each limit (empty = unlimited), the features it switches on, offered or retired. */
export function SaasPlanFormButton({ plan }: { plan?: SaasPlan }) {
  const t = useT();
  const [opened, { open, close }] = useDisclosure();
  const [form, setForm] = useState(formOf(plan));
  const create = useCreateSaasPlan();
  const update = useUpdateSaasPlan();
  const save = plan ? update : create;
  const errors = fieldErrors(save.error, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const limits = Object.fromEntries(Object.entries(form.limits).filter(([, v]) => v !== '').map(([k, v]) => [k, Number(v)]));
    const body = { name: form.name, monthlyPrice: form.price === '' ? Number.NaN : Number(form.price), limits, features: form.features };
    const done = (saved: SaasPlan) => (notifications.show({ color: 'teal', message: t(plan ? 'platform.planSaved' : 'platform.planAdded', { name: saved.name }) }), close());
    if (plan) update.mutate({ planId: plan.id, ...body, active: form.active }, { onSuccess: done });
    else create.mutate({ code: form.code, ...body }, { onSuccess: done });
  };
  return (
    <>
      <Button size="xs" variant={plan ? 'subtle' : 'filled'} onClick={() => (setForm(formOf(plan)), save.reset(), open())}>
        {t(plan ? 'platform.planEdit' : 'platform.planAdd')}
      </Button>
      <Modal opened={opened} onClose={close} title={plan ? `${t('platform.planEdit')} · ${plan.name}` : t('platform.planAdd')} size="lg">
        <form onSubmit={submit} noValidate data-testid="saas-plan-form">
          <Stack gap="sm">
            <Group grow align="flex-start">
              <TextInput label={t('platform.code')} description={t('platform.codeHint')} value={form.code} disabled={!!plan} onChange={(e) => setForm({ ...form, code: e.currentTarget.value })} error={errors.code} withAsterisk />
              <TextInput label={t('platform.name')} value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} error={errors.name} withAsterisk />
            </Group>
            <NumberInput label={t('platform.monthlyPrice')} prefix="Rp " thousandSeparator="." decimalSeparator="," allowDecimal={false} clampBehavior="none" value={form.price} onChange={(price) => setForm({ ...form, price })} error={errors.monthlyPrice} withAsterisk />
            <Text size="sm" fw={600}>
              {t('platform.limits')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('platform.limitsHint')}
            </Text>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              {limitNames.map((name) => (
                <NumberInput
                  key={name}
                  label={t(limitKey(name))}
                  placeholder="∞"
                  allowDecimal={false}
                  clampBehavior="none"
                  value={form.limits[name]}
                  onChange={(value) => setForm({ ...form, limits: { ...form.limits, [name]: value } })}
                  error={errors[name]}
                />
              ))}
            </SimpleGrid>
            <Checkbox.Group label={t('platform.planFeatures')} value={form.features} onChange={(features) => setForm({ ...form, features: features as FeatureName[] })} error={errors.features}>
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
                {featureNames.map((name) => (
                  <Checkbox key={name} value={name} label={t(featureKey(name))} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            {plan && <Switch label={t('platform.offered')} checked={form.active} onChange={(e) => setForm({ ...form, active: e.currentTarget.checked })} />}
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
