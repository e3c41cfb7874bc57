import type { Generated } from 'kysely';

export const staffRoles = ['owner', 'admin', 'finance', 'collector', 'technician'] as const;
export type StaffRole = (typeof staffRoles)[number];

export interface IdentityTables {
  identity_users: {
    id: string;
    email: string;
    name: string;
    phone: string | null;
    password_hash: string;
    is_super_admin: Generated<boolean>;
    status: Generated<'active' | 'disabled'>;
    password_changed_at: Generated<Date>;
    created_at: Generated<Date>;
  };
  identity_memberships: {
    id: string;
    tenant_id: string;
    user_id: string;
    roles: StaffRole[];
    status: Generated<'active' | 'disabled'>;
    created_at: Generated<Date>;
  };
  identity_sessions: {
    id: string;
    token_hash: string;
    user_id: string;
    active_tenant_id: string | null;
    created_at: Date;
    last_seen_at: Date;
    expires_at: Date;
    ip: string | null;
    user_agent: string | null;
  };
  identity_api_tokens: {
    id: string;
    tenant_id: string;
    created_by: string;
    name: string;
    token_hash: string;
    roles: StaffRole[];
    created_at: Date;
    last_used_at: Date | null;
    revoked_at: Date | null;
  };
  identity_invitations: {
    id: string;
    tenant_id: string;
    email: string;
    name: string;
    phone: string | null;
    roles: StaffRole[];
    token_hash: string;
    invited_by: string;
    created_at: Date;
    expires_at: Date;
    accepted_at: Date | null;
    accepted_by: string | null;
    revoked_at: Date | null;
  };
  identity_audit_log: {
    id: string;
    tenant_id: string | null;
    actor_user_id: string | null;
    action: string;
    subject: string | null;
    ip: string | null;
    details: Generated<Record<string, unknown>>;
    created_at: Date;
  };
}
