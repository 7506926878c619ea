-- Tickets and groups are held by id only (modules own their tables).
-- Service-level calendars: always open, or business hours per weekday in a zone with the
-- public holidays of a region and extra closed dates. A group may have its own calendar;
-- tickets of other groups use the default one.
create table sla_calendar (
  id uuid primary key,
  name varchar(100) not null unique,
  zone varchar(64) not null default 'UTC',
  always_open boolean not null default true,
  -- {"MONDAY":"09:00-18:00", ...}; a weekday that is absent is closed.
  hours jsonb not null default '{}',
  holiday_region varchar(8),
  -- ["2026-12-25", ...]: closed dates beyond the region's public holidays.
  extra_holidays jsonb not null default '[]',
  group_id uuid unique,
  is_default boolean not null default false,
  enabled boolean not null default true,
  created_at timestamptz not null default now()
);
create unique index sla_calendar_one_default on sla_calendar (is_default) where is_default;

-- Policies: the first enabled policy by position whose conditions match a ticket applies.
create table sla_policy (
  id uuid primary key,
  name varchar(100) not null unique,
  position int not null,
  enabled boolean not null default true,
  priority varchar(16) not null,
  channel varchar(32),
  category varchar(32),
  customer_tier varchar(32),
  first_response_minutes int check (first_response_minutes > 0),
  next_response_minutes int check (next_response_minutes > 0),
  periodic_update_minutes int check (periodic_update_minutes > 0),
  resolution_minutes int check (resolution_minutes > 0),
  -- null: the ticket group's calendar, else the default calendar.
  calendar_id uuid references sla_calendar(id) on delete set null,
  -- comma-separated: notify, raise_priority, reassign
  actions varchar(100) not null default 'notify',
  created_at timestamptz not null default now()
);
create index sla_policy_order on sla_policy (position) where enabled;

-- The policy and calendar a ticket runs under.
create table sla_ticket (
  ticket_id uuid primary key,
  policy_id uuid,
  policy_name varchar(100) not null,
  calendar_id uuid,
  group_id uuid,
  updated_at timestamptz not null
);

-- One timer per target and run: next-response and periodic-update timers run again and
-- again, and every finished one stays for the met/missed reports.
create table sla_timer (
  id uuid primary key,
  ticket_id uuid not null,
  target varchar(20) not null,
  target_minutes int not null,
  policy_name varchar(100) not null,
  started_at timestamptz not null,
  due_at timestamptz not null,
  warn_at timestamptz not null,
  warned boolean not null default false,
  state varchar(10) not null check (state in ('active', 'paused', 'met', 'missed')),
  paused_at timestamptz,
  -- business seconds left when paused
  remaining_seconds bigint,
  -- business seconds spent paused so far, so a re-picked policy can recompute the due date
  paused_seconds bigint not null default 0,
  met_at timestamptz,
  missed_at timestamptz,
  group_id uuid,
  assignee_id uuid
);
create unique index sla_timer_running on sla_timer (ticket_id, target) where state in ('active', 'paused');
create index sla_timer_ticket on sla_timer (ticket_id);
-- The sweeps touch only these: active timers by deadline and not yet warned ones by warn time.
create index sla_timer_due on sla_timer (due_at) where state = 'active';
create index sla_timer_warn on sla_timer (warn_at) where state = 'active' and not warned;
-- Compliance reports over finished timers.
create index sla_timer_finished on sla_timer (due_at, target) where state in ('met', 'missed');

-- Warnings and breaches for the assignee and supervisors, shown in the console's bell.
create table sla_notification (
  id uuid primary key,
  recipient_id uuid not null,
  ticket_id uuid not null,
  timer_id uuid not null,
  kind varchar(10) not null check (kind in ('warning', 'breach')),
  target varchar(20) not null,
  due_at timestamptz not null,
  created_at timestamptz not null,
  read_at timestamptz,
  unique (timer_id, kind, recipient_id)
);
create index sla_notification_unread on sla_notification (recipient_id, created_at desc) where read_at is null;

insert into sla_calendar (id, name, zone, always_open, is_default)
values ('5a1a0000-0000-0000-0000-000000000001', '24/7', 'UTC', true, true);

-- Defaults (docs/architecture.md, "SLA"): urgent cases run round the clock.
insert into sla_policy (id, name, position, priority, first_response_minutes, next_response_minutes,
  periodic_update_minutes, resolution_minutes, actions)
values
  ('5a1a0000-0000-0000-0000-000000000101', 'Urgent', 10, 'urgent', 3, 15, 15, 240, 'notify,reassign'),
  ('5a1a0000-0000-0000-0000-000000000102', 'High', 20, 'high', 15, 60, 60, 1440, 'notify,raise_priority'),
  ('5a1a0000-0000-0000-0000-000000000103', 'Normal', 30, 'normal', 60, 240, null, 4320, 'notify'),
  ('5a1a0000-0000-0000-0000-000000000104', 'Low', 40, 'low', 480, 1440, null, 10080, 'notify');
