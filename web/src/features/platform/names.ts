import type { BodyOf } from '../../api/types.ts';

type AddonBody = BodyOf<'/api/platform/saas/addons', 'post'>;
export type LimitName = NonNullable<AddonBody['limitName']>;
export type FeatureName = NonNullable<AddonBody['feature']>;

/** What a plan limits and what it switches on, in the order the pages list them (the API's enums; typecheck keeps them in step). */
export const limitNames = ['customers', 'routers', 'staff', 'collectors', 'technicians', 'odps', 'whatsapp_messages', 'photo_storage_mb'] as const satisfies readonly LimitName[];
export const featureNames = ['radius', 'payment_gateways', 'collectors', 'ftth_maps', 'technicians', 'customer_portal', 'custom_domain', 'api_tokens'] as const satisfies readonly FeatureName[];

/** The limits the platform counts usage of (the rest are shown as the limit alone). */
export const countedLimits = ['customers', 'routers', 'staff'] as const satisfies readonly LimitName[];

export const limitKey = (name: LimitName) => `limit.${name}` as const;
export const featureKey = (name: FeatureName) => `feature.${name}` as const;
