import { Button, Checkbox, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useT } from '../../i18n.tsx';
import { useLineChange } from './queries.ts';

/** Isolate or restore one customer by hand, with the reason the API records. */
export function LineActionButton({ customerId, action, defaultReason = '' }: { customerId: string; action: 'isolate' | 'restore'; defaultReason?: string }) {
  const t = useT();
  const [opened, { open, close }] = useDisclosure();
  const [reason, setReason] = useState(defaultReason);
  const [force, setForce] = useState(false);
  const change = useLineChange(action);
  const label = t(action === 'isolate' ? 'isolation.isolate' : 'isolation.restore');

  const submit = () =>
    change.mutate(
      { customerId, reason, ...(action === 'restore' ? { force } : {}) },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t(action === 'isolate' ? 'isolation.isolated' : 'isolation.restored') });
          close();
        },
      },
    );

  return (
    <>
      <Button size="xs" color={action === 'isolate' ? 'red' : 'teal'} variant="light" onClick={open}>
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={label}>
        <Stack>
          {action === 'isolate' && <Text size="sm">{t('isolation.isolateHint')}</Text>}
          <Textarea label={t('common.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} minLength={3} required autosize minRows={2} />
          {action === 'restore' && <Checkbox label={t('isolation.force')} checked={force} onChange={(e) => setForce(e.currentTarget.checked)} />}
          <Button onClick={submit} loading={change.isPending} disabled={reason.trim().length < 3} color={action === 'isolate' ? 'red' : 'teal'}>
            {label}
          </Button>
        </Stack>
      </Modal>
    </>
  );
}
