#!/bin/bash
# One-shot topic creation for docker-compose.yml (runs in the apache/kafka image, then exits 0).
# Replication factor 3 and min.insync.replicas 2 on every topic: an acks=all write is on two brokers at least, and
# losing any one broker neither loses nor blocks anything. Same plan as io.tapecast.cluster.ClusterTopics (the local
# cluster); ComposeFileTest keeps the two equal.
set -euo pipefail
BOOTSTRAP="${BOOTSTRAP_SERVERS:-kafka-1:9092,kafka-2:9092,kafka-3:9092}"
PARTITIONS="${TOPIC_PARTITIONS:-12}"
TOPICS=/opt/kafka/bin/kafka-topics.sh

create() { # name, then --config options
  local name="$1"; shift
  "$TOPICS" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$name" \
    --partitions "$PARTITIONS" --replication-factor 3 --config min.insync.replicas=2 "$@"
}

create backtest.requests
create backtest.control
create backtest.events --config retention.ms=-1
create backtest.status --config cleanup.policy=compact
create market.events --config retention.ms=604800000
create trading.events --config retention.ms=604800000
"$TOPICS" --bootstrap-server "$BOOTSTRAP" --describe --topic 'backtest\..*|market\..*|trading\..*' | grep -v '^\s*Topic: .*Partition:' || true
echo "topics ready"
