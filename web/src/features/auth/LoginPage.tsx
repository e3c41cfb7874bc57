import { Button, Center, Paper, PasswordInput, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useI18n, type Language } from '../../i18n.tsx';
import { useLogin } from '../../session.tsx';

export function LoginPage() {
  const { t, language, setLanguage } = useI18n();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ email: email.trim(), password });
  };

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={380}>
        <form onSubmit={submit}>
          <Stack>
            <div>
              <Title order={2} c="cyan.8">
                {t('app.name')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('app.tagline')}
              </Text>
            </div>
            <Title order={4}>{t('login.title')}</Title>
            <TextInput label={t('login.email')} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
            <PasswordInput label={t('login.password')} autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
            {login.error && (
              <Text c="red" size="sm" role="alert">
                {login.error.message}
              </Text>
            )}
            <Button type="submit" loading={login.isPending}>
              {t('login.submit')}
            </Button>
            <SegmentedControl
              size="xs"
              value={language}
              onChange={(value) => setLanguage(value as Language)}
              data={[
                { value: 'id', label: 'Bahasa Indonesia' },
                { value: 'en', label: 'English' },
              ]}
            />
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
