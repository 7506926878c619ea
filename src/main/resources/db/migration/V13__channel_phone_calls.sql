-- Phone calls: logged by agents or reported by a telephony system (CTI). The call's text
-- lives as an internal note on the ticket; this table keeps the structured fields.
create table channel_phone_call (
    id               uuid primary key,
    -- null for a call an agent logged without naming a phone inbox
    inbox_id         uuid references channel_inbox (id),
    -- the telephony system's call id; null for calls logged by hand
    call_id          varchar(128),
    customer_id      uuid         not null,
    ticket_id        uuid         not null references ticket (id) on delete cascade,
    -- the ticket message that logs the call; null while a reported call is still going on
    message_id       uuid,
    caller_number    varchar(16)  not null,
    caller_name      varchar(200),
    direction        varchar(8)   not null check (direction in ('inbound', 'outbound')),
    started_at       timestamptz  not null,
    duration_seconds integer check (duration_seconds >= 0),
    -- redacted like every message: secrets never reach this column
    notes            text,
    recording_url    varchar(2000),
    agent_id         uuid,
    created_at       timestamptz  not null,
    logged_at        timestamptz,
    constraint channel_phone_call_cti_unique unique (inbox_id, call_id)
);
create index channel_phone_call_customer_idx on channel_phone_call (customer_id, started_at desc);
create index channel_phone_call_ticket_idx on channel_phone_call (ticket_id, started_at desc);
-- the caller's current conversation in an inbox
create index channel_phone_call_conversation_idx on channel_phone_call (inbox_id, customer_id, created_at desc);

-- CTI events seen, so a repeated event (same call id and kind) is handled once.
create table channel_phone_event (
    inbox_id    uuid         not null references channel_inbox (id),
    call_id     varchar(128) not null,
    event       varchar(16)  not null,
    received_at timestamptz  not null,
    primary key (inbox_id, call_id, event)
);
