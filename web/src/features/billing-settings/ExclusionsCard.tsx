import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { DataTable } from '../../components/DataTable.tsx';
import { fieldErrors } from '../../components/form-errors.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { useT } from '../../i18n.tsx';
import { useCan, useFormat } from '../../session.tsx';
import { useAddExclusion, useExclusions, useRemoveExclusion } from './queries.ts';

/** Days on which the daily scan isolates nobody (public holidays, Lebaran): listed, added, removed. */
export function ExclusionsCard() {
  const t = useT();
  const can = useCan();
  const format = useFormat();
  const exclusions = useExclusions();
  const add = useAddExclusion();
  const remove = useRemoveExclusion();
  const [day, setDay] = useState('');
  const [reason, setReason] = useState('');
  const errors = fieldErrors(add.error, t);
  const manages = can('billing.configure');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { day, reason: reason.trim() },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', message: t('exclusions.added', { day: format.date(saved.day) }) });
          setDay('');
          setReason('');
        },
      },
    );
  };
  return (
    <Card withBorder data-testid="exclusions">
      <Stack gap="sm">
        <Title order={4}>{t('exclusions.title')}</Title>
        <Text size="xs" c="dimmed">
          {t('exclusions.hint')}
        </Text>
        <QueryState query={exclusions}>
          {(list) => (
            <DataTable
              rows={list}
              rowKey={(entry) => entry.day}
              rowProps={(entry) => ({ 'data-exclusion': entry.day })}
              minWidth={360}
              empty={t('exclusions.none')}
              columns={[
                { header: t('exclusions.day'), cell: (entry) => format.date(entry.day) },
                { header: t('common.reason'), cell: (entry) => entry.reason },
                {
                  header: null,
                  hidden: !manages,
                  cell: (entry) => (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      loading={remove.isPending && remove.variables === entry.day}
                      onClick={() => remove.mutate(entry.day, { onSuccess: () => notifications.show({ color: 'teal', message: t('exclusions.removed', { day: format.date(entry.day) }) }) })}
                    >
                      {t('exclusions.remove')}
                    </Button>
                  ),
                },
              ]}
            />
          )}
        </QueryState>
        {manages && (
          <form onSubmit={submit} noValidate>
            <Group align="flex-start" gap="sm" wrap="wrap">
              <TextInput type="date" label={t('exclusions.day')} value={day} onChange={(e) => setDay(e.currentTarget.value)} error={errors.day} w={170} />
              <TextInput label={t('common.reason')} placeholder={t('exclusions.reasonExample')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} style={{ flex: 1, minWidth: 160 }} />
              <Button type="submit" mt={24} loading={add.isPending} disabled={!day}>
                {t('exclusions.add')}
              </Button>
            </Group>
          </form>
        )}
      </Stack>
    </Card>
  );
}
