import { Badge, Button, Card, Code, Grid, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { AccountFields, accountBody, fieldProblems, initialDraft, type AccountField } from '../../components/AccountFields.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useT, type TranslationKey } from '../../i18n.tsx';
import { useFormat } from '../../session.tsx';
import { useInbox, useProviderAccount, useSaveProvider, useSendTest, type ProviderAccount, type WaProvider } from './queries.ts';

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

export function ProviderSettings() {
  const account = useProviderAccount();
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
  const savedConfig = provider === saved.provider ? saved.config : null;
  const fields = provider ? providerFields[provider].map((f) => ({ ...f, label: t(`wa.field.${f.name}` as TranslationKey) })) : [];
  const [draft, setDraft] = useState(() => initialDraft(fields, savedConfig));
  const [sender, setSender] = useState(saved.sender ?? '');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const save = useSaveProvider();

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(provider ? { provider, config: accountBody(fields, draft, savedConfig), sender: sender || null } : { provider: null }, {
          onSuccess: () => notifications.show({ color: 'teal', message: t('wa.providerSaved') }),
          onError: (error) => setFieldErrors(fieldProblems(error)),
        });
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
  const [to, setTo] = useState('');
  const send = useSendTest();
  return (
    <Card withBorder>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          send.mutate(to, { onSuccess: () => notifications.show({ color: 'teal', message: t('wa.testQueued') }) });
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
export function DevInbox() {
  const t = useT();
  const format = useFormat();
  const inbox = useInbox();
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
