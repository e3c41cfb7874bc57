/** Indonesia's three zones, by the names operators use (the `tenants.time_zone` check allows these). */
export const timeZones = { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' } as const;
export type TimeZone = (typeof timeZones)[keyof typeof timeZones];

/** The tenants module's tables; other modules read them only through the tenant directory. */
export type TenantsTables = {
  tenants: { id: string; slug: string; name: string; time_zone: TimeZone; status: 'active' | 'suspended'; created_at: Date };
  platform_tenant_summaries: {
    id: string;
    slug: string;
    name: string;
    time_zone: TimeZone;
    status: 'active' | 'suspended';
    staff_count: number;
    created_at: Date;
  };
};
