import { Alert, Badge, Button, Card, Code, CopyButton, Grid, Group, MultiSelect, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { Role } from '../../api/types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { fieldErrors } from '../../components/form-errors.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useT } from '../../i18n.tsx';
import { useFormat, useSession } from '../../session.tsx';
import { useInvitations, useInvite, useRevokeInvitation, useStaff, useUpdateStaff } from './queries.ts';

/** Every role, in the order a person reads them; `satisfies` keeps the list to the API's roles. */
export const roles = Object.keys({ owner: 0, admin: 0, finance: 0, collector: 0, technician: 0 } satisfies Record<Role, 0>) as Role[];

/** Staff of the tenant: who works here with which roles, pending invitations, and a new invitation. */
export function StaffPage() {
  const t = useT();
  return (
    <Stack>
      <PageTitle>{t('staff.title')}</PageTitle>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack>
            <Card withBorder>
              <Title order={4} mb="sm">
                {t('staff.members')}
              </Title>
              <Members />
            </Card>
            <Card withBorder>
              <Title order={4} mb="sm">
                {t('staff.pending')}
              </Title>
              <PendingInvitations />
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <InviteForm />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function RoleBadges({ list }: { list: readonly Role[] }) {
  const t = useT();
  return (
    <Group gap={4} justify="flex-end" wrap="wrap">
      {list.map((role) => (
        <Badge key={role} variant="light" size="sm">
          {t(`role.${role}`)}
        </Badge>
      ))}
    </Group>
  );
}

function Members() {
  const t = useT();
  const me = useSession();
  const staff = useStaff();
  const update = useUpdateStaff();
  const roleOptions = roles.map((role) => ({ value: role, label: t(`role.${role}`) }));
  return (
    <QueryState query={staff}>
      {(list) => (
        <DataTable
          rows={list}
          rowKey={(member) => member.userId}
          rowProps={(member) => ({ 'data-staff': member.email, 'data-staff-status': member.status })}
          minWidth={560}
          columns={[
            {
              header: t('staff.name'),
              cell: (member) => (
                <>
                  <Text size="sm" fw={500}>
                    {member.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {member.email}
                  </Text>
                </>
              ),
            },
            {
              header: t('staff.roles'),
              cell: (member) => (
                <MultiSelect
                  aria-label={t('staff.rolesOf', { name: member.name })}
                  data={roleOptions}
                  value={member.roles}
                  searchable
                  disabled={member.userId === me.user.id}
                  onChange={(next) =>
                    next.length > 0 &&
                    update.mutate(
                      { userId: member.userId, roles: next as Role[] },
                      { onSuccess: (saved) => notifications.show({ color: 'teal', message: t('staff.rolesSaved', { name: saved.name }) }) },
                    )
                  }
                  w={240}
                />
              ),
            },
            {
              header: t('staff.status'),
              cell: (member) => (
                <Switch
                  aria-label={t('staff.activeOf', { name: member.name })}
                  label={t(`staffStatus.${member.status}`)}
                  checked={member.status === 'active'}
                  disabled={member.userId === me.user.id}
                  onChange={(e) =>
                    update.mutate(
                      { userId: member.userId, status: e.currentTarget.checked ? 'active' : 'disabled' },
                      { onSuccess: (saved) => notifications.show({ color: 'teal', message: t(saved.status === 'active' ? 'staff.enabledNow' : 'staff.disabledNow', { name: saved.name }) }) },
                    )
                  }
                />
              ),
            },
          ]}
        />
      )}
    </QueryState>
  );
}

function PendingInvitations() {
  const t = useT();
  const format = useFormat();
  const invitations = useInvitations();
  const revoke = useRevokeInvitation();
  return (
    <QueryState query={invitations}>
      {(list) => (
        <DataTable
          rows={list}
          rowKey={(invitation) => invitation.id}
          rowProps={(invitation) => ({ 'data-invitation': invitation.email })}
          empty={t('staff.noPending')}
          columns={[
            {
              header: t('staff.name'),
              cell: (invitation) => (
                <>
                  <Text size="sm">{invitation.name}</Text>
                  <Text size="xs" c="dimmed">
                    {invitation.email}
                  </Text>
                </>
              ),
            },
            { header: t('staff.roles'), cell: (invitation) => <RoleBadges list={invitation.roles} /> },
            { header: t('staff.expires'), cell: (invitation) => format.dateTime(invitation.expiresAt) },
            {
              header: null,
              cell: (invitation) => (
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  loading={revoke.isPending && revoke.variables === invitation.id}
                  onClick={() => revoke.mutate(invitation.id, { onSuccess: () => notifications.show({ color: 'teal', message: t('staff.revoked', { email: invitation.email }) }) })}
                >
                  {t('staff.revoke')}
                </Button>
              ),
            },
          ]}
        />
      )}
    </QueryState>
  );
}

const emptyInvite = { name: '', email: '', phone: '', roles: [] as Role[] };

/** The answer's token is shown once, as a link to copy and pass on (WhatsApp, in person). */
function InviteForm() {
  const t = useT();
  const [form, setForm] = useState(emptyInvite);
  const [link, setLink] = useState<{ url: string; email: string } | null>(null);
  const invite = useInvite();
  const errors = fieldErrors(invite.error, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate(
      { name: form.name.trim(), email: form.email.trim(), roles: form.roles, ...(form.phone.trim() ? { phone: form.phone.trim() } : {}) },
      {
        onSuccess: (invitation) => {
          setLink({ url: `${window.location.origin}/invitation?token=${encodeURIComponent(invitation.token)}`, email: invitation.email });
          setForm(emptyInvite);
        },
      },
    );
  };
  return (
    <Card withBorder>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={4}>{t('staff.invite')}</Title>
          <TextInput label={t('staff.name')} value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} error={errors.name} withAsterisk />
          <TextInput label={t('login.email')} value={form.email} onChange={(e) => setForm({ ...form, email: e.currentTarget.value })} error={errors.email} withAsterisk />
          <TextInput label={t('staff.phone')} value={form.phone} onChange={(e) => setForm({ ...form, phone: e.currentTarget.value })} error={errors.phone} />
          <MultiSelect
            label={t('staff.roles')}
            data={roles.map((role) => ({ value: role, label: t(`role.${role}`) }))}
            value={form.roles}
            searchable
            onChange={(next) => setForm({ ...form, roles: next as Role[] })}
            error={errors.roles}
            withAsterisk
          />
          <Button type="submit" loading={invite.isPending}>
            {t('staff.sendInvite')}
          </Button>
          {link && (
            <Alert color="teal" title={t('staff.linkTitle', { email: link.email })} data-testid="invitation-link">
              <Stack gap="xs">
                <Text size="sm">{t('staff.linkOnce')}</Text>
                <Code block style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }} data-testid="invitation-url">
                  {link.url}
                </Code>
                <CopyButton value={link.url}>
                  {({ copied, copy }) => (
                    <Button size="xs" variant="light" color={copied ? 'teal' : undefined} onClick={copy}>
                      {t(copied ? 'gateway.copied' : 'gateway.copy')}
                    </Button>
                  )}
                </CopyButton>
              </Stack>
            </Alert>
          )}
        </Stack>
      </form>
    </Card>
  );
}
