import { Text } from '@mantine/core';
import { useT } from '../../i18n.tsx';

/** "used / max" of one limit, red and bold when the tenant is over it (highlight_tenant_over_limit). */
export function UsageText({ used, max, over }: { used: number | null; max: number | null | undefined; over: boolean }) {
  const t = useT();
  const limit = max === null || max === undefined ? '∞' : String(max);
  return (
    <Text size="sm" c={over ? 'red' : undefined} fw={over ? 700 : undefined} data-over={over ? 'true' : undefined}>
      {used === null ? limit : t('platform.usedOf', { used, max: limit })}
    </Text>
  );
}
