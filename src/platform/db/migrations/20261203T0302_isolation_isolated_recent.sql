-- The isolated list a page at a time, most recent first, without sorting every isolated line.
create index isolation_lines_isolated_recent on isolation_lines (tenant_id, changed_at desc, customer_id) where desired_state = 'isolated';
