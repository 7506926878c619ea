-- What the wallet's app reported with each message it sent through the in-app API: the app
-- version and operating system the customer was using, so agents can tell which build a
-- problem came from even after the app was updated. One row per stored customer message.
create table channel_app_context (
    message_id  uuid primary key,
    ticket_id   uuid         not null,
    inbox_id    uuid         not null references channel_inbox (id) on delete cascade,
    user_id     varchar(128) not null,
    app_version varchar(32)  not null,
    os          varchar(40)  not null,
    received_at timestamptz  not null
);
create index channel_app_context_ticket_idx on channel_app_context (ticket_id, received_at desc);

