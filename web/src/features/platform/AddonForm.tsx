import { Button, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { Item, ResponseOf } from '../../api/types.ts';
import { fieldErrors } from '../../components/form-errors.ts';
import { useT } from '../../i18n.tsx';
import { featureKey, featureNames, limitKey, limitNames, type FeatureName, type LimitName } from './names.ts';
import { useCreateAddon, useUpdateAddon } from './queries.ts';

export type Addon = Item<ResponseOf<'/api/platform/saas/addons', 'get'>>;

const formOf = (addon?: Addon) => ({
  code: addon?.code ?? '',
  name: addon?.name ?? '',
  price: (addon?.price ?? '') as number | string,
  recurring: addon?.recurring ?? true,
  active: addon?.active ?? true,
  raises: (addon?.feature ? 'feature' : 'limit') as 'limit' | 'feature',
  limitName: (addon?.limitName ?? 'customers') as LimitName,
  amount: (addon?.amount ?? '') as number | string,
  feature: (addon?.feature ?? 'ftth_maps') as FeatureName,
});

/** Add an add-on (a limit raised by an amount per unit, or a feature switched on) or change how one is sold. What it raises is fixed once made. */
export function AddonFormButton({ addon }: { addon?: Addon }) {
  const t = useT();
  const [opened, { open, close }] = useDisclosure();
  const [form, setForm] = useState(formOf(addon));
  const create = useCreateAddon();
  const update = useUpdateAddon();
  const save = addon ? update : create;
  const errors = fieldErrors(save.error, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const sold = { name: form.name, price: form.price === '' ? Number.NaN : Number(form.price), recurring: form.recurring };
    const done = (saved: Addon) => (notifications.show({ color: 'teal', message: t(addon ? 'platform.addonSaved' : 'platform.addonAdded', { name: saved.name }) }), close());
    if (addon) update.mutate({ addonId: addon.id, ...sold, active: form.active }, { onSuccess: done });
    else {
      const raises = form.raises === 'limit' ? { limitName: form.limitName, ...(form.amount === '' ? {} : { amount: Number(form.amount) }) } : { feature: form.feature };
      create.mutate({ code: form.code, ...sold, ...raises }, { onSuccess: done });
    }
  };
  return (
    <>
      <Button size="xs" variant={addon ? 'subtle' : 'filled'} onClick={() => (setForm(formOf(addon)), save.reset(), open())}>
        {t(addon ? 'platform.addonEdit' : 'platform.addonAdd')}
      </Button>
      <Modal opened={opened} onClose={close} title={addon ? `${t('platform.addonEdit')} · ${addon.name}` : t('platform.addonAdd')}>
        <form onSubmit={submit} noValidate data-testid="addon-form">
          <Stack gap="sm">
            <TextInput label={t('platform.code')} description={t('platform.codeHint')} value={form.code} disabled={!!addon} onChange={(e) => setForm({ ...form, code: e.currentTarget.value })} error={errors.code} withAsterisk />
            <TextInput label={t('platform.name')} value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} error={errors.name} withAsterisk />
            <NumberInput label={t('platform.price')} prefix="Rp " thousandSeparator="." decimalSeparator="," allowDecimal={false} clampBehavior="none" value={form.price} onChange={(price) => setForm({ ...form, price })} error={errors.price} withAsterisk />
            <Switch label={t('platform.recurring')} checked={form.recurring} onChange={(e) => setForm({ ...form, recurring: e.currentTarget.checked })} />
            <SegmentedControl
              disabled={!!addon}
              value={form.raises}
              onChange={(raises) => setForm({ ...form, raises: raises as 'limit' | 'feature' })}
              data={[
                { value: 'limit', label: t('platform.raisesLimit') },
                { value: 'feature', label: t('platform.raisesFeature') },
              ]}
            />
            {form.raises === 'limit' ? (
              <Group grow align="flex-start">
                <Select label={t('platform.limit')} disabled={!!addon} data={limitNames.map((name) => ({ value: name, label: t(limitKey(name)) }))} value={form.limitName} onChange={(v) => v && setForm({ ...form, limitName: v as LimitName })} allowDeselect={false} error={errors.limitName} />
                <NumberInput label={t('platform.amountPerUnit')} disabled={!!addon} allowDecimal={false} clampBehavior="none" value={form.amount} onChange={(amount) => setForm({ ...form, amount })} error={errors.amount} withAsterisk />
              </Group>
            ) : (
              <Select label={t('platform.feature')} disabled={!!addon} data={featureNames.map((name) => ({ value: name, label: t(featureKey(name)) }))} value={form.feature} onChange={(v) => v && setForm({ ...form, feature: v as FeatureName })} allowDeselect={false} error={errors.feature} />
            )}
            {addon && <Switch label={t('platform.onSale')} checked={form.active} onChange={(e) => setForm({ ...form, active: e.currentTarget.checked })} />}
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
