create sequence ticket_number_seq start with 1 increment by 1;

create table ticket (
    id                       uuid primary key,
    number                   bigint       not null unique,
    subject                  varchar(300) not null,
    status                   varchar(16)  not null,
    priority                 varchar(16)  not null,
    category                 varchar(32),
    channel                  varchar(32)  not null,
    requester_id             uuid         not null references customer (id),
    assignee_id              uuid,
    group_id                 uuid,
    tags                     text[]       not null default '{}',
    priority_set_by_agent    boolean      not null default false,
    category_set_by_agent    boolean      not null default false,
    created_at               timestamptz  not null,
    updated_at               timestamptz  not null,
    first_response_at        timestamptz,
    solved_at                timestamptz,
    closed_at                timestamptz,
    last_customer_message_at timestamptz,
    last_agent_message_at    timestamptz,
    version                  bigint       not null default 0
);
create index ticket_created_idx on ticket (created_at desc, id desc);
create index ticket_status_idx on ticket (status, created_at desc);
create index ticket_assignee_idx on ticket (assignee_id, status);
create index ticket_group_idx on ticket (group_id, status);
create index ticket_requester_idx on ticket (requester_id, created_at desc);
create index ticket_priority_idx on ticket (priority, status);
create index ticket_tags_idx on ticket using gin (tags);

create table ticket_message (
    id          uuid primary key,
    ticket_id   uuid         not null references ticket (id) on delete cascade,
    author_kind varchar(16)  not null,
    author_id   uuid,
    author_name varchar(200),
    visibility  varchar(16)  not null,
    body        text         not null,
    body_html   text,
    channel     varchar(32)  not null,
    external_id varchar(255),
    received_at timestamptz  not null,
    created_at  timestamptz  not null
);
create index ticket_message_ticket_idx on ticket_message (ticket_id, received_at);
create unique index ticket_message_external_idx on ticket_message (channel, external_id) where external_id is not null;

create table ticket_attachment (
    id           uuid primary key,
    message_id   uuid         not null references ticket_message (id) on delete cascade,
    file_name    varchar(255) not null,
    content_type varchar(127) not null,
    size_bytes   bigint       not null,
    content      bytea        not null,
    created_at   timestamptz  not null
);
create index ticket_attachment_message_idx on ticket_attachment (message_id);

create table ticket_change (
    id         uuid primary key,
    ticket_id  uuid        not null references ticket (id) on delete cascade,
    changed_at timestamptz not null,
    actor_kind varchar(16) not null,
    actor_id   uuid,
    actor_name varchar(200),
    field      varchar(32) not null,
    old_value  text,
    new_value  text
);
create index ticket_change_ticket_idx on ticket_change (ticket_id, changed_at);
