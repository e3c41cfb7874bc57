import { Alert, Anchor, Button, Card, Grid, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { InvoiceStatusBadge, LineBadge } from '../../components/badges.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { useCustomer } from '../customers/queries.ts';
import { useLineChange } from '../isolation/queries.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { DetailRow } from '../../components/DetailRow.tsx';
import { fieldErrors } from '../../components/form-errors.ts';
import { CollectorChain } from '../collectors/CollectorChain.tsx';
import { useT } from '../../i18n.tsx';
import { useCan, useFormat } from '../../session.tsx';
import type { InvoiceDetail } from '../../api/types.ts';
import { useActiveGateways, useInvoice, useInvoiceReceipts, usePaymentLink, useRecordPayment, useVoidInvoice } from './queries.ts';

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
                    {inv.paidAmount > 0 && inv.remaining > 0 && (
                      <>
                        <DetailRow label={t('invoices.paidSoFar')}>{format.money(inv.paidAmount)}</DetailRow>
                        <DetailRow label={t('invoices.remaining')}>
                          <Text fw={700} data-testid="invoice-remaining">
                            {format.money(inv.remaining)}
                          </Text>
                        </DetailRow>
                      </>
                    )}
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
                  <PaymentLinkCard invoice={inv} />
                </Stack>
              )}
            </Grid.Col>
          </Grid>
          <CollectorChain invoiceId={inv.id} />
          <Card withBorder>
            <Title order={4} mb="sm">
              {t('invoices.history')}
            </Title>
            <DataTable
              rows={inv.history}
              rowKey={(entry) => entry.id}
              minWidth={480}
              columns={[
                { header: t('payment.when'), cell: (entry) => format.dateTime(entry.createdAt) },
                { header: t('payment.type'), cell: (entry) => t(`payment.${entry.type}`) },
                { header: t('payment.method'), cell: (entry) => (entry.method ? t(`method.${entry.method}`) : '—') },
                { header: t('isolation.by'), cell: (entry) => entry.actorName ?? t('isolation.bySystem') },
                { header: t('payment.reference'), cell: (entry) => entry.reference ?? '—' },
                { header: t('invoices.amount'), align: 'right', cell: (entry) => format.money(entry.amount) },
              ]}
            />
          </Card>
          <ReceiptsCard invoiceId={inv.id} />
        </Stack>
      )}
    </QueryState>
  );
}

/** Receipts (kuitansi) of the invoice's payments: print on 58 / 80 mm thermal paper or A4, send by WhatsApp. */
function ReceiptsCard({ invoiceId }: { invoiceId: string }) {
  const t = useT();
  const format = useFormat();
  const receipts = useInvoiceReceipts(invoiceId);
  if (!receipts.data?.length) return null;
  const print = (number: string, paper: string) => `/api/receipts/${number}/print?paper=${paper}`;
  return (
    <Card withBorder data-testid="receipts">
      <Title order={4} mb="sm">
        {t('receipts.title')}
      </Title>
      <DataTable
        rows={receipts.data}
        rowKey={(r) => r.number}
        minWidth={520}
        columns={[
          { header: t('receipts.number'), cell: (r) => r.number },
          { header: t('payment.when'), cell: (r) => format.dateTime(r.issuedAt) },
          { header: t('invoices.amount'), align: 'right', cell: (r) => format.money(r.amount) },
          {
            header: t('receipts.print'),
            cell: (r) => (
              <Group gap="xs">
                <Anchor href={print(r.number, '58')} target="_blank">58 mm</Anchor>
                <Anchor href={print(r.number, '80')} target="_blank">80 mm</Anchor>
                <Anchor href={print(r.number, 'a4')} target="_blank">A4</Anchor>
                {r.whatsappUrl && (
                  <Anchor href={r.whatsappUrl + encodeURIComponent(window.location.origin + r.verifyPath)} target="_blank">
                    {t('receipts.whatsapp')}
                  </Anchor>
                )}
              </Group>
            ),
          },
        ]}
      />
    </Card>
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

function RecordPaymentForm({ invoice }: { invoice: InvoiceDetail }) {
  const t = useT();
  // What remains (the whole amount unless partly paid); more than that is refused before sending.
  const [amount, setAmount] = useState<number | string>(invoice.remaining);
  const overpaid = Number(amount) > invoice.remaining;
  const [method, setMethod] = useState<'cash' | 'transfer'>('cash');
  const [note, setNote] = useState('');
  const record = useRecordPayment(invoice.id);
  const [errors, setErrors] = useState<Record<string, string>>({});

  return (
    <Card withBorder>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          // Sent as typed: −5000 or an empty amount is refused by the server with a field error, never clamped.
          const sent = typeof amount === 'number' ? amount : amount.trim() === '' ? null : Number(amount);
          record.mutate(
            { amount: sent as number, method, ...(note.trim() ? { note: note.trim() } : {}) },
            { onSuccess: () => notifications.show({ color: 'teal', message: t('invoices.paymentRecorded') }), onError: (error) => setErrors(fieldErrors(error, t)) },
          );
        }}
      >
        <Stack gap="sm">
          <Title order={5}>{t('invoices.recordPayment')}</Title>
          <NumberInput
            label={t('invoices.amount')}
            value={amount}
            onChange={setAmount}
            prefix="Rp "
            thousandSeparator="."
            decimalSeparator=","
            allowDecimal={false}
            clampBehavior="none"
            error={overpaid ? t('invoices.overpayment', { remaining: String(invoice.remaining.toLocaleString('id-ID')) }) : errors.amount}
          />
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
          <Button type="submit" loading={record.isPending} disabled={overpaid}>
            {t('invoices.recordPayment')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

type GatewayProvider = 'midtrans' | 'xendit' | 'tripay';

/** "Buat tautan bayar" only where a payment provider is set up, offering only those that are. */
function PaymentLinkCard({ invoice }: { invoice: InvoiceDetail }) {
  const gateways = useActiveGateways();
  const providers = gateways.data?.providers ?? [];
  return providers.length > 0 ? <PaymentLinkForm key={providers.join()} invoice={invoice} providers={providers} /> : null;
}

function PaymentLinkForm({ invoice, providers }: { invoice: InvoiceDetail; providers: GatewayProvider[] }) {
  const t = useT();
  const [provider, setProvider] = useState<GatewayProvider>(providers[0]!);
  const create = usePaymentLink(invoice.id);
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Group align="flex-end" gap="xs">
          <Select
            label={t('invoices.provider')}
            value={provider}
            onChange={(value) => value && setProvider(value as typeof provider)}
            allowDeselect={false}
            data={providers.map((p) => ({ value: p, label: t(`gateway.provider.${p}`) }))}
            w={160}
          />
          <Button variant="light" onClick={() => create.mutate({ provider })} loading={create.isPending}>
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
  const voidInvoice = useVoidInvoice(invoice.id);
  return (
    <>
      <Button size="xs" variant="subtle" color="gray" onClick={open}>
        {t('invoices.void')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('invoices.void')}>
        <Stack>
          <Textarea label={t('common.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} />
          <Button color="red" disabled={reason.trim().length < 3} loading={voidInvoice.isPending} onClick={() => voidInvoice.mutate(
                { reason },
                {
                  onSuccess: () => {
                    notifications.show({ color: 'teal', message: t('invoices.voided') });
                    close();
                  },
                },
              )}>
            {t('invoices.void')}
          </Button>
        </Stack>
      </Modal>
    </>
  );
}
