import { Badge, Group, Text } from '@mantine/core';
import { useT } from '../../i18n.tsx';
import { useSessions } from './queries.ts';
import { useFormat } from '../../session.tsx';

/**
 * Online now, from the customer's RADIUS session log: the newest login or logout decides. A live
 * `network.customer.online/offline` event refreshes it (live.ts). Nothing shown without RADIUS.
 */
export function OnlineStatus({ customerId }: { customerId: string }) {
  const t = useT();
  const format = useFormat();
  const sessions = useSessions(customerId);
  const last = sessions.data?.find((entry) => entry.kind !== 'auth_rejected');
  if (!last) return null;
  const online = last.kind === 'session_started' && last.endedAt === null;
  return (
    <Group gap="xs" mb="sm" data-testid="online-status" data-online={online}>
      <Badge color={online ? 'teal' : 'gray'} variant="dot">
        {t(online ? 'session.online' : 'session.offline')}
      </Badge>
      <Text size="sm" c="dimmed">
        {online
          ? t('session.onlineSince', { at: format.dateTime(last.at), ip: last.framedIpAddress ?? '—' })
          : t('session.offlineSince', { at: format.dateTime(last.endedAt ?? last.at) })}
      </Text>
    </Group>
  );
}
