import { Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { QueryState } from '../../components/QueryState.tsx';
import { useT } from '../../i18n.tsx';
import type { Router } from '../../api/types.ts';
import { useRouterScript } from './queries.ts';

/** "Skrip isolir": the RouterOS walled garden for this router, to copy into its terminal. */
export function RouterScriptButton({ router }: { router: Router }) {
  const t = useT();
  const [opened, { open, close }] = useDisclosure();
  const script = useRouterScript(router.id, opened);
  return (
    <>
      <Button size="xs" variant="subtle" onClick={open}>
        {t('portal.routerScript')}
      </Button>
      <Modal opened={opened} onClose={close} size="xl" title={`${t('portal.routerScript.title')} · ${router.name}`}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('portal.routerScript.hint', { list: router.isolationAddressList })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('portal.routerScript.https')}
          </Text>
          <QueryState query={script}>
            {(text) => (
              <Stack gap="xs">
                <Group justify="flex-end">
                  <CopyButton value={text}>
                    {({ copied, copy }) => (
                      <Button size="xs" color={copied ? 'teal' : undefined} onClick={copy}>
                        {copied ? t('portal.routerScript.copied') : t('portal.routerScript.copy')}
                      </Button>
                    )}
                  </CopyButton>
                </Group>
                <Code block data-testid="router-script" style={{ maxHeight: '55vh', overflow: 'auto', whiteSpace: 'pre', fontSize: 12 }}>
                  {text}
                </Code>
              </Stack>
            )}
          </QueryState>
        </Stack>
      </Modal>
    </>
  );
}
