import { Badge, Button, Card, Code, CopyButton, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Item, ResponseOf } from '../../api/types.ts';
import { useT, type TranslationKey } from '../../i18n.tsx';
import { useActiveTenant } from '../../session.tsx';
import { AccountFields, accountBody, fieldProblems, initialDraft, type AccountField } from '../../components/AccountFields.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useGateways, useSaveGateway } from './queries.ts';

const providers = ['midtrans', 'xendit', 'tripay'] as const;
type Provider = (typeof providers)[number];
type Account = Item<ResponseOf<'/api/billing/gateways', 'get'>>;

/** What each provider's dashboard gives the ISP (the API validates them). */
const fieldsOf: Record<Provider, { name: string; kind: AccountField['kind'] }[]> = {
  midtrans: [
    { name: 'mode', kind: 'mode' },
    { name: 'serverKey', kind: 'secret' },
  ],
  xendit: [
    { name: 'secretKey', kind: 'secret' },
    { name: 'callbackToken', kind: 'secret' },
  ],
  tripay: [
    { name: 'mode', kind: 'mode' },
    { name: 'apiKey', kind: 'secret' },
    { name: 'privateKey', kind: 'secret' },
    { name: 'merchantCode', kind: 'text' },
    { name: 'paymentMethod', kind: 'text' },
    { name: 'defaultCustomerEmail', kind: 'text' },
  ],
};

/** Payment provider accounts: saved values (secrets masked), the form to change them, and the webhook URL for the provider's dashboard. */
export function PaymentGatewaysCard() {
  const t = useT();
  const [provider, setProvider] = useState<Provider>('midtrans');
  const accounts = useGateways();

  return (
    <Card withBorder data-testid="payment-gateways">
      <Stack gap="sm">
        <Title order={4}>{t('gateway.title')}</Title>
        <SegmentedControl
          aria-label={t('invoices.provider')}
          value={provider}
          onChange={(value) => setProvider(value as Provider)}
          data={providers.map((p) => ({ value: p, label: t(`gateway.provider.${p}`) }))}
        />
        <QueryState query={accounts}>
          {(list) => {
            const saved = list.find((a) => a.provider === provider) ?? null;
            return <GatewayForm key={provider + JSON.stringify(saved)} provider={provider} saved={saved} />;
          }}
        </QueryState>
      </Stack>
    </Card>
  );
}

function GatewayForm({ provider, saved }: { provider: Provider; saved: Account | null }) {
  const t = useT();
  const tenant = useActiveTenant();
  const fields = fieldsOf[provider].map((f) => ({ ...f, label: t(`gateway.field.${f.name}` as TranslationKey) }));
  const [draft, setDraft] = useState(() => initialDraft(fields, saved?.config ?? null));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const save = useSaveGateway(provider);
  const webhookUrl = `${window.location.origin}/api/webhooks/payments/${provider}/${tenant?.slug ?? ''}`;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(accountBody(fields, draft, saved?.config ?? null), {
          onSuccess: () => {
            setFieldErrors({});
            notifications.show({ color: 'teal', message: t('gateway.saved', { provider: t(`gateway.provider.${provider}`) }) });
          },
          onError: (error) => setFieldErrors(fieldProblems(error)),
        });
      }}
    >
      <Stack gap="sm">
        <Group gap="xs">
          <Badge color={saved?.isActive ? 'teal' : 'gray'} variant="light" data-gateway-state={saved?.isActive ? 'active' : 'none'}>
            {t(saved?.isActive ? 'gateway.active' : 'gateway.notSetUp')}
          </Badge>
        </Group>
        <div>
          <Text size="sm" fw={500}>
            {t('gateway.webhookUrl')}
          </Text>
          <Text size="xs" c="dimmed" mb={4}>
            {t(`gateway.webhookHint.${provider}`)}
          </Text>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Code block style={{ flex: 1, overflowWrap: 'anywhere', whiteSpace: 'normal' }} data-testid="webhook-url">
              {webhookUrl}
            </Code>
            <CopyButton value={webhookUrl}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" color={copied ? 'teal' : undefined} onClick={copy}>
                  {t(copied ? 'gateway.copied' : 'gateway.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        </div>
        <AccountFields fields={fields} draft={draft} saved={saved?.config ?? null} errors={fieldErrors} onChange={(name, value) => setDraft((d) => ({ ...d, [name]: value }))} />
        <Button type="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Stack>
    </form>
  );
}

