import { Badge } from '@mantine/core';
import { useT } from '../i18n.tsx';
import type { InvoiceStatus, LineState } from '../api/types.ts';

const statusColor: Record<InvoiceStatus, string> = {
  unpaid: 'orange',
  awaiting_setoran: 'yellow',
  setoran_confirmed: 'lime',
  paid: 'teal',
  void: 'gray',
};

export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  const t = useT();
  return (
    <Badge color={statusColor[status]} variant="light" data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}

/** The desired state of a customer's line; `null` when nothing was ever recorded (active). */
export function LineBadge({ state }: { state: LineState | null | undefined }) {
  const t = useT();
  const value = state ?? 'active';
  return (
    <Badge color={value === 'isolated' ? 'red' : 'teal'} variant={value === 'isolated' ? 'filled' : 'light'} data-line={value}>
      {t(`line.${value}`)}
    </Badge>
  );
}
