#!/usr/bin/env bash
# E-mail ingestion throughput: fills a GreenMail mailbox with N mails (default 10,000), lets
# WalletDesk poll them over IMAP into tickets and prints mails per minute.
#   bench/email-ingest.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-10000}"
./mvnw -q test -Dtest=EmailIngestBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
	-DargLine="-Dwalletdesk.bench.email.n=${N} -Xmx2g" -Dspring-javaformat.skip=true
grep -h "EMAIL INGEST" target/surefire-reports/io.walletdesk.channel.email.EmailIngestBenchmark-output.txt
