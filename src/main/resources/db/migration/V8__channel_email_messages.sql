-- Every inbound and outbound e-mail's Message-ID and the ticket it belongs to: threading by
-- In-Reply-To and References, and the ticket number in the subject, resolve through this table.
create table channel_email_message (
    id            uuid primary key,
    inbox_id      uuid         not null references channel_inbox (id),
    message_id    varchar(998) not null,
    direction     varchar(8)   not null,
    ticket_id     uuid         not null,
    ticket_number varchar(32)  not null,
    root_id       varchar(998) not null,
    created_at    timestamptz  not null,
    constraint channel_email_message_unique unique (inbox_id, message_id)
);
create index channel_email_message_ticket_idx on channel_email_message (ticket_id, created_at desc);
create index channel_email_message_number_idx on channel_email_message (inbox_id, ticket_number, created_at desc);

-- Addresses that took part in a ticket's mail thread (From, To, Cc), so a colleague in Cc may
-- continue the ticket while a stranger quoting its number may not.
create table channel_email_participant (
    ticket_id uuid         not null,
    address   varchar(320) not null,
    primary key (ticket_id, address)
);

-- Mail that was not turned into a ticket message: malformed or oversized (reason 'malformed',
-- 'too_large'), or automatic mail that must never be answered ('automatic'). Only the size is
-- kept, not the raw bytes: they may hold a customer's secrets, which never persist unredacted.
create table channel_email_quarantine (
    id          uuid primary key,
    inbox_id    uuid          not null references channel_inbox (id),
    reason      varchar(16)   not null,
    error       text          not null,
    message_id  varchar(998),
    sender      varchar(320),
    subject     varchar(300),
    size_bytes  bigint        not null,
    created_at  timestamptz   not null
);
create index channel_email_quarantine_created_idx on channel_email_quarantine (created_at desc, id desc);
create index channel_email_quarantine_reason_idx on channel_email_quarantine (reason);

-- The raw MIME of every inbound mail, by the ticket message it became. Kept apart from the
-- message's attachments because the safety scan of a text attachment would flag the relay IP
-- addresses in every mail's Received headers as suspicious links. A mail whose decoded content
-- held a secret is not kept (raw is null): redaction cannot reach inside encoded MIME parts.
create table channel_email_original (
    message_id   uuid primary key,
    ticket_id    uuid        not null,
    inbox_id     uuid        not null references channel_inbox (id),
    mail_id      varchar(998) not null,
    raw          bytea,
    size_bytes   bigint      not null,
    created_at   timestamptz not null
);
create index channel_email_original_ticket_idx on channel_email_original (ticket_id);
