import { Button, Checkbox, Group, Modal, NumberInput, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { Router } from '../../api/types.ts';
import { fieldErrors } from '../../components/form-errors.ts';
import { useT } from '../../i18n.tsx';
import { useAddRouter, useUpdateRouter } from './queries.ts';

type Draft = { name: string; host: string; port: number | string; apiKind: Router['apiKind']; useTls: boolean; username: string; password: string };
const emptyRouter: Draft = { name: '', host: '', port: '', apiKind: 'routeros-api', useTls: false, username: '', password: '' };
const draftOf = (router: Router): Draft => ({ name: router.name, host: router.host, port: router.port ?? '', apiKind: router.apiKind, useTls: router.useTls, username: router.username, password: '' });

export function AddRouterButton() {
  const t = useT();
  const add = useAddRouter();
  return (
    <RouterFormButton
      label={t('routers.add')}
      variant="filled"
      initial={emptyRouter}
      mutation={add}
      save={(draft, done) =>
        add.mutate(
          { name: draft.name, host: draft.host, port: draft.port === '' ? null : Number(draft.port), apiKind: draft.apiKind, useTls: draft.useTls, username: draft.username, password: draft.password },
          { onSuccess: (router) => done(t('routers.added', { name: router.name })) },
        )
      }
    />
  );
}

/**
 * Name, address, API kind and credentials of a router. The password is kept when left empty, as
 * long as the address stays: a router moved to another address needs its password typed again
 * (the API refuses with ROUTER_PASSWORD_REQUIRED, shown at the password field).
 */
export function EditRouterButton({ router }: { router: Router }) {
  const t = useT();
  const update = useUpdateRouter(router.id);
  return (
    <RouterFormButton
      label={t('routers.edit')}
      variant="subtle"
      title={`${t('routers.edit')} · ${router.name}`}
      initial={draftOf(router)}
      saved={router}
      mutation={update}
      save={(draft, done) =>
        update.mutate(
          {
            name: draft.name,
            host: draft.host,
            port: draft.port === '' ? null : Number(draft.port),
            apiKind: draft.apiKind,
            useTls: draft.useTls,
            username: draft.username,
            ...(draft.password ? { password: draft.password } : {}),
          },
          { onSuccess: (saved) => done(t('routers.saved', { name: saved.name })) },
        )
      }
    />
  );
}

function RouterFormButton(props: {
  label: string;
  title?: string;
  variant: 'filled' | 'subtle';
  initial: Draft;
  saved?: Router;
  mutation: { isPending: boolean; error: Error | null; reset: () => void };
  save: (draft: Draft, done: (message: string) => void) => void;
}) {
  const t = useT();
  const [opened, { open, close }] = useDisclosure();
  const [form, setForm] = useState(props.initial);
  const errors = fieldErrors(props.mutation.error, t);
  const moved = props.saved !== undefined && (form.host !== props.saved.host || String(form.port) !== String(props.saved.port ?? ''));
  const text = (key: 'name' | 'host' | 'username') => ({ value: form[key], onChange: (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value }), error: errors[key] });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.save(form, (message) => {
      notifications.show({ color: 'teal', message });
      close();
    });
  };
  return (
    <>
      <Button
        size="xs"
        variant={props.variant}
        onClick={() => {
          setForm(props.initial);
          props.mutation.reset();
          open();
        }}
      >
        {props.label}
      </Button>
      <Modal opened={opened} onClose={close} title={props.title ?? props.label}>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <TextInput label={t('routers.name')} withAsterisk {...text('name')} />
            <Group grow align="flex-start">
              <TextInput label={t('routers.host')} withAsterisk {...text('host')} />
              <NumberInput label={t('routers.port')} clampBehavior="none" allowDecimal={false} value={form.port} onChange={(port) => setForm({ ...form, port })} error={errors.port} />
            </Group>
            <Select
              label={t('routers.apiKind')}
              allowDeselect={false}
              value={form.apiKind}
              onChange={(apiKind) => apiKind && setForm({ ...form, apiKind: apiKind as Router['apiKind'] })}
              data={[
                { value: 'routeros-api', label: t('routers.apiKind.routeros-api') },
                { value: 'rest', label: t('routers.apiKind.rest') },
              ]}
            />
            <Checkbox label="TLS" checked={form.useTls} onChange={(e) => setForm({ ...form, useTls: e.currentTarget.checked })} />
            <TextInput label={t('routers.username')} withAsterisk {...text('username')} />
            <PasswordInput
              label={t('login.password')}
              withAsterisk={!props.saved || moved}
              description={props.saved ? t(moved ? 'routers.passwordAgain' : 'routers.passwordKept') : undefined}
              value={form.password}
              onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
              error={errors.password}
            />
            <Button type="submit" loading={props.mutation.isPending}>
              {t('common.save')}
            </Button>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
