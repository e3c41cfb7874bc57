import { Button, Group } from '@mantine/core';
import type { paths } from '../api/schema.d.ts';
import { useT } from '../i18n.tsx';

/** The list exports (streamed CSV/XLSX); each takes the list's own filters. */
type ExportPath = Extract<keyof paths, `/api/exports/${string}`>;
type FiltersOf<P extends ExportPath> = Omit<NonNullable<paths[P]['get']['parameters']['query']>, 'format'>;

/**
 * "CSV" and "XLSX" download buttons for a list page: the file holds what the page's current
 * filters select (every page of it, not only the one shown). Plain links: the browser downloads
 * with the session cookie, and nothing big passes through the page's memory.
 */
export function ExportButtons<P extends ExportPath>({ path, filters }: { path: P; filters: FiltersOf<P> }) {
  const t = useT();
  const href = (format: 'csv' | 'xlsx') => {
    const query = new URLSearchParams({ format });
    for (const [key, value] of Object.entries(filters as Record<string, unknown>)) if (value !== undefined && value !== '') query.set(key, String(value));
    return `${path}?${query}`;
  };
  return (
    <Group gap={4} wrap="nowrap" role="group" aria-label={t('export.title')}>
      {(['csv', 'xlsx'] as const).map((format) => (
        <Button key={format} component="a" href={href(format)} download size="xs" variant="default" data-testid={`export-${format}`}>
          {t(`export.${format}`)}
        </Button>
      ))}
    </Group>
  );
}
