import { z } from 'zod';
import type { HttpServer } from '../../platform/http/server.ts';
import { requireSuperAdmin } from '../identity/index.ts';
import { waProviders } from './gateways/index.ts';
import type { NotificationsService } from './notifications.service.ts';

const Provider = z.enum(waProviders);
const CatalogEntrySchema = z.object({ provider: Provider, enabled: z.boolean(), isDefault: z.boolean(), hasPlatformAccount: z.boolean(), sender: z.string().nullable() });

/** Super admin: which providers tenants may use, and the platform default with its own account. */
export const waProvidersRoutes = (notifications: NotificationsService) => async (app: HttpServer) => {
  app.get(
    '/api/platform/wa-providers',
    { schema: { tags: ['platform'], summary: 'Super admin: the WhatsApp provider catalog', response: { 200: z.array(CatalogEntrySchema) } } },
    async (request) => {
      requireSuperAdmin(request);
      return notifications.listCatalog();
    },
  );
  app.put(
    '/api/platform/wa-providers/:provider',
    {
      schema: {
        tags: ['platform'],
        summary: 'Super admin: offer or withdraw a provider, make it the default, set the platform account',
        params: z.object({ provider: Provider }),
        body: z
          .object({
            enabled: z.boolean().optional(),
            isDefault: z.boolean().optional(),
            config: z.record(z.string(), z.unknown()).nullable().optional(),
            sender: z.string().max(40).nullable().optional(),
          })
          .strict(),
        response: { 200: CatalogEntrySchema },
      },
    },
    async (request) => notifications.updateCatalogEntry(requireSuperAdmin(request).userId, request.params.provider, request.body),
  );
};
