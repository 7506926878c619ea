#!/usr/bin/env bash
# Starts WalletDesk from a fresh build against the machine's PostgreSQL, opens N chat widget
# sessions with bench/WidgetLoad.java, drives customer messages and agent replies at the given
# total message rate, prints round-trip latencies and stops the server. Not part of ./mvnw verify.
#   bench/widget-load.sh [sessions] [messagesPerSecond] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
sessions="${1:-5000}"
rate="${2:-500}"
seconds="${3:-60}"
token="wd_bench_$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
inbox_key="web_chat_bench_$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
port=18080
# Server and driver each hold one socket per session.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

[ "${BENCH_SKIP_BUILD:-false}" = true ] || ./mvnw -q -B -ntp -DskipTests -Dspring-javaformat.skip=true package
jar=$(ls target/walletdesk-*.jar | grep -v plain | head -n 1)
psql -q -h 127.0.0.1 -U postgres -d postgres -c "drop database if exists walletdesk_bench with (force)" -c "create database walletdesk_bench"
SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/walletdesk_bench SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD= \
  WALLETDESK_ADMIN_TOKEN="$token" WALLETDESK_ADMIN_PASSWORD=bench-admin-password \
  java ${BENCH_JAVA_OPTS:--Xms1g -Xmx2g} -jar "$jar" --server.port=$port --walletdesk.demo.enabled=false \
  --logging.level.root=WARN > target/bench-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://localhost:$port/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
# The inbox is created directly in the database so the benchmark needs nothing but the widget.
psql -q -h 127.0.0.1 -U postgres -d walletdesk_bench -c \
  "insert into channel_inbox (id, kind, name, public_key, settings, enabled, created_at)
   values (gen_random_uuid(), 'web_chat', 'Load test', '$inbox_key', '{\"acknowledge\":\"false\"}', true, now())"
java ${DRIVER_JAVA_OPTS:--Xmx1g} bench/WidgetLoad.java "http://localhost:$port" "$token" "$inbox_key" "$sessions" "$rate" "$seconds"
