-- Read model published by the ISOLATION module: which lines it wants isolated (a customer with
-- no row is active). Readers: network (network_desired_lines, network_radius_lines).
-- security_invoker: the reader's row-level security (its tenant) applies.
create view isolation_desired_states with (security_invoker = true) as
  select l.tenant_id, l.customer_id, l.desired_state
  from isolation_lines l;
grant select on isolation_desired_states to simpul_app;
