import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { fieldErrors } from '../../components/form-errors.ts';
import { useT } from '../../i18n.tsx';
import { usePlatformPlans, useSetTenantPlan, useSetTenantStatus, useStartImpersonation } from './queries.ts';

type Tenant = { tenantId: string; name: string; status: string; plan: string };

/** Move the tenant to another plan (a downgrade keeps what it has; it just cannot add past the new limit). */
export function TenantPlanForm({ tenant }: { tenant: Tenant }) {
  const t = useT();
  const plans = usePlatformPlans();
  const setPlan = useSetTenantPlan();
  const current = plans.data?.find((p) => p.name === tenant.plan)?.id ?? null;
  const [planId, setPlanId] = useState<string | null>(null);
  const errors = fieldErrors(setPlan.error, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPlan.mutate({ tenantId: tenant.tenantId, planId: planId ?? current ?? '' }, { onSuccess: () => notifications.show({ color: 'teal', message: t('platform.planChanged') }) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t('platform.plan')}
          data={(plans.data ?? []).filter((p) => p.active).map((p) => ({ value: p.id, label: p.name }))}
          value={planId ?? current}
          onChange={setPlanId}
          allowDeselect={false}
          error={errors.planId}
          style={{ flex: 1, minWidth: 180 }}
        />
        <Button type="submit" variant="light" loading={setPlan.isPending} disabled={!planId || planId === current}>
          {t('platform.changePlan')}
        </Button>
      </Group>
    </form>
  );
}

/** A reason asked for in a modal before an action that the tenant's audit log or the platform records. */
function ReasonModal({ opened, onClose, title, hint, submitLabel, color, pending, error, onSubmit }: {
  opened: boolean; onClose: () => void; title: string; hint: string; submitLabel: string; color?: string; pending: boolean; error: unknown; onSubmit: (reason: string) => void;
}) {
  const t = useT();
  const [reason, setReason] = useState('');
  const errors = fieldErrors(error, t);
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit(reason);
        }}
      >
        <Stack>
          <Text size="sm">{hint}</Text>
          <TextInput label={t('common.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} withAsterisk data-autofocus />
          <Button type="submit" color={color} loading={pending}>
            {submitLabel}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}

/** Suspend (the tenant's staff lose the console; its customers are not touched) or resume, with a reason. */
export function TenantStatusButton({ tenant }: { tenant: Tenant }) {
  const t = useT();
  const [opened, { open, close }] = useDisclosure();
  const setStatus = useSetTenantStatus();
  const suspending = tenant.status === 'active';
  return (
    <>
      <Button variant="light" color={suspending ? 'red' : 'teal'} onClick={() => (setStatus.reset(), open())}>
        {t(suspending ? 'platform.suspend' : 'platform.resume')}
      </Button>
      <ReasonModal
        opened={opened}
        onClose={close}
        title={t(suspending ? 'platform.suspendTitle' : 'platform.resumeTitle', { name: tenant.name })}
        hint={t(suspending ? 'platform.suspendHint' : 'platform.resumeHint')}
        submitLabel={t(suspending ? 'platform.suspend' : 'platform.resume')}
        color={suspending ? 'red' : 'teal'}
        pending={setStatus.isPending}
        error={setStatus.error}
        onSubmit={(reason) =>
          setStatus.mutate(
            { tenantId: tenant.tenantId, status: suspending ? 'suspended' : 'active', reason },
            { onSuccess: () => (notifications.show({ color: 'teal', message: t(suspending ? 'platform.suspended' : 'platform.resumed', { name: tenant.name }) }), close()) },
          )
        }
      />
    </>
  );
}

/** Work in the tenant as its admin: a reason, at most 30 minutes, read-only unless the owner allowed support write. */
export function ImpersonateButton({ tenant }: { tenant: Tenant }) {
  const t = useT();
  const navigate = useNavigate();
  const [opened, { open, close }] = useDisclosure();
  const start = useStartImpersonation();
  return (
    <>
      <Button variant="light" color="grape" onClick={() => (start.reset(), open())} disabled={tenant.status !== 'active'}>
        {t('platform.impersonate')}
      </Button>
      <ReasonModal
        opened={opened}
        onClose={close}
        title={t('platform.impersonateTitle', { name: tenant.name })}
        hint={t('platform.impersonateHint')}
        submitLabel={t('platform.impersonateStart')}
        color="grape"
        pending={start.isPending}
        error={start.error}
        onSubmit={(reason) => start.mutate({ tenantId: tenant.tenantId, reason }, { onSuccess: () => (close(), navigate('/')) })}
      />
    </>
  );
}
