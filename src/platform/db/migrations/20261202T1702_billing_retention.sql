-- How long a tenant keeps its payment history (purge_payment_history_worker): 10 years unless the
-- tenant chooses otherwise, and never less than the legal minimum the tenant sets for itself.
alter table billing_policies
  add column legal_minimum_years int not null default 10 check (legal_minimum_years between 1 and 30),
  add column payment_history_retention_years int not null default 10 check (payment_history_retention_years between 1 and 30),
  add constraint billing_policies_retention_legal check (payment_history_retention_years >= legal_minimum_years);
create index billing_payment_history_created on billing_payment_history (tenant_id, created_at);

-- Staff never delete payment history. The purge worker does, through this one function: only the
-- transaction's tenant, only rows older than the tenant's retention (never below its legal
-- minimum, whatever the caller passes) counted back from p_now.
create function billing_purge_payment_history(p_now timestamptz) returns int
  language plpgsql security definer set search_path = public as $$
  declare
    keep_years int;
    removed int;
  begin
    if app_tenant_id() is null then raise exception 'no tenant' using errcode = '42501'; end if;
    select greatest(coalesce(p.payment_history_retention_years, 10), coalesce(p.legal_minimum_years, 10)) into keep_years
      from (select 1) one left join billing_policies p on p.tenant_id = app_tenant_id();
    delete from billing_payment_history h
      where h.tenant_id = app_tenant_id() and h.created_at < p_now - make_interval(years => keep_years);
    get diagnostics removed = row_count;
    return removed;
  end $$;
revoke all on function billing_purge_payment_history(timestamptz) from public;
grant execute on function billing_purge_payment_history(timestamptz) to simpul_app;
