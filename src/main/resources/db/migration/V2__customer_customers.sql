create table customer (
    id                 uuid primary key,
    display_name       varchar(200) not null,
    preferred_language varchar(16),
    time_zone          varchar(64),
    tier               varchar(20)  not null default 'standard',
    notes              text         not null default '',
    merged_into        uuid references customer (id),
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    version            bigint       not null default 0
);
create index customer_created_idx on customer (created_at desc, id desc);
create index customer_name_idx on customer (lower(display_name));

create table customer_identity (
    id          uuid primary key,
    customer_id uuid         not null references customer (id) on delete cascade,
    kind        varchar(20)  not null,
    value       varchar(320) not null,
    created_at  timestamptz  not null,
    constraint customer_identity_unique unique (kind, value)
);
create index customer_identity_customer_idx on customer_identity (customer_id);
