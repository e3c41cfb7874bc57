import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { useT } from '../../i18n.tsx';
import { usePlans, useBroadcastPreview, useSendBroadcast } from './queries.ts';

/**
 * A WhatsApp broadcast to a filtered set of customers: the count after opt-outs shows while the
 * filter is chosen; sending queues the messages through the normal path (quiet hours, rate
 * limits, the tenant's template), once per confirmation.
 */
export function BroadcastButton() {
  const t = useT();
  const [opened, { open, close }] = useDisclosure();
  const phone = useMediaQuery('(max-width: 48em)');
  const plans = usePlans();
  const [planId, setPlanId] = useState<string | null>(null);
  const [withArrears, setWithArrears] = useState(false);
  const [message, setMessage] = useState('');
  const filter = { ...(planId ? { planId } : {}), ...(withArrears ? { withArrears: true } : {}) };
  const [debouncedFilter] = useDebouncedValue(filter, 200);
  const preview = useBroadcastPreview(debouncedFilter, { enabled: opened });
  const send = useSendBroadcast();
  const key = useRef(crypto.randomUUID());
  const [confirming, setConfirming] = useState(false);

  const submit = () =>
    send.mutate(
      { filter, message: message.trim(), key: key.current },
      {
        onSuccess: (answer) => {
          notifications.show({ color: 'teal', message: t('broadcast.queued', { queued: answer.queued, skipped: answer.skipped }) });
          key.current = crypto.randomUUID();
          setMessage('');
          setConfirming(false);
          close();
        },
      },
    );

  return (
    <>
      <Button size="xs" variant="light" onClick={open}>
        {t('broadcast.open')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('broadcast.title')} size="lg" fullScreen={phone}>
        <Stack>
          <Select
            label={t('customers.plan')}
            placeholder={t('common.all')}
            clearable
            value={planId}
            onChange={(v) => {
              setPlanId(v);
              setConfirming(false);
            }}
            data={(plans.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
          <Checkbox
            label={t('broadcast.withArrears')}
            checked={withArrears}
            onChange={(e) => {
              setWithArrears(e.currentTarget.checked);
              setConfirming(false);
            }}
          />
          <Alert color="blue" data-testid="broadcast-count">
            {preview.data
              ? t('broadcast.count', { willSend: preview.data.willSend, matched: preview.data.matched, optedOut: preview.data.optedOut })
              : t('common.loading')}
          </Alert>
          <Textarea
            label={t('broadcast.message')}
            description={t('broadcast.messageHint')}
            withAsterisk
            autosize
            minRows={3}
            maxLength={1000}
            value={message}
            onChange={(e) => {
              setMessage(e.currentTarget.value);
              setConfirming(false);
            }}
          />
          {!confirming ? (
            <Button onClick={() => setConfirming(true)} disabled={!message.trim() || !preview.data || preview.data.willSend === 0}>
              {t('broadcast.review')}
            </Button>
          ) : (
            <Stack gap="xs">
              <Text size="sm">{t('broadcast.confirmText', { count: preview.data?.willSend ?? 0 })}</Text>
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setConfirming(false)}>
                  {t('common.back')}
                </Button>
                <Button onClick={submit} loading={send.isPending}>
                  {t('broadcast.send', { count: preview.data?.willSend ?? 0 })}
                </Button>
              </Group>
            </Stack>
          )}
        </Stack>
      </Modal>
    </>
  );
}
