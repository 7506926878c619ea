-- Agents' weekly shifts as local times in the agent's own time zone: the zone comes from the
-- agent's profile, so a 09:00-17:00 shift stays 09:00-17:00 local across daylight-saving
-- changes. An end at or before the start means the shift runs past midnight.
create table shift_pattern (
    id          uuid primary key,
    agent_id    uuid not null references agent (id) on delete cascade,
    day_of_week smallint not null check (day_of_week between 1 and 7),
    starts_at   time not null,
    ends_at     time not null
);
create index shift_pattern_agent_idx on shift_pattern (agent_id, day_of_week);

-- Leave (not working although the pattern says so) and extra shifts (working outside it).
create table shift_exception (
    id         uuid primary key,
    agent_id   uuid not null references agent (id) on delete cascade,
    kind       varchar(8) not null check (kind in ('LEAVE', 'EXTRA')),
    starts_at  timestamptz not null,
    ends_at    timestamptz not null check (ends_at > starts_at),
    note       varchar(500) not null default '',
    created_by uuid,
    created_at timestamptz not null
);
create index shift_exception_agent_idx on shift_exception (agent_id, ends_at);

-- The region whose public holidays an agent observes; without a row it is derived from the
-- agent's time zone.
create table shift_agent_region (
    agent_id uuid primary key references agent (id) on delete cascade,
    region   varchar(2) not null
);

-- Holidays an admin adds to the published calendar of a region (company days), or public
-- holidays the company works (off = false).
create table shift_holiday (
    id         uuid primary key,
    region     varchar(2) not null,
    day        date not null,
    name       varchar(200) not null,
    off        boolean not null default true,
    created_at timestamptz not null,
    unique (region, day)
);

-- Bumped by every change to the tables above; each application node compares it with the
-- version its in-memory rota was built from, so all nodes agree within one refresh interval.
create table shift_version (
    id      smallint primary key check (id = 1),
    version bigint not null
);
insert into shift_version (id, version) values (1, 0);
