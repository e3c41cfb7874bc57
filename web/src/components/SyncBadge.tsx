import { Badge } from '@mantine/core';
import { useT } from '../i18n.tsx';
import type { NetworkLine, Router } from '../api/types.ts';

const syncColor: Record<NetworkLine['status'], string> = { in_sync: 'teal', pending: 'yellow', failed: 'red' };
const healthColor: Record<Router['health'], string> = { ok: 'teal', failing: 'red', unknown: 'gray' };

export function SyncBadge({ status }: { status: NetworkLine['status'] }) {
  const t = useT();
  return (
    <Badge color={syncColor[status]} variant="light">
      {t(`sync.${status}`)}
    </Badge>
  );
}

export function HealthBadge({ health }: { health: Router['health'] }) {
  const t = useT();
  return (
    <Badge color={healthColor[health]} variant={health === 'failing' ? 'filled' : 'light'}>
      {t(`routers.health.${health}`)}
    </Badge>
  );
}
