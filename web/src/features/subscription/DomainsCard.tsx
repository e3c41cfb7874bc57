import { Button, Card, Code, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { DataTable } from '../../components/DataTable.tsx';
import { fieldErrors } from '../../components/form-errors.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { useT } from '../../i18n.tsx';
import { useCan } from '../../session.tsx';
import { DomainBadge } from '../platform/tables.tsx';
import { useAddDomain, useDomains, useRemoveDomain, useVerifyDomain } from './queries.ts';

/**
 * The owner's own domains for the portal and console: each proven by a DNS TXT record before it
 * routes here. `address` is the tenant's address under the platform's domain, which always works.
 */
export function DomainsCard({ enabled, address }: { enabled: boolean; address: string }) {
  const t = useT();
  const can = useCan();
  const domains = useDomains();
  const verify = useVerifyDomain();
  const remove = useRemoveDomain();
  const manages = can('subscription.manage');
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={4}>{t('domains.title')}</Title>
        {!enabled && <Text size="sm" c="dimmed">{t('domains.notIncluded')}</Text>}
        <QueryState query={domains}>
          {(list) => (
            <DataTable
              rows={list}
              rowKey={(d) => d.id}
              rowProps={(d) => ({ 'data-domain': d.host })}
              minWidth={640}
              empty={<span data-testid="own-address">{t('domains.none', { address })}</span>}
              columns={[
                { header: t('domains.host'), cell: (d) => <Text ff="monospace" size="sm">{d.host}</Text> },
                { header: t('domains.status'), cell: (d) => <DomainBadge verified={d.verified} /> },
                {
                  header: t('domains.txt'),
                  cell: (d) =>
                    d.verified ? (
                      '—'
                    ) : (
                      <Stack gap={2} align="flex-start" data-txt>
                        <Text size="xs">{t('domains.txtName')}</Text>
                        <Code style={{ overflowWrap: 'anywhere' }}>{d.txtRecord.name}</Code>
                        <Text size="xs">{t('domains.txtValue')}</Text>
                        <Code style={{ overflowWrap: 'anywhere' }}>{d.txtRecord.value}</Code>
                      </Stack>
                    ),
                },
                {
                  header: null,
                  hidden: !manages,
                  cell: (d) => (
                    <Group gap="xs" wrap="nowrap" justify="flex-end">
                      {!d.verified && enabled && (
                        <Button
                          size="xs"
                          variant="light"
                          loading={verify.isPending && verify.variables === d.id}
                          onClick={() => verify.mutate(d.id, { onSuccess: () => notifications.show({ color: 'teal', message: t('domains.verifiedNow', { host: d.host }) }) })}
                        >
                          {t('domains.verify')}
                        </Button>
                      )}
                      <Button size="xs" variant="subtle" color="red" loading={remove.isPending && remove.variables === d.id} onClick={() => remove.mutate(d.id)}>
                        {t('domains.remove')}
                      </Button>
                    </Group>
                  ),
                },
              ]}
            />
          )}
        </QueryState>
        {manages && enabled && <AddDomainForm />}
      </Stack>
    </Card>
  );
}

function AddDomainForm() {
  const t = useT();
  const [host, setHost] = useState('');
  const add = useAddDomain();
  const errors = fieldErrors(add.error, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(host, { onSuccess: (d) => (notifications.show({ color: 'teal', message: t('domains.added', { host: d.host }) }), setHost('')) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-start" wrap="wrap">
        <TextInput
          label={t('domains.add')}
          description={t('domains.addHint')}
          placeholder="portal.isp-anda.id"
          value={host}
          onChange={(e) => setHost(e.currentTarget.value)}
          error={errors.host}
          style={{ flex: 1, minWidth: 220 }}
        />
        <Button type="submit" mt={{ base: 0, sm: 44 }} loading={add.isPending}>
          {t('domains.addButton')}
        </Button>
      </Group>
    </form>
  );
}
