create table agent_group (
    id          uuid primary key,
    name        varchar(100) not null unique,
    description varchar(500) not null default '',
    created_at  timestamptz  not null
);

create table agent (
    id                 uuid primary key,
    username           varchar(64)  not null unique,
    display_name       varchar(120) not null,
    email              varchar(254),
    password_hash      varchar(100) not null,
    roles              text[]       not null default '{}',
    languages          text[]       not null default '{}',
    skills             text[]       not null default '{}',
    group_ids          uuid[]       not null default '{}',
    time_zone          varchar(64)  not null default 'UTC',
    enabled            boolean      not null default true,
    failed_sign_ins    int          not null default 0,
    locked_until       timestamptz,
    totp_secret        varchar(64),
    totp_enabled       boolean      not null default false,
    created_at         timestamptz  not null,
    version            bigint       not null default 0
);
create index agent_group_ids_idx on agent using gin (group_ids);

create table agent_recovery_code (
    id         uuid primary key,
    agent_id   uuid        not null references agent (id) on delete cascade,
    code_hash  varchar(100) not null,
    used_at    timestamptz
);
create index agent_recovery_code_agent_idx on agent_recovery_code (agent_id);

create table api_token (
    id           uuid primary key,
    agent_id     uuid         not null references agent (id) on delete cascade,
    name         varchar(100) not null,
    token_hash   varchar(64)     not null unique,
    token_prefix varchar(16)  not null,
    created_at   timestamptz  not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_token_agent_idx on api_token (agent_id);
