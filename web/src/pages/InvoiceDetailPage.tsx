import { Alert, Anchor, Button, Card, Grid, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api.ts';
import { InvoiceStatusBadge, LineBadge } from '../components/badges.tsx';
import { useLineChange } from '../components/LineActions.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { DetailRow } from '../components/DetailRow.tsx';
import { CollectorChain } from '../features/collectors/CollectorChain.tsx';
import { useT } from '../i18n.tsx';
import { keys, useCustomer, useInvoice } from '../queries.ts';
import { useCan, useFormat } from '../session.tsx';
import type { InvoiceDetail, ResponseOf } from '../api/types.ts';

/** The invoice's one customer, read by id (terminated customers included). */
function CustomerLink({ customerId }: { customerId: string }) {
  const customer = useCustomer(customerId);
  return (
    <Anchor component={Link} to={`/customers/${customerId}`}>
      {customer.data?.name ?? '…'}
    </Anchor>
  );
}

export function InvoiceDetailPage() {
  const { invoiceId = '' } = useParams();
  const t = useT();
  const can = useCan();
  const format = useFormat();
  const invoice = useInvoice(invoiceId);

  return (
    <QueryState query={invoice}>
      {(inv) => (
        <Stack>
          <PageTitle actions={inv.status === 'unpaid' && can('billing.configure') && <VoidButton invoice={inv} />}>
            <Group gap="sm">
              {inv.number}
              <InvoiceStatusBadge status={inv.status} />
            </Group>
          </PageTitle>
          <CustomerLinePanel invoice={inv} />
          <Grid>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Card withBorder h="100%">
                <Table variant="vertical" withRowBorders={false}>
                  <Table.Tbody>
                    <DetailRow label={t('invoices.customer')}>
                      <CustomerLink customerId={inv.customerId} />
                    </DetailRow>
                    <DetailRow label={t('invoices.description')}>{inv.description}</DetailRow>
                    <DetailRow label={t('invoices.period')}>{format.month(inv.period)}</DetailRow>
                    <DetailRow label={t('invoices.issueDate')}>{format.date(inv.issueDate)}</DetailRow>
                    <DetailRow label={t('invoices.dueDate')}>{format.date(inv.dueDate)}</DetailRow>
                    <DetailRow label={t('invoices.amount')}>
                      <Text fw={700}>{format.money(inv.amount)}</Text>
                    </DetailRow>
                    {inv.status === 'unpaid' && <DetailRow label={t('invoices.stage')}>{t(`stage.${inv.stage}`)}</DetailRow>}
                    {inv.paidAt && <DetailRow label={t('invoices.paidAt')}>{format.dateTime(inv.paidAt)}</DetailRow>}
                    {inv.voidReason && <DetailRow label={t('invoices.voidReason')}>{inv.voidReason}</DetailRow>}
                  </Table.Tbody>
                </Table>
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              {inv.status === 'unpaid' && (
                <Stack>
                  {can('payments.record') && <RecordPaymentForm invoice={inv} />}
                  <PaymentLinkForm invoice={inv} />
                </Stack>
              )}
            </Grid.Col>
          </Grid>
          <CollectorChain invoiceId={inv.id} />
          <Card withBorder>
            <Title order={4} mb="sm">
              {t('invoices.history')}
            </Title>
            {inv.history.length === 0 ? (
              <Text c="dimmed">{t('common.empty')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={480}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('payment.when')}</Table.Th>
                      <Table.Th>{t('payment.type')}</Table.Th>
                      <Table.Th>{t('payment.reference')}</Table.Th>
                      <Table.Th ta="right">{t('invoices.amount')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {inv.history.map((entry) => (
                      <Table.Tr key={entry.id}>
                        <Table.Td>{format.dateTime(entry.createdAt)}</Table.Td>
                        <Table.Td>{t(`payment.${entry.type}`)}</Table.Td>
                        <Table.Td>{entry.reference ?? '—'}</Table.Td>
                        <Table.Td ta="right">{format.money(entry.amount)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Card>
        </Stack>
      )}
    </QueryState>
  );
}

/**
 * The customer's line as this invoice leaves it. A paid invoice whose customer is still
 * isolated (auto-unisolate off, or the payment arrived by hand) offers the unisolate button;
 * once restored it says so.
 */
function CustomerLinePanel({ invoice }: { invoice: InvoiceDetail }) {
  const t = useT();
  const can = useCan();
  const restore = useLineChange('restore');
  const { desiredState } = invoice.customerLine;
  const settled = invoice.status === 'paid' || invoice.status === 'setoran_confirmed';
  if (!settled && desiredState === 'active') return null;

  const unisolate = () =>
    restore.mutate(
      { customerId: invoice.customerId, reason: t('invoices.unisolateReason', { number: invoice.number }) },
      { onSuccess: () => notifications.show({ color: 'teal', message: t('invoices.restored') }) },
    );

  return (
    <Alert color={desiredState === 'isolated' ? 'red' : 'teal'} data-testid="customer-line">
      <Group justify="space-between" wrap="wrap">
        <Group gap="sm">
          <LineBadge state={desiredState} />
          <Text size="sm">{t(desiredState === 'isolated' ? 'invoices.lineIsolated' : 'invoices.lineRestored')}</Text>
        </Group>
        {settled && desiredState === 'isolated' && can('isolation.manage') && (
          <Button color="teal" onClick={unisolate} loading={restore.isPending}>
            {t('invoices.unisolate')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}

function useInvoiceMutation<T>(mutationFn: (body: T) => Promise<unknown>, successMessage: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => notifications.show({ color: 'teal', message: successMessage }),
    onSettled: () => Promise.all([keys.invoices, keys.payments, keys.lines].map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}

function RecordPaymentForm({ invoice }: { invoice: InvoiceDetail }) {
  const t = useT();
  const [amount, setAmount] = useState<number | string>(invoice.amount);
  const [method, setMethod] = useState<'cash' | 'transfer'>('cash');
  const [note, setNote] = useState('');
  // One key per distinct payment: a retry of the same one (lost answer, second click) reuses it.
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const record = useInvoiceMutation(async (body: { amount: number; method: string; note?: string }) => {
    const sent = JSON.stringify(body);
    if (attempt.current?.body !== sent) attempt.current = { body: sent, key: crypto.randomUUID() };
    const answer = await api.postOnce(`/api/invoices/${invoice.id}/payments`, body, attempt.current.key);
    attempt.current = null;
    return answer;
  }, t('invoices.paymentRecorded'));

  return (
    <Card withBorder>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          record.mutate({ amount: Number(amount), method, ...(note.trim() ? { note: note.trim() } : {}) });
        }}
      >
        <Stack gap="sm">
          <Title order={5}>{t('invoices.recordPayment')}</Title>
          <NumberInput label={t('invoices.amount')} value={amount} onChange={setAmount} prefix="Rp " thousandSeparator="." decimalSeparator="," allowDecimal={false} min={1} required />
          <SegmentedControl
            aria-label={t('invoices.method')}
            value={method}
            onChange={(value) => setMethod(value as 'cash' | 'transfer')}
            data={[
              { value: 'cash', label: t('method.cash') },
              { value: 'transfer', label: t('method.transfer') },
            ]}
          />
          <TextInput label={t('invoices.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={300} />
          <Button type="submit" loading={record.isPending}>
            {t('invoices.recordPayment')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

function PaymentLinkForm({ invoice }: { invoice: InvoiceDetail }) {
  const t = useT();
  const [provider, setProvider] = useState<string | null>('midtrans');
  const create = useMutation({
    mutationFn: () => api.post<ResponseOf<'/api/invoices/{invoiceId}/payment-link', 'post'>>(`/api/invoices/${invoice.id}/payment-link`, { provider }),
  });
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Group align="flex-end" gap="xs">
          <Select
            label={t('invoices.provider')}
            value={provider}
            onChange={setProvider}
            allowDeselect={false}
            data={[
              { value: 'midtrans', label: 'Midtrans' },
              { value: 'xendit', label: 'Xendit' },
              { value: 'tripay', label: 'Tripay' },
            ]}
            w={160}
          />
          <Button variant="light" onClick={() => create.mutate()} loading={create.isPending}>
            {t('invoices.paymentLink')}
          </Button>
        </Group>
        {create.data && (
          <Anchor href={create.data.url} target="_blank" rel="noreferrer" size="sm" style={{ wordBreak: 'break-all' }}>
            {create.data.url}
          </Anchor>
        )}
      </Stack>
    </Card>
  );
}

function VoidButton({ invoice }: { invoice: InvoiceDetail }) {
  const t = useT();
  const [opened, { open, close }] = useDisclosure();
  const [reason, setReason] = useState('');
  const voidInvoice = useInvoiceMutation((body: { reason: string }) => api.post(`/api/invoices/${invoice.id}/void`, body), t('invoices.voided'));
  return (
    <>
      <Button size="xs" variant="subtle" color="gray" onClick={open}>
        {t('invoices.void')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('invoices.void')}>
        <Stack>
          <Textarea label={t('common.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} />
          <Button color="red" disabled={reason.trim().length < 3} loading={voidInvoice.isPending} onClick={() => voidInvoice.mutate({ reason }, { onSuccess: close })}>
            {t('invoices.void')}
          </Button>
        </Stack>
      </Modal>
    </>
  );
}
