-- Queue counters and agents' load, kept incrementally: a trigger on ticket writes a +1/-1
-- delta for every change of an active ticket's bucket (group, assignee, status, priority,
-- channel) in the same transaction, appending rows so concurrent intake never waits on a
-- hot counter row; the application folds the deltas into ticket_tally every few seconds.
-- Readers add the few unfolded deltas to the tally.
create table ticket_tally (
    group_id uuid,
    assignee_id uuid,
    status varchar(16) not null,
    priority varchar(16) not null,
    channel varchar(16) not null,
    tickets bigint not null,
    constraint ticket_tally_bucket unique nulls not distinct (group_id, assignee_id, status, priority, channel)
);

create table ticket_tally_delta (
    id bigserial primary key,
    group_id uuid,
    assignee_id uuid,
    status varchar(16) not null,
    priority varchar(16) not null,
    channel varchar(16) not null,
    delta integer not null
);

create function ticket_tally_track() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and new.status = old.status and new.priority = old.priority
            and new.channel = old.channel and new.group_id is not distinct from old.group_id
            and new.assignee_id is not distinct from old.assignee_id then
        return null;
    end if;
    if tg_op in ('UPDATE', 'DELETE') and old.status in ('new', 'open', 'pending', 'on_hold') then
        insert into ticket_tally_delta (group_id, assignee_id, status, priority, channel, delta)
        values (old.group_id, old.assignee_id, old.status, old.priority, old.channel, -1);
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.status in ('new', 'open', 'pending', 'on_hold') then
        insert into ticket_tally_delta (group_id, assignee_id, status, priority, channel, delta)
        values (new.group_id, new.assignee_id, new.status, new.priority, new.channel, 1);
    end if;
    return null;
end
$$;

create trigger ticket_tally
    after insert or update of status, priority, channel, group_id, assignee_id or delete on ticket
    for each row execute function ticket_tally_track();

insert into ticket_tally (group_id, assignee_id, status, priority, channel, tickets)
select group_id, assignee_id, status, priority, channel, count(*)
from ticket
where status in ('new', 'open', 'pending', 'on_hold')
group by group_id, assignee_id, status, priority, channel;
