#!/usr/bin/env bash
# SLA deadline sweep over 1,000,000 running timers in PostgreSQL. Creates a fresh
# walletdesk_bench_sla database on the machine's PostgreSQL (127.0.0.1:5432, user postgres),
# applies the Flyway migrations with psql, inserts N active timers (default 1,000,000) with
# generate_series (deadlines spread over the coming week, a few thousand already due or past
# their warning time), then runs the sweep repeatedly with exactly the statements SlaStore runs
# (claim with FOR UPDATE SKIP LOCKED in batches of 500, mark missed/warned, and one
# event_publication row per fired event, as the event publication registry writes), each sweep
# in its own transactions, the clock moving 5 s (the default interval) between sweeps.
# Prints the time of every sweep. Not part of ./mvnw verify.
#   bench/sla-sweep.sh [timers] [sweeps]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-1000000}"
sweeps="${2:-20}"
db=walletdesk_bench_sla
psql_db() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -d "$db" "$@"; }

psql -X -q -h 127.0.0.1 -U postgres -d postgres -c "drop database if exists $db with (force)" -c "create database $db"
for f in $(ls src/main/resources/db/migration/V*.sql | sort -t_ -k1.2 -V); do
  psql_db -f "$f" >/dev/null
done
# The registry's table as Spring Modulith creates it (schema-initialization).
psql_db <<'SQL'
create table if not exists event_publication (
  id uuid primary key, listener_id text not null, event_type text not null, serialized_event text not null,
  publication_date timestamptz not null, completion_date timestamptz);
SQL

echo "Inserting $n active timers..."
psql_db <<SQL
-- Deadlines over the next 7 days; about 0.3 % (3,000 of a million) already due, as after a
-- short outage, and a further share past 75 % of their target and waiting for a warning.
insert into sla_timer (id, ticket_id, target, target_minutes, policy_name, started_at, due_at, warn_at, warned, state,
  paused_seconds, group_id, assignee_id)
select gen_random_uuid(), gen_random_uuid(),
  case when i % 2 = 0 then 'resolution' else 'firstResponse' end,
  m, 'Normal', due - make_interval(mins => m), due, due - make_interval(secs => m * 15), i % 4 = 0, 'active', 0,
  null, null
from (
  select i, m,
    case when i % 333 = 0 then timestamptz '2030-01-01 00:00:00+00' - make_interval(secs => (i % 600)::double precision)
         else timestamptz '2030-01-01 00:00:00+00' + make_interval(secs => ((i::bigint * 7919) % (7 * 86400))::double precision) end as due
  from (select i, case when i % 2 = 0 then 1440 else 60 end as m from generate_series(1, $n) i) s
) t;
-- Finished timers as reports keep them: the partial indexes leave them out of every sweep.
insert into sla_timer (id, ticket_id, target, target_minutes, policy_name, started_at, due_at, warn_at, warned, state,
  met_at, paused_seconds)
select gen_random_uuid(), gen_random_uuid(), 'firstResponse', 60, 'Normal', timestamptz '2029-12-01' - make_interval(secs => i),
  timestamptz '2029-12-01 01:00' - make_interval(secs => i), timestamptz '2029-12-01 00:45' - make_interval(secs => i),
  true, 'met', timestamptz '2029-12-01 00:30' - make_interval(secs => i), 0
from generate_series(1, $n / 2) i;
vacuum analyze sla_timer;
SQL
psql_db -At -c "select 'active timers: ' || count(*) from sla_timer where state = 'active'"
psql_db -At -c "select 'due at the first sweep: ' || count(*) from sla_timer where state = 'active' and due_at <= '2030-01-01 00:00:00+00'"

# One sweep = the SlaSweeper loop: warning batches, then breach batches, each batch one
# transaction with the claim, the state change and the registry rows.
psql_db <<'SQL'
create or replace function bench_batch(now_ timestamptz, kind text, lim int) returns int language plpgsql as $$
declare ids uuid[];
begin
  if kind = 'warn' then
    select array_agg(id) into ids from (select id from sla_timer
      where state = 'active' and not warned and warn_at <= now_ and due_at > now_
      order by warn_at limit lim for update skip locked) c;
    if ids is not null then update sla_timer set warned = true where id = any(ids); end if;
  else
    select array_agg(id) into ids from (select id from sla_timer
      where state = 'active' and due_at <= now_ order by due_at limit lim for update skip locked) c;
    if ids is not null then update sla_timer set state = 'missed', missed_at = due_at where id = any(ids); end if;
  end if;
  if ids is not null then
    insert into event_publication (id, listener_id, event_type, serialized_event, publication_date)
    select gen_random_uuid(), 'io.walletdesk.sla.SlaBreachActions.on', 'io.walletdesk.sla.Sla' || kind,
      '{"ticketId":"' || x || '"}', now_ from unnest(ids) x;
  end if;
  return coalesce(array_length(ids, 1), 0);
end $$;
SQL

# A procedure, so each batch commits on its own as in the application, while one psql session
# runs all sweeps (starting psql costs ~100 ms, more than a quiet sweep).
psql_db <<'SQL'
create or replace procedure bench_sweep(now_ timestamptz, inout fired int) language plpgsql as $$
declare got int;
begin
  fired := 0;
  loop
    got := bench_batch(now_, 'warn', 500);
    commit;
    fired := fired + got;
    exit when got < 500;
  end loop;
  loop
    got := bench_batch(now_, 'breach', 500);
    commit;
    fired := fired + got;
    exit when got < 500;
  end loop;
end $$;
SQL
{
  echo '\timing on'
  for s in $(seq 0 $((sweeps - 1))); do
    echo "\\echo sweep $s"
    echo "call bench_sweep(timestamptz '2030-01-01 00:00:00+00' + interval '$((s * 5)) seconds', 0);"
  done
} | psql_db -At | paste -sd' ' | sed -e 's/sweep /\nsweep /g' | sed -e 's/Timing is on\.//' | grep sweep \
  | awk '{ printf "sweep %2d: %6d events in %9.1f ms\n", $2, $3, $5 }'
