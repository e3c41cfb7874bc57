import { Badge, Button, Card, Grid, Group, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ApiError } from '../../api.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { useT } from '../../i18n.tsx';
import { useCan } from '../../session.tsx';
import { useResetTemplate, useSaveTemplate, useTemplatePreview, useTemplates, type Language, type Template } from './queries.ts';

/** The text of each notification kind, per language: the tenant's own or the default, with a live preview. */
export function Templates() {
  const t = useT();
  const templates = useTemplates();
  const [kind, setKind] = useState<string | null>(null);
  const [language, setLanguage] = useState<Language>('id');

  return (
    <QueryState query={templates}>
      {(list) => {
        const template = list.find((entry) => entry.kind === kind) ?? list[0];
        if (!template) return <Text c="dimmed">{t('common.empty')}</Text>;
        return (
          <Stack>
            <Group align="flex-end" gap="sm" wrap="wrap">
              <Select
                label={t('wa.kind')}
                searchable
                allowDeselect={false}
                value={template.kind}
                onChange={setKind}
                data={list.map((entry) => ({ value: entry.kind, label: entry.kind }))}
                w={300}
              />
              <SegmentedControl
                aria-label={t('wa.language')}
                value={language}
                onChange={(value) => setLanguage(value as Language)}
                data={[
                  { value: 'id', label: 'Bahasa Indonesia' },
                  { value: 'en', label: 'English' },
                ]}
              />
            </Group>
            <TemplateEditor key={`${template.kind}:${language}:${template.texts[language].body}`} template={template} language={language} />
          </Stack>
        );
      }}
    </QueryState>
  );
}

function TemplateEditor({ template, language }: { template: Template; language: Language }) {
  const t = useT();
  const can = useCan();
  const saved = template.texts[language];
  const [body, setBody] = useState(saved.body);
  const [debouncedBody] = useDebouncedValue(body, 300);
  const preview = useTemplatePreview(template.kind, language, debouncedBody);
  const save = useSaveTemplate(template.kind);
  const reset = useResetTemplate(template.kind);
  const runSave = () => save.mutate({ language, body }, { onSuccess: () => notifications.show({ color: 'teal', message: t('wa.templateSaved') }) });
  const insert = (variable: string) => setBody((current) => `${current}{{${variable}}}`);

  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Card withBorder>
          <Stack gap="sm">
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                {t('wa.audiences')}:
              </Text>
              {template.audiences.map((audience) => (
                <Badge key={audience} variant="outline" size="sm">
                  {audience}
                </Badge>
              ))}
              {template.urgent && (
                <Badge color="red" variant="light" size="sm">
                  {t('wa.urgent')}
                </Badge>
              )}
              <Badge color={saved.isDefault ? 'gray' : 'cyan'} variant="light" size="sm">
                {t(saved.isDefault ? 'wa.defaultText' : 'wa.ownText')}
              </Badge>
            </Group>
            <Textarea
              label={t('wa.text')}
              autosize
              minRows={6}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              error={save.error instanceof ApiError ? save.error.message : undefined}
              readOnly={!can('notifications.manage')}
            />
            <div>
              <Text size="xs" c="dimmed" mb={4}>
                {t('wa.variables')}
              </Text>
              <Group gap={4}>
                {template.variables.map((variable) => (
                  <Button key={variable} size="compact-xs" variant="default" ff="monospace" onClick={() => insert(variable)} disabled={!can('notifications.manage')}>
                    {`{{${variable}}}`}
                  </Button>
                ))}
              </Group>
            </div>
            {can('notifications.manage') && (
              <Group gap="xs">
                <Button onClick={runSave} loading={save.isPending} disabled={body === saved.body}>
                  {t('common.save')}
                </Button>
                {!saved.isDefault && (
                  <Button variant="subtle" color="gray" onClick={() => reset.mutate(language)} loading={reset.isPending}>
                    {t('wa.useDefault')}
                  </Button>
                )}
              </Group>
            )}
          </Stack>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Card withBorder bg="teal.0" data-testid="template-preview">
          <Text size="sm" fw={500} mb="xs">
            {t('wa.preview')}
          </Text>
          {preview.data?.problem ? (
            <Text size="sm" c="red" role="alert">
              {preview.data.problem}
            </Text>
          ) : (
            <Card radius="md" padding="sm" shadow="xs" maw={420}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {preview.data?.text ?? '…'}
              </Text>
            </Card>
          )}
        </Card>
      </Grid.Col>
    </Grid>
  );
}
