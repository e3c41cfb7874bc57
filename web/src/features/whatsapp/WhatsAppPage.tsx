import { Badge, Button, Select, Stack, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { DataTable } from '../../components/DataTable.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useT } from '../../i18n.tsx';
import { useCan, useFormat } from '../../session.tsx';
import { DevInbox, ProviderSettings } from './ProviderTab.tsx';
import { useMessages, useResend, type MessageStatus } from './queries.ts';
import { Templates } from './TemplatesTab.tsx';

const statusColor: Record<MessageStatus, string> = {
  pending: 'gray',
  sending: 'blue',
  sent: 'cyan',
  delivered: 'teal',
  read: 'green',
  failed: 'red',
  unknown: 'orange',
  skipped: 'yellow',
};
/** The filter lists the API's statuses in this order (the record is complete by type). */
const messageStatuses = Object.keys(statusColor) as MessageStatus[];

/** WhatsApp: what was sent and why not, the texts per notification kind, and the provider account. */
export function WhatsAppPage() {
  const t = useT();
  const can = useCan();
  return (
    <Stack>
      <PageTitle>{t('wa.title')}</PageTitle>
      <Tabs defaultValue="messages" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="messages">{t('wa.messages')}</Tabs.Tab>
          <Tabs.Tab value="templates">{t('wa.templates')}</Tabs.Tab>
          {can('notifications.manage') && <Tabs.Tab value="provider">{t('wa.provider')}</Tabs.Tab>}
          <Tabs.Tab value="inbox">{t('wa.inbox')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="messages" pt="md">
          <MessageLog />
        </Tabs.Panel>
        <Tabs.Panel value="templates" pt="md">
          <Templates />
        </Tabs.Panel>
        <Tabs.Panel value="provider" pt="md">
          <ProviderSettings />
        </Tabs.Panel>
        <Tabs.Panel value="inbox" pt="md">
          <DevInbox />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function MessageStatusBadge({ status }: { status: MessageStatus }) {
  const t = useT();
  return (
    <Badge color={statusColor[status]} variant="light" data-message-status={status}>
      {t(`wa.status.${status}`)}
    </Badge>
  );
}

function MessageLog() {
  const t = useT();
  const can = useCan();
  const format = useFormat();
  const [status, setStatus] = useState<MessageStatus | ''>('');
  const messages = useMessages(status);
  const resend = useResend();
  const runResend = (messageId: string) => resend.mutate(messageId, { onSuccess: () => notifications.show({ color: 'teal', message: t('wa.resent') }) });

  return (
    <Stack>
      <Select
        label={t('wa.status')}
        maw={260}
        value={status}
        allowDeselect={false}
        data={[{ value: '', label: t('common.all') }, ...messageStatuses.map((s) => ({ value: s, label: t(`wa.status.${s}`) }))]}
        onChange={(value) => setStatus((value ?? '') as MessageStatus | '')}
      />
      <QueryState query={messages}>
        {(list) => (
          <DataTable
            rows={list}
            rowKey={(message) => message.id}
            rowProps={(message) => ({ 'data-message': message.kind })}
            minWidth={760}
            columns={[
              { header: t('payment.when'), cell: (message) => <Text size="sm">{format.dateTime(message.createdAt)}</Text> },
              {
                header: t('wa.recipient'),
                cell: (message) => (
                  <>
                    <Text size="sm">{message.recipientName}</Text>
                    <Text size="xs" c="dimmed">
                      {message.to ?? '—'}
                    </Text>
                  </>
                ),
              },
              {
                header: t('wa.message'),
                cell: (message) => (
                  <div style={{ maxWidth: 420 }}>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {message.kind}
                    </Text>
                    <Text size="sm" lineClamp={3} style={{ whiteSpace: 'pre-line' }}>
                      {message.body}
                    </Text>
                  </div>
                ),
              },
              {
                header: t('wa.status'),
                cell: (message) => (
                  <>
                    <MessageStatusBadge status={message.status} />
                    {message.reason && (
                      <Text size="xs" c={message.status === 'failed' ? 'red' : 'dimmed'}>
                        {message.reason}
                      </Text>
                    )}
                    {can('notifications.manage') && (message.status === 'failed' || message.status === 'unknown') && message.to && (
                      <Button size="compact-xs" variant="light" mt={4} onClick={() => runResend(message.id)} loading={resend.isPending && resend.variables === message.id}>
                        {t('wa.resend')}
                      </Button>
                    )}
                  </>
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </Stack>
  );
}
