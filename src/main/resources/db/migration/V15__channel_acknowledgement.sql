-- Per-reply backoff: a failed delivery is tried again at next_attempt_at; null on a failed
-- row means no further automatic attempt (given up after too many attempts or too long).
-- round_attempts and round_started_at count the current round, which "retry now" restarts.
-- sending_since is the lease of the attempt in flight: no second attempt starts while it is
-- younger than walletdesk.channel.delivery.sending-lease.
alter table channel_delivery
    add column next_attempt_at  timestamptz,
    add column round_attempts   int not null default 0,
    add column round_started_at timestamptz,
    add column sending_since    timestamptz;
update channel_delivery set round_attempts = attempts, round_started_at = created_at, sending_since = created_at;
create index channel_delivery_due_idx on channel_delivery (next_attempt_at) where status = 'failed';
