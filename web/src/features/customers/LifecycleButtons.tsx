import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Customer } from '../../api/types.ts';
import { useT } from '../../i18n.tsx';
import { useCustomerStatus } from './queries.ts';

type Action = 'suspend' | 'resume' | 'terminate';

/**
 * Suspend (cuti), resume, terminate (berhenti): each asks first, saying what will happen to
 * billing and to the line on the router.
 */
export function LifecycleButtons({ customer }: { customer: Customer }) {
  const t = useT();
  const [opened, { open, close }] = useDisclosure();
  const [action, setAction] = useState<Action>('suspend');
  const change = useCustomerStatus(customer.id);
  const ask = (next: Action) => {
    setAction(next);
    open();
  };
  const confirm = () =>
    change.mutate(action, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t(`lifecycle.done.${action}`, { name: customer.name }) });
        close();
      },
    });
  const color = action === 'terminate' ? 'red' : action === 'suspend' ? 'yellow' : 'teal';

  return (
    <>
      {customer.status === 'active' && (
        <Button size="xs" variant="light" color="yellow" onClick={() => ask('suspend')}>
          {t('lifecycle.suspend')}
        </Button>
      )}
      {customer.status === 'suspended' && (
        <Button size="xs" variant="light" color="teal" onClick={() => ask('resume')}>
          {t('lifecycle.resume')}
        </Button>
      )}
      <Button size="xs" variant="light" color="red" onClick={() => ask('terminate')}>
        {t('lifecycle.terminate')}
      </Button>
      <Modal opened={opened} onClose={close} title={t(`lifecycle.${action}`)}>
        <Stack>
          <Text size="sm">{t(`lifecycle.explain.${action}`, { name: customer.name })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color={color} onClick={confirm} loading={change.isPending}>
              {t(`lifecycle.confirm.${action}`)}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
