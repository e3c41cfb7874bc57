import { Button, Card, Checkbox, FileInput, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { DataTable } from '../../components/DataTable.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useT } from '../../i18n.tsx';
import { useFormat } from '../../session.tsx';
import { CollectionsNav } from './CollectionsNav.tsx';
import { useDeposits, useHandovers, useOfficeMutation } from './queries.ts';

const proofTypes = ['image/jpeg', 'image/png', 'application/pdf'] as const;
type ProofType = (typeof proofTypes)[number];

const base64Of = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '');
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

/** Finance's deposit screen: the confirmed handovers not yet banked, and the bank slip that covers them. */
export function DepositPage() {
  const t = useT();
  const format = useFormat();
  const ready = useHandovers({ undeposited: true });
  const deposits = useDeposits();
  const [picked, setPicked] = useState<string[]>([]);
  const [bank, setBank] = useState('');
  const [reference, setReference] = useState('');
  const [depositedOn, setDepositedOn] = useState(format.localDay(new Date()));
  const [proof, setProof] = useState<File | null>(null);
  const deposit = useOfficeMutation<{ handoverIds: string[]; bank: string; reference: string; depositedOn: string; proof: { contentType: ProofType; dataBase64: string } }>(() => '/api/collectors/deposits');
  const total = (ready.data ?? []).filter((h) => picked.includes(h.id)).reduce((s, h) => s + h.kept, 0);
  const proofOk = proof !== null && (proofTypes as readonly string[]).includes(proof.type) && proof.size <= 1024 * 1024;

  const submit = async () => {
    if (!proof) return;
    deposit.mutate(
      { handoverIds: picked, bank: bank.trim(), reference: reference.trim(), depositedOn, proof: { contentType: proof.type as ProofType, dataBase64: await base64Of(proof) } },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('deposit.recorded') });
          setPicked([]);
          setReference('');
          setProof(null);
        },
      },
    );
  };

  return (
    <Stack>
      <PageTitle>{t('collections.title')}</PageTitle>
      <CollectionsNav />
      <Card withBorder>
        <Title order={4} mb="sm">
          {t('deposit.ready')}
        </Title>
        <QueryState query={ready}>
          {(rows) => (
            <DataTable
              rows={rows}
              rowKey={(h) => h.id}
              columns={[
                {
                  header: '',
                  cell: (h) => (
                    <Checkbox aria-label={h.number} checked={picked.includes(h.id)} onChange={(e) => setPicked(e.currentTarget.checked ? [...picked, h.id] : picked.filter((id) => id !== h.id))} />
                  ),
                },
                { header: t('collections.handover'), cell: (h) => h.number },
                { header: t('collections.when'), cell: (h) => format.dateTime(h.confirmedAt) },
                { header: t('collections.status'), cell: (h) => t(`handover.${h.status}`) },
                { header: t('deposit.cash'), cell: (h) => format.money(h.kept), align: 'right' },
              ]}
              empty={t('deposit.nothingReady')}
            />
          )}
        </QueryState>
      </Card>
      <Card withBorder>
        <Stack>
          <Text fw={700} data-testid="deposit-total">
            {t('deposit.total', { amount: format.money(total) })}
          </Text>
          <Group grow align="flex-start" wrap="wrap">
            <TextInput label={t('deposit.bank')} value={bank} onChange={(e) => setBank(e.currentTarget.value)} required />
            <TextInput label={t('deposit.reference')} value={reference} onChange={(e) => setReference(e.currentTarget.value)} required />
            <TextInput type="date" label={t('deposit.date')} value={depositedOn} onChange={(e) => setDepositedOn(e.currentTarget.value)} required />
          </Group>
          <FileInput label={t('deposit.proof')} description={t('deposit.proofHint')} accept={proofTypes.join(',')} value={proof} onChange={setProof} error={proof && !proofOk ? t('deposit.proofInvalid') : undefined} clearable />
          <Group>
            <Button onClick={() => void submit()} loading={deposit.isPending} disabled={picked.length === 0 || !bank.trim() || !reference.trim() || !proofOk}>
              {t('deposit.confirm')}
            </Button>
          </Group>
        </Stack>
      </Card>
      <Card withBorder>
        <Title order={4} mb="sm">
          {t('deposit.history')}
        </Title>
        <QueryState query={deposits}>
          {(rows) => (
            <DataTable
              rows={rows}
              rowKey={(d) => d.id}
              columns={[
                { header: t('deposit.number'), cell: (d) => d.number },
                { header: t('deposit.date'), cell: (d) => format.date(d.depositedOn) },
                { header: t('deposit.bank'), cell: (d) => `${d.bank} · ${d.reference}` },
                { header: t('invoices.amount'), cell: (d) => format.money(d.amount), align: 'right' },
                {
                  header: t('deposit.proof'),
                  cell: (d) => (
                    <a href={`/api/collectors/deposits/${d.id}/proof`} target="_blank" rel="noreferrer">
                      {t('deposit.viewProof')}
                    </a>
                  ),
                },
              ]}
            />
          )}
        </QueryState>
      </Card>
    </Stack>
  );
}
