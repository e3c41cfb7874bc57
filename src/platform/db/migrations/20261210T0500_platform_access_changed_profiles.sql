-- /api/me, asked on every page, is answered from the access cache too: the caller's name, email
-- and phone and the names, slugs and time zones of their tenants (sessions.ts `profiles`). Those
-- columns now signal `simpul_access_changed` like the ones authentication reads (20261203T0200).
drop trigger access_changed on identity_users;
create trigger access_changed after delete or update of status, is_super_admin, password_hash, email, name, phone on identity_users
  for each statement execute function platform_signal_access_changed();
drop trigger access_changed on tenants;
create trigger access_changed after delete or update of status, name, slug, time_zone on tenants
  for each statement execute function platform_signal_access_changed();
