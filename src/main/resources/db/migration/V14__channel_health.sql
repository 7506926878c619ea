-- Every customer message a channel handed to the intake, by inbox: the health page's "last
-- message received" and "received in the last 24 h" come from here, without the channel
-- module reading the ticket module's tables.
create table channel_inbound (
    message_id  uuid primary key,
    inbox_id    uuid        not null references channel_inbox (id) on delete cascade,
    received_at timestamptz not null
);
create index channel_inbound_inbox_idx on channel_inbound (inbox_id, received_at desc);

-- Health figures per inbox: recent deliveries, quarantined mail.
create index channel_delivery_inbox_idx on channel_delivery (inbox_id, created_at desc);
create index channel_email_quarantine_inbox_idx on channel_email_quarantine (inbox_id, reason);
