#!/usr/bin/env bash
# Starts WalletDesk from a fresh build against the machine's PostgreSQL (or the embedded one with
# --embedded), runs the ticket intake load driver at concurrency 1, 4 and 16, prints the figures
# and stops the server. Not part of ./mvnw verify.
#   bench/ticket-load.sh [--embedded] [secondsPerLevel]
set -euo pipefail
cd "$(dirname "$0")/.."
embedded=false
if [ "${1:-}" = "--embedded" ]; then embedded=true; shift; fi
seconds="${1:-15}"
token="wd_bench_$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
port=18080

if ! command -v wrk >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk) >/dev/null 2>&1 || true
fi
./mvnw -q -B -ntp -DskipTests -Dspring-javaformat.skip=true package
jar=$(ls target/walletdesk-*.jar | grep -v plain | head -n 1)

env_args=()
if [ "$embedded" = false ]; then
  psql -q -h 127.0.0.1 -U postgres -d postgres -c "drop database if exists walletdesk_bench with (force)" -c "create database walletdesk_bench"
  env_args+=(SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/walletdesk_bench SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD=)
else
  rm -rf target/bench-pg
fi
env "${env_args[@]}" WALLETDESK_ADMIN_TOKEN="$token" WALLETDESK_ADMIN_PASSWORD=bench-admin-password \
  java ${BENCH_JAVA_OPTS:--Xms1g -Xmx2g} -jar "$jar" --server.port=$port --walletdesk.demo.enabled=false \
  --walletdesk.embedded-postgres.data-directory=target/bench-pg --logging.level.root=WARN > target/bench-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://localhost:$port/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
if command -v wrk >/dev/null 2>&1 && [ "${BENCH_DRIVER:-wrk}" = wrk ]; then
  # wrk (C, from Debian's packages) leaves the CPU to the server on this 2-core machine.
  # The JIT keeps compiling for a minute or two under this load, and figures taken
  # earlier vary by a factor of two from run to run. Warm up in 20-s rounds at
  # concurrency 16, at least six (two minutes; throughput still jumped after shorter
  # warm-ups), until two rounds in a row agree within 5 % (at most 12 rounds).
  echo "Warming up the server until throughput is steady (JIT compilation) ..."
  previous=0
  for round in $(seq 1 12); do
    rps=$(wrk -t2 -c16 -d20s -s bench/ticket-post.lua "http://localhost:$port" -- "$token" | awk '/Requests\/sec/ {printf "%.0f", $2}')
    echo "  round $round: $rps tickets/s"
    if [ "$round" -ge 6 ] && [ $(( (rps > previous ? rps - previous : previous - rps) * 100 )) -lt $(( previous * 5 )) ]; then
      break
    fi
    previous=$rps
  done
  printf '%-12s %10s %10s %10s %10s\n' concurrency requests tickets/s "p50 ms" "p99 ms"
  for c in 1 4 16; do
    threads=$([ "$c" -lt 2 ] && echo 1 || echo 2)
    wrk -t"$threads" -c"$c" -d"${seconds}s" --latency -s bench/ticket-post.lua "http://localhost:$port" -- "$token" > target/wrk-$c.txt
    awk -v c="$c" '
      /requests in/ {requests=$1}
      /Requests\/sec/ {rps=$2}
      /^ +50%/ {p50=$2}
      /^ +99%/ {p99=$2}
      /non-2xx or errors/ {errors=$4}
      function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
      END {printf "%-12s %10s %10.0f %10.2f %10.2f   errors: %s\n", c, requests, rps, ms(p50), ms(p99), errors}' target/wrk-$c.txt
  done
else
  java bench/TicketLoad.java "http://localhost:$port" "$token" "$seconds" 1 4 16
fi
