-- A message that announces a day ("will be isolated on 14 November", "due on 10 November")
-- goes stale when that day is over in the tenant's zone. A message still waiting then (quiet
-- hours, provider retries, a worker that was down) is skipped, never sent late.
alter table notifications_messages add column stale_at timestamptz;
