-- Routing: agents' presence, capacities, per-group rules, pins, live-chat offers and the
-- out-of-hours notices already sent.

-- Presence as the agent set it or inactivity did; last_seen_at is the console's last
-- heartbeat, last_assigned_at breaks load ties round-robin.
create table routing_presence (
    agent_id         uuid primary key references agent (id) on delete cascade,
    state            varchar(16) not null check (state in ('online', 'away', 'offline')),
    set_by           varchar(16) not null check (set_by in ('agent', 'inactivity', 'sign_out', 'heartbeat')),
    changed_at       timestamptz not null,
    last_seen_at     timestamptz not null,
    last_assigned_at timestamptz
);
-- The inactivity sweep looks only at agents who are not offline.
create index routing_presence_seen_idx on routing_presence (last_seen_at) where state <> 'offline';

-- A group's routing rule; a group without a row is not routed automatically.
create table routing_group_rule (
    group_id               uuid primary key references agent_group (id) on delete cascade,
    auto_assign            boolean     not null,
    offer_timeout_seconds  integer     not null check (offer_timeout_seconds between 5 and 600),
    language_must_match    boolean     not null,
    assign_tickets_directly boolean    not null,
    max_live_chats         integer     not null check (max_live_chats between 0 and 50),
    max_open_tickets       integer     not null check (max_open_tickets between 0 and 500),
    updated_at             timestamptz not null
);

-- The skill a ticket of a category needs in a group (e.g. security_incident -> security).
create table routing_category_skill (
    group_id uuid        not null references routing_group_rule (group_id) on delete cascade,
    category varchar(32) not null,
    skill    varchar(64) not null,
    primary key (group_id, category)
);

-- A supervisor's override of the group defaults for one agent; null keeps the default.
create table routing_capacity (
    agent_id         uuid primary key references agent (id) on delete cascade,
    max_live_chats   integer check (max_live_chats between 0 and 50),
    max_open_tickets integer check (max_open_tickets between 0 and 500),
    updated_at       timestamptz not null
);

-- A ticket a supervisor pinned to an agent: never moved automatically.
create table routing_pin (
    ticket_id uuid primary key references ticket (id) on delete cascade,
    agent_id  uuid        not null,
    pinned_by uuid,
    pinned_at timestamptz not null
);

-- Offers of a ticket to one agent at a time; also records direct assignments and
-- agents a ticket was taken from, so routing never returns a ticket to them.
create table routing_offer (
    id          uuid primary key,
    ticket_id   uuid        not null references ticket (id) on delete cascade,
    agent_id    uuid        not null,
    state       varchar(16) not null check (state in ('offered', 'accepted', 'declined', 'expired', 'assigned',
                                                       'withdrawn', 'taken_away')),
    offered_at  timestamptz not null,
    expires_at  timestamptz not null,
    answered_at timestamptz
);
-- At most one open offer per ticket, whichever node makes it.
create unique index routing_offer_open_idx on routing_offer (ticket_id) where state = 'offered';
create index routing_offer_expiry_idx on routing_offer (expires_at) where state = 'offered';
create index routing_offer_agent_idx on routing_offer (agent_id) where state = 'offered';
create index routing_offer_ticket_idx on routing_offer (ticket_id, agent_id);

-- The out-of-hours notice is posted once per ticket.
create table routing_notice (
    ticket_id uuid primary key references ticket (id) on delete cascade,
    back_at   timestamptz not null,
    posted_at timestamptz not null
);
