create table channel_inbox (
    id         uuid primary key,
    kind       varchar(32)  not null,
    name       varchar(100) not null,
    public_key varchar(64)  not null unique,
    settings   jsonb        not null default '{}',
    enabled    boolean      not null default true,
    group_id   uuid,
    created_at timestamptz  not null
);
create index channel_inbox_kind_idx on channel_inbox (kind) where enabled;

-- A channel conversation (chat, mail thread, app user) and the tickets it produced over time.
create table channel_thread (
    id          uuid primary key,
    inbox_id    uuid         not null references channel_inbox (id),
    thread_key  varchar(512) not null,
    ticket_id   uuid         not null references ticket (id) on delete cascade,
    customer_id uuid         not null,
    recipient   varchar(320) not null,
    created_at  timestamptz  not null,
    constraint channel_thread_unique unique (inbox_id, thread_key, ticket_id)
);
create index channel_thread_key_idx on channel_thread (inbox_id, thread_key, created_at desc);
create index channel_thread_ticket_idx on channel_thread (ticket_id, created_at desc);

-- Delivery of public replies back to the customer's channel.
create table channel_delivery (
    id           uuid primary key,
    message_id   uuid        not null unique,
    ticket_id    uuid        not null,
    inbox_id     uuid        not null references channel_inbox (id),
    status       varchar(16) not null,
    attempts     int         not null default 0,
    last_error   text,
    external_id  varchar(255),
    created_at   timestamptz not null,
    delivered_at timestamptz
);
create index channel_delivery_ticket_idx on channel_delivery (ticket_id);
create index channel_delivery_status_idx on channel_delivery (status, created_at) where status <> 'delivered';
