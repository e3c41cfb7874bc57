import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../api.ts';
import { queryKeys } from '../../query-keys.ts';

export const useAudit = (limit = 500) => useQuery({ queryKey: queryKeys.audit.list(limit), queryFn: () => unwrap(client.GET('/api/audit', { params: { query: { limit } } })) });
