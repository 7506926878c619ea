create table audit_entry (
    id         uuid primary key,
    at         timestamptz  not null,
    kind       varchar(40)  not null,
    actor_kind varchar(16)  not null,
    actor_id   uuid,
    actor_name varchar(200),
    ticket_id  uuid,
    detail     text         not null default ''
);
create index audit_entry_at_idx on audit_entry (at desc, id desc);
create index audit_entry_kind_idx on audit_entry (kind, at desc);
create index audit_entry_ticket_idx on audit_entry (ticket_id, at desc) where ticket_id is not null;
