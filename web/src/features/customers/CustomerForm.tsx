import { Button, Group, Modal, NumberInput, PasswordInput, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { BodyOf, Customer } from '../../api/types.ts';
import { useT } from '../../i18n.tsx';
import { useCan, useFormat } from '../../session.tsx';
import { useRouters } from '../routers/queries.ts';
import { fieldErrors } from '../../components/form-errors.ts';
import { LocationPicker } from './LocationPicker.tsx';
import { useCreateCustomer, usePlans, useUpdateCustomer } from './queries.ts';

type ConnectionType = Customer['connectionType'];
type FormValues = {
  name: string;
  phone: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  planId: string;
  connectionType: ConnectionType;
  pppoeUsername: string;
  pppoePassword: string;
  ipAddress: string;
  macAddress: string;
  routerId: string;
  activatedOn: string;
  idCardNumber: string;
  notes: string;
};

const valuesOf = (c: Customer | undefined, today: string): FormValues => ({
  name: c?.name ?? '',
  phone: c?.phone ?? '',
  address: c?.address ?? '',
  latitude: c?.latitude ?? null,
  longitude: c?.longitude ?? null,
  planId: c?.planId ?? '',
  connectionType: c?.connectionType ?? 'pppoe',
  pppoeUsername: c?.pppoeUsername ?? '',
  pppoePassword: c?.private?.pppoePassword ?? '',
  ipAddress: c?.ipAddress ?? '',
  macAddress: c?.macAddress ?? '',
  routerId: c?.routerId ?? '',
  activatedOn: c?.activatedOn ?? today,
  idCardNumber: c?.private?.idCardNumber ?? '',
  notes: c?.private?.notes ?? '',
});

/**
 * Add or edit a customer: every field the API takes — contact, coordinates picked on the map,
 * paket, connection and its credentials, router, and the private fields for those allowed.
 * Required fields are checked here (no browser bubbles), and the server's field errors land on
 * their inputs; nothing is saved until the server accepts all of it.
 */
export function CustomerFormModal({ opened, onClose, customer }: { opened: boolean; onClose: () => void; customer?: Customer }) {
  const t = useT();
  const can = useCan();
  const format = useFormat();
  const navigate = useNavigate();
  const phone = useMediaQuery('(max-width: 48em)');
  const [values, setValues] = useState<FormValues>(() => valuesOf(customer, format.localDay(new Date())));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const plans = usePlans();
  const routers = useRouters({ enabled: can('network.manage') });
  const create = useCreateCustomer();
  const update = useUpdateCustomer(customer?.id ?? '');
  const saving = create.isPending || update.isPending;
  const withPrivate = can('customers.manage');

  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors(({ [key]: _gone, ...rest }) => rest);
  };
  const text = (key: 'name' | 'phone' | 'pppoeUsername' | 'ipAddress' | 'macAddress' | 'idCardNumber') => ({
    value: values[key],
    error: errors[key],
    onChange: (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value),
  });

  /** The form's own check of what is required, before anything is sent. */
  const missing = (): Record<string, string> => {
    const required = t('form.problem.required');
    const found: Record<string, string> = {};
    if (!values.name.trim()) found.name = required;
    if (!values.phone.trim()) found.phone = required;
    if (!values.planId) found.planId = required;
    if (!values.activatedOn) found.activatedOn = required;
    if (values.connectionType === 'pppoe' && !values.pppoeUsername.trim()) found.pppoeUsername = required;
    if (!customer && values.connectionType === 'pppoe' && withPrivate && !values.pppoePassword) found.pppoePassword = required;
    if (values.connectionType !== 'pppoe' && !values.ipAddress.trim()) found.ipAddress = required;
    return found;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = missing();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const pppoe = values.connectionType === 'pppoe';
    const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
    const body: BodyOf<'/api/customers', 'post'> = {
      name: values.name.trim(),
      phone: values.phone.trim(),
      address: values.address,
      latitude: values.latitude,
      longitude: values.longitude,
      planId: values.planId,
      connectionType: values.connectionType,
      pppoeUsername: pppoe ? values.pppoeUsername.trim() : null,
      ipAddress: pppoe ? orNull(values.ipAddress) : values.ipAddress.trim(),
      macAddress: values.connectionType === 'dhcp' ? orNull(values.macAddress) : null,
      routerId: orNull(values.routerId),
      activatedOn: values.activatedOn,
      ...(withPrivate
        ? { private: { idCardNumber: orNull(values.idCardNumber), notes: orNull(values.notes), ...(pppoe && values.pppoePassword ? { pppoePassword: values.pppoePassword } : {}) } }
        : {}),
    };
    const onError = (error: Error) => setErrors(fieldErrors(error, t));
    if (customer) {
      update.mutate(body, {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('customers.saved') });
          onClose();
        },
        onError,
      });
    } else {
      create.mutate(body, {
        onSuccess: (created) => {
          notifications.show({ color: 'teal', message: t('customers.added', { name: created.name, code: created.code }) });
          onClose();
          setValues(valuesOf(undefined, format.localDay(new Date())));
          void navigate(`/customers/${created.id}`);
        },
        onError,
      });
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={customer ? t('customers.edit') : t('customers.add')} size="lg" fullScreen={phone}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={t('customers.name')} withAsterisk {...text('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('customers.phone')} withAsterisk placeholder="0812-3456-7890" {...text('phone')} />
            <TextInput
              label={t('customers.activatedOn')}
              type="date"
              withAsterisk
              value={values.activatedOn}
              error={errors.activatedOn}
              onChange={(e) => set('activatedOn', e.currentTarget.value)}
            />
          </SimpleGrid>
          <Textarea label={t('customers.address')} autosize minRows={2} value={values.address} error={errors.address} onChange={(e) => set('address', e.currentTarget.value)} />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('customers.location')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('customers.locationHint')}
            </Text>
            <LocationPicker
              latitude={values.latitude}
              longitude={values.longitude}
              onPick={(latitude, longitude) => setValues((v) => ({ ...v, latitude, longitude }))}
            />
            <SimpleGrid cols={2}>
              <NumberInput
                label={t('customers.latitude')}
                decimalScale={6}
                value={values.latitude ?? ''}
                error={errors.latitude}
                onChange={(v) => set('latitude', typeof v === 'number' ? v : null)}
              />
              <NumberInput
                label={t('customers.longitude')}
                decimalScale={6}
                value={values.longitude ?? ''}
                error={errors.longitude}
                onChange={(v) => set('longitude', typeof v === 'number' ? v : null)}
              />
            </SimpleGrid>
          </Stack>
          <Select
            label={t('customers.plan')}
            withAsterisk
            placeholder={t('customers.choosePlan')}
            value={values.planId || null}
            error={errors.planId}
            onChange={(v) => set('planId', v ?? '')}
            data={(plans.data ?? []).map((p) => ({ value: p.id, label: `${p.name} · ${format.money(p.monthlyPrice)}` }))}
            nothingFoundMessage={t('customers.noPlans')}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('customers.connection')}
            </Text>
            <SegmentedControl
              value={values.connectionType}
              onChange={(v) => set('connectionType', v as ConnectionType)}
              data={(['pppoe', 'static', 'dhcp'] as const).map((type) => ({ value: type, label: t(`connection.${type}`) }))}
            />
          </Stack>
          {values.connectionType === 'pppoe' ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('customers.pppoeUsername')} withAsterisk placeholder="nama@net" {...text('pppoeUsername')} />
              {withPrivate && (
                <PasswordInput
                  label={t('customers.pppoePassword')}
                  withAsterisk={!customer}
                  value={values.pppoePassword}
                  error={errors.pppoePassword}
                  onChange={(e) => set('pppoePassword', e.currentTarget.value)}
                />
              )}
            </SimpleGrid>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('customers.ipAddress')} withAsterisk placeholder="10.10.0.20" {...text('ipAddress')} />
              {values.connectionType === 'dhcp' && <TextInput label={t('customers.macAddress')} placeholder="AA:BB:CC:DD:EE:FF" {...text('macAddress')} />}
            </SimpleGrid>
          )}
          {can('network.manage') && (
            <Select
              label={t('customers.router')}
              placeholder={t('customers.noRouter')}
              clearable
              value={values.routerId || null}
              error={errors.routerId}
              onChange={(v) => set('routerId', v ?? '')}
              data={(routers.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
            />
          )}
          {withPrivate && (
            <>
              <TextInput label={t('customers.idCard')} inputMode="numeric" {...text('idCardNumber')} />
              <Textarea label={t('customers.notes')} autosize minRows={2} value={values.notes} error={errors.notes} onChange={(e) => set('notes', e.currentTarget.value)} />
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
