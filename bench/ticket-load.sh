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
  java ${BENCH_JAVA_OPTS:--Xmx2g} -jar "$jar" --server.port=$port --walletdesk.demo.enabled=false \
  --walletdesk.embedded-postgres.data-directory=target/bench-pg --logging.level.root=WARN > target/bench-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://localhost:$port/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
java bench/TicketLoad.java "http://localhost:$port" "$token" "$seconds" 1 4 16
