import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../api.ts';
import { queryKeys } from '../../query-keys.ts';

export const useAgingReport = () => useQuery({ queryKey: queryKeys.reports.aging, queryFn: () => unwrap(client.GET('/api/reports/aging')) });

export const useIncomeReport = (groupBy: 'day' | 'month') =>
  useQuery({ queryKey: queryKeys.reports.income(groupBy), queryFn: () => unwrap(client.GET('/api/reports/income', { params: { query: { groupBy } } })) });
