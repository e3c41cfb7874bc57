import { Badge, Card, Group, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { DataTable } from '../../components/DataTable.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useT, useTranslatedCode } from '../../i18n.tsx';
import { useFormat } from '../../session.tsx';
import { useStaff } from '../staff/queries.ts';
import { useAudit } from './queries.ts';

/** The action's name in the person's language; an action the console doesn't know yet shows its code. */
export function useAuditAction() {
  const translated = useTranslatedCode();
  return (action: string) => translated(`audit.action.${action}`, action);
}

const colorOf = (action: string) => (action.endsWith('failed') ? 'red' : action.startsWith('login') || action === 'logout' ? 'gray' : 'cyan');

/** Security events of the tenant (logins, staff changes, tokens, provider changes), newest first, for owners and admins. */
export function AuditPage() {
  const t = useT();
  const format = useFormat();
  const actionName = useAuditAction();
  const audit = useAudit();
  const staff = useStaff();
  const [action, setAction] = useState<string | null>(null);
  const [person, setPerson] = useState<string | null>(null);
  const memberName = (userId: string) => staff.data?.find((m) => m.userId === userId)?.name;
  // Not (or no longer) staff here: the platform operator who made the tenant, or someone who left.
  const nameOf = (userId: string | null) => (userId === null ? t('audit.system') : (memberName(userId) ?? t('audit.otherAccount')));

  return (
    <Stack>
      <PageTitle>{t('audit.title')}</PageTitle>
      <QueryState query={audit}>
        {(entries) => {
          const actions = [...new Set(entries.map((e) => e.action))].sort();
          const people = [...new Set(entries.map((e) => e.actorUserId ?? ''))];
          const shown = entries.filter((e) => (!action || e.action === action) && (person === null || (e.actorUserId ?? '') === person));
          return (
            <>
              <Group gap="sm" wrap="wrap">
                <Select
                  label={t('audit.action')}
                  w={260}
                  clearable
                  placeholder={t('common.all')}
                  value={action}
                  onChange={setAction}
                  data={actions.map((a) => ({ value: a, label: actionName(a) }))}
                />
                <Select
                  label={t('audit.person')}
                  w={260}
                  clearable
                  placeholder={t('common.all')}
                  value={person}
                  onChange={setPerson}
                  data={people.map((p) => ({ value: p, label: nameOf(p || null) }))}
                />
              </Group>
              <Card withBorder>
                <DataTable
                  rows={shown}
                  rowKey={(entry) => entry.id}
                  rowProps={(entry) => ({ 'data-audit': entry.action })}
                  columns={[
                    { header: t('payment.when'), cell: (entry) => format.dateTime(entry.createdAt) },
                    { header: t('audit.person'), cell: (entry) => nameOf(entry.actorUserId) },
                    {
                      header: t('audit.action'),
                      cell: (entry) => (
                        <Badge variant="light" color={colorOf(entry.action)}>
                          {actionName(entry.action)}
                        </Badge>
                      ),
                    },
                    {
                      header: t('audit.subject'),
                      cell: (entry) => (
                        <>
                          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                            {entry.subject ? (memberName(entry.subject) ?? entry.subject) : '—'}
                          </Text>
                          {entry.ip && (
                            <Text size="xs" c="dimmed">
                              IP {entry.ip}
                            </Text>
                          )}
                        </>
                      ),
                    },
                  ]}
                />
              </Card>
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}
