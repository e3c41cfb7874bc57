import { Alert, Anchor, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../api.ts';
import { fieldErrors } from '../../components/form-errors.ts';
import { useT } from '../../i18n.tsx';
import { messageOf } from '../../query-provider.tsx';
import { queryKeys } from '../../query-keys.ts';
import { useMe } from '../../session.tsx';
import { useAcceptInvitation } from '../staff/queries.ts';

/**
 * The one-time link of an invitation (`/invitation?token=…`). Not logged in, the invited person
 * chooses a password and their account is made; logged in, the invitation joins their account.
 */
export function AcceptInvitationPage() {
  const t = useT();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const [password, setPassword] = useState('');
  const accept = useAcceptInvitation();
  const errors = fieldErrors(accept.error, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    accept.mutate(me ? { token } : { token, password }, { onSuccess: () => (me ? queryClient.invalidateQueries({ queryKey: queryKeys.me }) : undefined) });
  };
  return (
    <Center mih="80vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420}>
        {accept.isSuccess ? (
          <Stack>
            <Title order={4}>{t('invite.joined')}</Title>
            <Text size="sm">{t(me ? 'invite.joinedHint' : 'invite.loginNow')}</Text>
            <Anchor component={Link} to="/">
              {t(me ? 'common.back' : 'login.submit')}
            </Anchor>
          </Stack>
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack>
              <Title order={4}>{t('invite.title')}</Title>
              <Text size="sm" c="dimmed">
                {t(me ? 'invite.asYou' : 'invite.choosePassword', { email: me?.user.email ?? '' })}
              </Text>
              {!me && (
                <PasswordInput label={t('login.password')} autoComplete="new-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={errors.password} />
              )}
              {accept.error && !errors.password && (
                <Alert color="red" role="alert">
                  {accept.error instanceof ApiError && accept.error.code === 'NOT_FOUND' ? t('invite.invalid') : messageOf(accept.error, t)}
                </Alert>
              )}
              <Button type="submit" loading={accept.isPending} disabled={!token}>
                {t('invite.accept')}
              </Button>
            </Stack>
          </form>
        )}
      </Paper>
    </Center>
  );
}
