import { Alert, Badge, Button, Checkbox, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import type { BulkIsolationAnswer } from '../../api/types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { useT } from '../../i18n.tsx';
import { errorText } from '../../components/form-errors.ts';
import { useBulkIsolation, useBulkPreview } from './queries.ts';

/**
 * Isolate or restore the selected customers: first the preview (who changes, who is skipped and
 * why — nothing happens), then the same request for real once the person confirms.
 */
export function BulkIsolationButton({ action, customerIds, onDone }: { action: 'isolate' | 'restore'; customerIds: string[]; onDone: () => void }) {
  const t = useT();
  const [opened, { open, close }] = useDisclosure();
  const [reason, setReason] = useState('');
  const [force, setForce] = useState(false);
  const [preview, setPreview] = useState<BulkIsolationAnswer | null>(null);
  const previewing = useBulkPreview();
  const run = useBulkIsolation();
  const key = useRef<string>(crypto.randomUUID());
  const body = { action, customerIds, reason: reason.trim(), force };
  const label = t(action === 'isolate' ? 'bulk.isolate' : 'bulk.restore');

  const showPreview = () => previewing.mutate(body, { onSuccess: setPreview });
  const confirm = () =>
    run.mutate(
      { ...body, key: key.current },
      {
        onSuccess: (answer) => {
          notifications.show({ color: 'teal', message: t(action === 'isolate' ? 'bulk.isolated' : 'bulk.restored', { count: answer.changed }) });
          key.current = crypto.randomUUID();
          setPreview(null);
          close();
          onDone();
        },
      },
    );
  const reset = () => {
    setPreview(null);
    close();
  };

  return (
    <>
      <Button size="xs" variant="light" color={action === 'isolate' ? 'red' : 'teal'} onClick={open}>
        {label}
      </Button>
      <Modal opened={opened} onClose={reset} title={label} size="lg">
        <Stack>
          <Textarea
            label={t('common.reason')}
            withAsterisk
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setPreview(null);
            }}
          />
          {action === 'restore' && (
            <Checkbox
              label={t('isolation.force')}
              checked={force}
              onChange={(e) => {
                setForce(e.currentTarget.checked);
                setPreview(null);
              }}
            />
          )}
          {!preview ? (
            <Button onClick={showPreview} loading={previewing.isPending} disabled={reason.trim().length < 3}>
              {t('bulk.preview')}
            </Button>
          ) : (
            <Stack data-testid="bulk-preview">
              <Alert color={preview.changed > 0 ? (action === 'isolate' ? 'red' : 'teal') : 'gray'}>
                {t(action === 'isolate' ? 'bulk.willIsolate' : 'bulk.willRestore', { count: preview.changed })}
              </Alert>
              <DataTable
                rows={preview.outcomes}
                rowKey={(o) => o.customerId}
                minWidth={420}
                columns={[
                  { header: t('customers.name'), cell: (o) => o.customerName ?? o.customerId },
                  {
                    header: t('bulk.outcome'),
                    cell: (o) =>
                      o.result === 'changed' ? (
                        <Badge color="teal" variant="light">
                          {t('bulk.changes')}
                        </Badge>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('bulk.skipped')}: {errorText({ code: o.code, message: o.message }, t)}
                        </Text>
                      ),
                  },
                ]}
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setPreview(null)}>
                  {t('common.back')}
                </Button>
                <Button color={action === 'isolate' ? 'red' : 'teal'} onClick={confirm} loading={run.isPending} disabled={preview.changed === 0}>
                  {t('bulk.confirm', { count: preview.changed })}
                </Button>
              </Group>
            </Stack>
          )}
        </Stack>
      </Modal>
    </>
  );
}
