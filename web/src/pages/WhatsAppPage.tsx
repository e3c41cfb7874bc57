import { Badge, Button, Card, Code, Grid, Group, Select, SegmentedControl, Stack, Table, Tabs, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError, query } from '../api.ts';
import { AccountFields, accountBody, fieldProblems, initialDraft, type AccountField } from '../components/AccountFields.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { useT, type TranslationKey } from '../i18n.tsx';
import { useCan, useFormat } from '../session.tsx';
import type { Item, ResponseOf } from '../api/types.ts';

type Message = Item<ResponseOf<'/api/notifications/messages', 'get'>>;
type MessageStatus = Message['status'];
type Template = Item<ResponseOf<'/api/notifications/templates', 'get'>>;
type Language = keyof Template['texts'];
type ProviderAccount = ResponseOf<'/api/notifications/provider', 'get'>;
type WaProvider = NonNullable<ProviderAccount['provider']>;
type InboxMessage = Item<ResponseOf<'/api/notifications/inbox', 'get'>>;

const waKey = ['whatsapp'] as const;
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
const isUnderway = (m: Message) => m.status === 'pending' || m.status === 'sending';

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
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<MessageStatus | ''>('');
  // Sending happens in the background: follow messages still underway until they settle.
  const messages = useQuery({
    queryKey: [...waKey, 'messages', status],
    queryFn: () => api.get<Message[]>('/api/notifications/messages' + query({ status, limit: 100 })),
    refetchInterval: (q) => (q.state.status !== 'error' && q.state.data?.some(isUnderway) ? 2_000 : false),
  });
  const resend = useMutation({
    mutationFn: (messageId: string) => api.post<Message>(`/api/notifications/messages/${messageId}/resend`),
    onSuccess: () => notifications.show({ color: 'teal', message: t('wa.resent') }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...waKey, 'messages'] }),
  });

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
        {(list) =>
          list.length === 0 ? (
            <Text c="dimmed">{t('common.empty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('payment.when')}</Table.Th>
                    <Table.Th>{t('wa.recipient')}</Table.Th>
                    <Table.Th>{t('wa.message')}</Table.Th>
                    <Table.Th>{t('wa.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((message) => (
                    <Table.Tr key={message.id} data-message={message.kind}>
                      <Table.Td>
                        <Text size="sm">{format.dateTime(message.createdAt)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{message.recipientName}</Text>
                        <Text size="xs" c="dimmed">
                          {message.to ?? '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td maw={420}>
                        <Text size="xs" c="dimmed" ff="monospace">
                          {message.kind}
                        </Text>
                        <Text size="sm" lineClamp={3} style={{ whiteSpace: 'pre-line' }}>
                          {message.body}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <MessageStatusBadge status={message.status} />
                        {message.reason && (
                          <Text size="xs" c={message.status === 'failed' ? 'red' : 'dimmed'}>
                            {message.reason}
                          </Text>
                        )}
                        {can('notifications.manage') && (message.status === 'failed' || message.status === 'unknown') && message.to && (
                          <Button size="compact-xs" variant="light" mt={4} onClick={() => resend.mutate(message.id)} loading={resend.isPending && resend.variables === message.id}>
                            {t('wa.resend')}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
    </Stack>
  );
}

function Templates() {
  const t = useT();
  const templates = useQuery({ queryKey: [...waKey, 'templates'], queryFn: () => api.get<Template[]>('/api/notifications/templates') });
  const [kind, setKind] = useState<string | null>(null);
  const [language, setLanguage] = useState<Language>('id');

  return (
    <QueryState query={templates}>
      {(list) => {
        const template = list.find((entry) => entry.kind === kind) ?? list[0];
        if (!template) return <Text c="dimmed">{t('common.empty')}</Text>;
        return (
          <Stack>
            <Group align="flex-end" gap="sm" wrap="wrap">
              <Select
                label={t('wa.kind')}
                searchable
                allowDeselect={false}
                value={template.kind}
                onChange={setKind}
                data={list.map((entry) => ({ value: entry.kind, label: entry.kind }))}
                w={300}
              />
              <SegmentedControl
                aria-label={t('wa.language')}
                value={language}
                onChange={(value) => setLanguage(value as Language)}
                data={[
                  { value: 'id', label: 'Bahasa Indonesia' },
                  { value: 'en', label: 'English' },
                ]}
              />
            </Group>
            <TemplateEditor key={`${template.kind}:${language}:${template.texts[language].body}`} template={template} language={language} />
          </Stack>
        );
      }}
    </QueryState>
  );
}

function TemplateEditor({ template, language }: { template: Template; language: Language }) {
  const t = useT();
  const can = useCan();
  const queryClient = useQueryClient();
  const saved = template.texts[language];
  const [body, setBody] = useState(saved.body);
  const [debouncedBody] = useDebouncedValue(body, 300);
  // The API renders the preview (sample values, the tenant's name, its date format). A text it
  // refuses is the answer to show here, not a failure to announce.
  const preview = useQuery({
    queryKey: [...waKey, 'preview', template.kind, language, debouncedBody],
    queryFn: async () => {
      try {
        const rendered = await api.post<ResponseOf<'/api/notifications/templates/{kind}/preview', 'post'>>(`/api/notifications/templates/${template.kind}/preview`, { language, body: debouncedBody });
        return { text: rendered.text, problem: null };
      } catch (error) {
        if (error instanceof ApiError && error.status === 400) return { text: null, problem: error.message };
        throw error;
      }
    },
    placeholderData: (previous) => previous,
  });
  const onSaved = (next: Template) => queryClient.setQueryData<Template[]>([...waKey, 'templates'], (list) => list?.map((entry) => (entry.kind === next.kind ? next : entry)));
  const save = useMutation({
    mutationFn: () => api.put<Template>(`/api/notifications/templates/${template.kind}`, { language, body }),
    onSuccess: (next) => {
      onSaved(next);
      notifications.show({ color: 'teal', message: t('wa.templateSaved') });
    },
  });
  const reset = useMutation({
    mutationFn: () => api.delete<Template>(`/api/notifications/templates/${template.kind}${query({ language })}`),
    onSuccess: onSaved,
  });
  const insert = (variable: string) => setBody((current) => `${current}{{${variable}}}`);

  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Card withBorder>
          <Stack gap="sm">
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                {t('wa.audiences')}:
              </Text>
              {template.audiences.map((audience) => (
                <Badge key={audience} variant="outline" size="sm">
                  {audience}
                </Badge>
              ))}
              {template.urgent && (
                <Badge color="red" variant="light" size="sm">
                  {t('wa.urgent')}
                </Badge>
              )}
              <Badge color={saved.isDefault ? 'gray' : 'cyan'} variant="light" size="sm">
                {t(saved.isDefault ? 'wa.defaultText' : 'wa.ownText')}
              </Badge>
            </Group>
            <Textarea
              label={t('wa.text')}
              autosize
              minRows={6}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              error={save.error instanceof ApiError ? save.error.message : undefined}
              readOnly={!can('notifications.manage')}
            />
            <div>
              <Text size="xs" c="dimmed" mb={4}>
                {t('wa.variables')}
              </Text>
              <Group gap={4}>
                {template.variables.map((variable) => (
                  <Button key={variable} size="compact-xs" variant="default" ff="monospace" onClick={() => insert(variable)} disabled={!can('notifications.manage')}>
                    {`{{${variable}}}`}
                  </Button>
                ))}
              </Group>
            </div>
            {can('notifications.manage') && (
              <Group gap="xs">
                <Button onClick={() => save.mutate()} loading={save.isPending} disabled={body === saved.body}>
                  {t('common.save')}
                </Button>
                {!saved.isDefault && (
                  <Button variant="subtle" color="gray" onClick={() => reset.mutate()} loading={reset.isPending}>
                    {t('wa.useDefault')}
                  </Button>
                )}
              </Group>
            )}
          </Stack>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Card withBorder bg="teal.0" data-testid="template-preview">
          <Text size="sm" fw={500} mb="xs">
            {t('wa.preview')}
          </Text>
          {preview.data?.problem ? (
            <Text size="sm" c="red" role="alert">
              {preview.data.problem}
            </Text>
          ) : (
            <Card radius="md" padding="sm" shadow="xs" maw={420}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {preview.data?.text ?? '…'}
              </Text>
            </Card>
          )}
        </Card>
      </Grid.Col>
    </Grid>
  );
}

/** The credentials each provider needs (the API validates them). */
const providerFields: Record<WaProvider, { name: string; kind: AccountField['kind']; optional?: boolean }[]> = {
  whatsapp_cloud: [
    { name: 'accessToken', kind: 'secret' },
    { name: 'phoneNumberId', kind: 'text' },
    { name: 'appSecret', kind: 'secret' },
    { name: 'webhookVerifyToken', kind: 'secret', optional: true },
  ],
  fonnte: [{ name: 'token', kind: 'secret' }],
  wablas: [
    { name: 'server', kind: 'text' },
    { name: 'token', kind: 'secret' },
    { name: 'secretKey', kind: 'secret', optional: true },
  ],
  dev_inbox: [],
};

const providerKey = [...waKey, 'provider'] as const;

function ProviderSettings() {
  const account = useQuery({ queryKey: providerKey, queryFn: () => api.get<ProviderAccount>('/api/notifications/provider') });
  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <QueryState query={account}>{(saved) => <ProviderForm key={JSON.stringify(saved)} saved={saved} />}</QueryState>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <TestMessageForm />
      </Grid.Col>
    </Grid>
  );
}

/** The provider choice; each provider's credentials are a form of their own (switching starts it afresh). */
function ProviderForm({ saved }: { saved: ProviderAccount }) {
  const t = useT();
  // '' is "the platform's default account"; the API takes it as provider: null.
  const [provider, setProvider] = useState<WaProvider | ''>(saved.provider ?? '');
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Group gap="xs">
          <Text size="sm">{t('wa.sendingThrough')}</Text>
          <Badge variant="light" data-effective-provider={saved.effective.provider}>
            {t(`wa.providerName.${saved.effective.provider}`)}
          </Badge>
          <Text size="xs" c="dimmed">
            {t(saved.effective.source === 'tenant' ? 'wa.ownAccount' : 'wa.platformAccount')}
          </Text>
        </Group>
        <Select
          label={t('wa.provider')}
          allowDeselect={false}
          value={provider}
          onChange={(value) => setProvider((value ?? '') as WaProvider | '')}
          data={[{ value: '', label: t('wa.platformDefault') }, ...saved.offered.map((p) => ({ value: p, label: t(`wa.providerName.${p}`) }))]}
        />
        <ProviderAccountForm key={provider} provider={provider || null} saved={saved} />
        {saved.effective.provider !== 'dev_inbox' && (
          <div>
            <Text size="sm" fw={500}>
              {t('wa.webhookUrl')}
            </Text>
            <Text size="xs" c="dimmed" mb={4}>
              {t('wa.webhookHint')}
            </Text>
            <Code block style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}>
              {window.location.origin + saved.webhookPath}
            </Code>
          </div>
        )}
      </Stack>
    </Card>
  );
}

function ProviderAccountForm({ provider, saved }: { provider: WaProvider | null; saved: ProviderAccount }) {
  const t = useT();
  const queryClient = useQueryClient();
  const savedConfig = provider === saved.provider ? saved.config : null;
  const fields = provider ? providerFields[provider].map((f) => ({ ...f, label: t(`wa.field.${f.name}` as TranslationKey) })) : [];
  const [draft, setDraft] = useState(() => initialDraft(fields, savedConfig));
  const [sender, setSender] = useState(saved.sender ?? '');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () =>
      api.put<ProviderAccount>('/api/notifications/provider', provider ? { provider, config: accountBody(fields, draft, savedConfig), sender: sender || null } : { provider: null }),
    onSuccess: (next) => {
      queryClient.setQueryData(providerKey, next);
      notifications.show({ color: 'teal', message: t('wa.providerSaved') });
    },
    onError: (error) => setFieldErrors(fieldProblems(error)),
  });

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm">
        <AccountFields fields={fields} draft={draft} saved={savedConfig} errors={fieldErrors} onChange={(name, value) => setDraft((d) => ({ ...d, [name]: value }))} />
        {provider && provider !== 'dev_inbox' && (
          <TextInput label={t('wa.sender')} description={t('wa.senderHint')} value={sender} onChange={(e) => setSender(e.currentTarget.value)} error={fieldErrors.sender} />
        )}
        {fieldErrors.provider && (
          <Text size="sm" c="red">
            {fieldErrors.provider}
          </Text>
        )}
        <Button type="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Stack>
    </form>
  );
}

function TestMessageForm() {
  const t = useT();
  const queryClient = useQueryClient();
  const [to, setTo] = useState('');
  const send = useMutation({
    mutationFn: () => api.post<Message>('/api/notifications/test-message', { to }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('wa.testQueued') });
      return queryClient.invalidateQueries({ queryKey: waKey });
    },
  });
  return (
    <Card withBorder>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          send.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={5}>{t('wa.testMessage')}</Title>
          <TextInput label={t('wa.testTo')} placeholder="0812-3456-7890" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
          <Button type="submit" variant="light" loading={send.isPending} disabled={to.trim() === ''}>
            {t('wa.sendTest')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

/** What the built-in dev inbox "delivered" instead of sending (the demo's and a new tenant's provider). */
function DevInbox() {
  const t = useT();
  const format = useFormat();
  const inbox = useQuery({ queryKey: [...waKey, 'inbox'], queryFn: () => api.get<InboxMessage[]>('/api/notifications/inbox' + query({ limit: 50 })), refetchInterval: 5_000 });
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('wa.inboxHint')}
      </Text>
      <QueryState query={inbox}>
        {(list) =>
          list.length === 0 ? (
            <Text c="dimmed">{t('common.empty')}</Text>
          ) : (
            <Stack gap="xs">
              {list.map((message) => (
                <Card key={message.messageId} withBorder padding="sm" maw={520} data-inbox-message={message.kind}>
                  <Group justify="space-between" gap="xs" mb={4}>
                    <Text size="sm" fw={500}>
                      {message.to}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {format.dateTime(message.receivedAt)}
                    </Text>
                  </Group>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {message.text}
                  </Text>
                  <Text size="xs" c="dimmed" ff="monospace" mt={4}>
                    {message.kind}
                  </Text>
                </Card>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
