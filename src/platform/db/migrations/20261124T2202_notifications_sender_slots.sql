-- The next free send time of each provider sender, shared by every worker process: a sender's
-- rate limit holds however many processes deliver (and for the platform's default sender,
-- across tenants). Operational data, reached by the delivery worker on the owner connection.
create table notifications_sender_slots (
  sender_key text primary key,
  next_at timestamptz not null
);
