import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../api.ts';
import { queryKeys } from '../../query-keys.ts';

/** The router's walled-garden script: plain text (GET /api/portal/router-script), fetched while the dialog is open. */
export const useRouterScript = (routerId: string, enabled: boolean) =>
  useQuery({
    queryKey: queryKeys.routers.script(routerId),
    enabled,
    queryFn: async () => {
      const response = await fetch(`/api/portal/router-script?routerId=${encodeURIComponent(routerId)}`, { credentials: 'same-origin', headers: { accept: 'text/plain' } });
      const text = await response.text();
      if (!response.ok) {
        const error = (JSON.parse(text) as { error?: { code?: string; message?: string } }).error;
        throw new ApiError(response.status, error?.code ?? `HTTP_${response.status}`, error?.message ?? response.statusText);
      }
      return text;
    },
  });
