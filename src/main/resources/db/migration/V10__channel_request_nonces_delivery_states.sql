-- Nonces of signed requests (in-app API, signed webhooks, CTI events) seen within the
-- signature window: a second request with the same nonce is a replay.
create table channel_request_nonce (
    inbox_id uuid        not null references channel_inbox (id) on delete cascade,
    nonce    varchar(64) not null,
    seen_at  timestamptz not null,
    primary key (inbox_id, nonce)
);
create index channel_request_nonce_seen_idx on channel_request_nonce (seen_at);

-- Delivery states: queued (no row yet), sending (handed to the channel, outcome unknown),
-- sent (the channel accepted it), delivered (the customer's device or app confirmed it),
-- read (the customer saw it), failed (last attempt refused; retried).
alter table channel_delivery
    add column sent_at timestamptz,
    add column read_at timestamptz;
update channel_delivery set status = 'sent', sent_at = delivered_at, delivered_at = null where status = 'delivered';
drop index channel_delivery_status_idx;
create index channel_delivery_status_idx on channel_delivery (status, created_at) where status in ('sending', 'failed');
