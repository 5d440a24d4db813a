#!/usr/bin/env bash
# The distributed topology of docker-compose.yml as local processes on 127.0.0.1, without Docker:
# 3 Kafka nodes (KRaft, broker+controller each, RF 3, min.insync.replicas 2), 2 gateways, 2 backtest workers,
# the market feed, and an nginx load balancer in front of the gateways when nginx is installed.
#
#   scripts/cluster.sh up                  start everything that is not running (creates the topics once)
#   scripts/cluster.sh start NAME...       start the named processes (after a stop or kill)
#   scripts/cluster.sh stop NAME...        SIGTERM and wait (graceful: gateways close sessions with 1001)
#   scripts/cluster.sh kill NAME...        kill -9 (no goodbye: the failure drills use this)
#   scripts/cluster.sh restart NAME...     stop then start
#   scripts/cluster.sh status              every process, its pid and whether it is up
#   scripts/cluster.sh logs NAME           follow a process's log
#   scripts/cluster.sh down                stop everything (data is kept: `up` again replays every past run)
#   scripts/cluster.sh clean               down, then delete the cluster's data
#
# NAMEs: kafka-1 kafka-2 kafka-3 gateway-1 gateway-2 worker-1 worker-2 feed lb
# Ports: Kafka 19092/19192/19292 (controllers 19093/19193/19293), gateways 18081/18082, load balancer 18080.
# State (pids, logs, Kafka data) under $TAPECAST_CLUSTER_DIR (default data/cluster). Build first:
#   mvn -B -DskipTests package
# Every setting of our processes is passed as an environment variable, exactly as in docker-compose.yml.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${TAPECAST_CLUSTER_DIR:-$ROOT/data/cluster}"
mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"
JAVA="${JAVA:-java}"
HOST=127.0.0.1
CLUSTER_CP="$ROOT/cluster/target/tapecast-cluster.jar:$ROOT/cluster/target/cluster-lib/*"
GATEWAY_JAR="${TAPECAST_GATEWAY_JAR:-$ROOT/gateway/target/tapecast-gateway.jar}"
WORKER_JAR="${TAPECAST_WORKER_JAR:-$ROOT/backtest-worker/target/tapecast-backtest-worker.jar}"
FEED_JAR="${TAPECAST_FEED_JAR:-$ROOT/market-feed/target/tapecast-market-feed.jar}"
PARTITIONS="${TAPECAST_CLUSTER_PARTITIONS:-12}"
# small heaps and the serial collector: eight JVMs share a laptop (or a 2-core CI box)
BROKER_JVM="${BROKER_JVM:--Xms256m -Xmx512m -XX:+UseSerialGC}"
APP_JVM="${APP_JVM:--Xms128m -Xmx512m -XX:+UseSerialGC}"

KAFKA_NODES=(kafka-1 kafka-2 kafka-3)
GATEWAYS=(gateway-1 gateway-2)
WORKERS=(worker-1 worker-2)

kafka_port() { echo $((19092 + 100 * ($1 - 1))); }
controller_port() { echo $((19093 + 100 * ($1 - 1))); }
gateway_port() { echo $((18080 + $1)); }
LB_PORT=18080
BOOTSTRAP="$HOST:$(kafka_port 1),$HOST:$(kafka_port 2),$HOST:$(kafka_port 3)"
VOTERS="1@$HOST:$(controller_port 1),2@$HOST:$(controller_port 2),3@$HOST:$(controller_port 3)"

have_feed() { [[ -f "$FEED_JAR" ]]; }
have_lb() { command -v nginx >/dev/null 2>&1; }

all_names() {
  local names=("${KAFKA_NODES[@]}" "${GATEWAYS[@]}" "${WORKERS[@]}")
  if have_feed; then names+=(feed); fi
  if have_lb; then names+=(lb); fi
  echo "${names[@]}"
}

pidfile() { echo "$DIR/$1.pid"; }
logfile() { echo "$DIR/logs/$1.log"; }

pid_of() {
  local f; f="$(pidfile "$1")"
  [[ -f "$f" ]] && cat "$f" || true
}

running() {
  local pid; pid="$(pid_of "$1")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null
}

jwt_secret() { # the HS256 secret the gateways verify tokens with; the drills mint their tokens with it
  if [[ ! -s "$DIR/jwt.secret" ]]; then
    (umask 077; head -c 48 /dev/urandom | base64 | tr -d '\n/+=' > "$DIR/jwt.secret")
  fi
  cat "$DIR/jwt.secret"
}

cluster_id() {
  if [[ ! -s "$DIR/cluster.id" ]]; then
    "$JAVA" -cp "$CLUSTER_CP" io.tapecast.cluster.KafkaNode new-cluster-id > "$DIR/cluster.id"
  fi
  cat "$DIR/cluster.id"
}

require_jar() {
  if [[ ! -f "$1" ]]; then
    echo "missing $1 - build first: mvn -B -DskipTests package" >&2
    exit 1
  fi
}

port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

wait_port() { # name port seconds
  local deadline=$((SECONDS + $3))
  until port_open "$2"; do
    if ! running "$1"; then echo "$1 exited; see $(logfile "$1")" >&2; tail -20 "$(logfile "$1")" >&2; return 1; fi
    if ((SECONDS > deadline)); then echo "$1 not listening on $2 after $3 s" >&2; return 1; fi
    sleep 0.3
  done
}

wait_health() { # name port seconds
  local deadline=$((SECONDS + $3))
  until curl -fsS "http://$HOST:$2/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    if ! running "$1"; then echo "$1 exited; see $(logfile "$1")" >&2; tail -20 "$(logfile "$1")" >&2; return 1; fi
    if ((SECONDS > deadline)); then echo "$1 not healthy on $2 after $3 s" >&2; return 1; fi
    sleep 0.5
  done
}

wait_log() { # name pattern seconds
  local deadline=$((SECONDS + $3))
  until grep -q "$2" "$(logfile "$1")" 2>/dev/null; do
    if ! running "$1"; then echo "$1 exited; see $(logfile "$1")" >&2; tail -20 "$(logfile "$1")" >&2; return 1; fi
    if ((SECONDS > deadline)); then echo "$1 did not log '$2' within $3 s" >&2; return 1; fi
    sleep 0.5
  done
}

# Each process runs from its own copy of its jars (data/cluster/lib/<name>), taken when it starts, so a
# `mvn package` while the cluster runs cannot pull a jar from under a running JVM.
stage() { # name, then files or directories to copy; prints the staged directory
  local dest="$DIR/lib/$1"; shift
  rm -rf "$dest"; mkdir -p "$dest"
  cp -r "$@" "$dest/"
  echo "$dest"
}

launch() { # name, then the command (env assignments first)
  local name="$1"; shift
  mkdir -p "$DIR/logs"
  echo "=== start $(date -u +%FT%TZ)" >> "$(logfile "$name")"
  nohup env "$@" >> "$(logfile "$name")" 2>&1 < /dev/null &
  echo $! > "$(pidfile "$name")"
}

start_one() {
  local name="$1"
  if running "$name"; then echo "$name already running (pid $(pid_of "$name"))"; return 0; fi
  case "$name" in
    kafka-[123])
      local n="${name#kafka-}"
      require_jar "$ROOT/cluster/target/tapecast-cluster.jar"
      local id lib; id="$(cluster_id)"
      lib="$(stage "$name" "$ROOT/cluster/target/tapecast-cluster.jar" "$ROOT"/cluster/target/cluster-lib/*.jar)"
      # shellcheck disable=SC2086
      launch "$name" "$JAVA" $BROKER_JVM -cp "$lib/*" io.tapecast.cluster.KafkaNode \
        --node-id="$n" --host="$HOST" --port="$(kafka_port "$n")" --controller-port="$(controller_port "$n")" \
        --voters="$VOTERS" --cluster-id="$id" --dir="$DIR/$name"
      ;;
    gateway-[12])
      local n="${name#gateway-}"
      require_jar "$GATEWAY_JAR"
      # shellcheck disable=SC2086
      # Every client of a local cluster comes from 127.0.0.1, so the per-address limits (meant for one user's
      # machine) are raised here; docker-compose.yml keeps the defaults.
      launch "$name" SERVER_PORT="$(gateway_port "$n")" SERVER_ADDRESS="$HOST" \
        SPRING_KAFKA_BOOTSTRAP_SERVERS="$BOOTSTRAP" TAPECAST_GATEWAY_NODE_ID="$name" \
        TAPECAST_SECURITY_JWT_HMAC_SECRET="$(jwt_secret)" \
        TAPECAST_SECURITY_ALLOWED_ORIGINS="http://$HOST:$LB_PORT,http://localhost:$LB_PORT" \
        TAPECAST_LIMITS_CONNECTIONS_PER_IP="${TAPECAST_LIMITS_CONNECTIONS_PER_IP:-10000}" \
        TAPECAST_LIMITS_CONNECTIONS_PER_USER="${TAPECAST_LIMITS_CONNECTIONS_PER_USER:-10000}" \
        TAPECAST_LIMITS_HANDSHAKES_PER_IP_PER_SECOND="${TAPECAST_LIMITS_HANDSHAKES_PER_IP_PER_SECOND:-2000}" \
        TAPECAST_LIMITS_STARTS_PER_USER_PER_MINUTE="${TAPECAST_LIMITS_STARTS_PER_USER_PER_MINUTE:-6000}" \
        "$JAVA" $APP_JVM -jar "$(stage "$name" "$GATEWAY_JAR")/$(basename "$GATEWAY_JAR")"
      ;;
    worker-[12])
      require_jar "$WORKER_JAR"
      # A dead worker's requests move to the other one when the group notices: after session.timeout.ms.
      # shellcheck disable=SC2086
      launch "$name" SPRING_KAFKA_BOOTSTRAP_SERVERS="$BOOTSTRAP" TAPECAST_WORKER_ID="$name" \
        TAPECAST_DATA_DIR="$ROOT/data" TAPECAST_WORKER_CONCURRENCY="${TAPECAST_WORKER_CONCURRENCY:-2}" \
        SPRING_KAFKA_CONSUMER_PROPERTIES_SESSION_TIMEOUT_MS=10000 \
        SPRING_KAFKA_CONSUMER_PROPERTIES_HEARTBEAT_INTERVAL_MS=3000 \
        "$JAVA" $APP_JVM -jar "$(stage "$name" "$WORKER_JAR")/$(basename "$WORKER_JAR")"
      ;;
    feed)
      require_jar "$FEED_JAR"
      # shellcheck disable=SC2086
      launch "$name" SPRING_KAFKA_BOOTSTRAP_SERVERS="$BOOTSTRAP" TAPECAST_DATA_DIR="$ROOT/data" \
        "$JAVA" $APP_JVM -jar "$(stage "$name" "$FEED_JAR")/$(basename "$FEED_JAR")"
      ;;
    lb)
      have_lb || { echo "nginx is not installed; no load balancer (clients use the gateways directly)"; return 0; }
      mkdir -p "$DIR/lb"
      sed -e "s#__LISTEN__#$HOST:$LB_PORT#" -e "s#__PID__#$DIR/lb/nginx.pid#" -e "s#__TMP__#$DIR/lb#g" \
          -e "s#__UPSTREAMS__#server $HOST:$(gateway_port 1) max_fails=1 fail_timeout=5s; server $HOST:$(gateway_port 2) max_fails=1 fail_timeout=5s;#" \
          "$ROOT/docker/nginx/nginx.local.conf.template" > "$DIR/lb/nginx.conf"
      launch "$name" nginx -p "$DIR/lb" -c "$DIR/lb/nginx.conf" -g "daemon off;"
      ;;
    *) echo "unknown process '$name'; one of: $(all_names)" >&2; exit 2 ;;
  esac
  echo "started $name (pid $(pid_of "$name"), log $(logfile "$name"))"
}

await_one() { # like compose's restart policy: an app that exits while starting (Kafka not ready yet) gets one more try
  if ! await_once "$1"; then
    case "$1" in
      gateway-*|worker-*|feed) echo "$1 failed to start; starting it once more" >&2; start_one "$1"; await_once "$1" ;;
      *) return 1 ;;
    esac
  fi
}

await_once() {
  case "$1" in
    kafka-[123]) wait_port "$1" "$(kafka_port "${1#kafka-}")" 90 ;;
    gateway-[12]) wait_health "$1" "$(gateway_port "${1#gateway-}")" 120 ;;
    worker-[12]) wait_log "$1" "Started BacktestWorkerApplication" 120 ;;
    feed) wait_log "$1" "Started " 120 ;;
    lb) have_lb && wait_port lb "$LB_PORT" 20 || true ;;
  esac
}

create_topics() {
  local out
  out="$("$JAVA" -cp "$CLUSTER_CP" io.tapecast.cluster.ClusterTopics --bootstrap-servers="$BOOTSTRAP" \
    --partitions="$PARTITIONS" 2>&1)" || { echo "$out" >&2; return 1; }
  echo "$out" | tee -a "$DIR/logs/topics.log" | grep -v '^[0-9:. ]*\(INFO\|WARN\|DEBUG\)' || true
}

stop_one() { # name signal
  local name="$1" sig="$2" pid
  pid="$(pid_of "$name")"
  if [[ -z "$pid" ]] || ! kill -0 "$pid" 2>/dev/null; then echo "$name not running"; rm -f "$(pidfile "$name")"; return 0; fi
  kill "-$sig" "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + 60))
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS > deadline)); then echo "$name did not stop in 60 s; kill -9" >&2; kill -9 "$pid" 2>/dev/null || true; fi
    sleep 0.2
  done
  rm -f "$(pidfile "$name")"
  echo "$([[ $sig == KILL ]] && echo killed || echo stopped) $name (pid $pid)"
}

up() {
  local started=()
  for k in "${KAFKA_NODES[@]}"; do if ! running "$k"; then start_one "$k"; started+=("$k"); fi; done
  for k in "${KAFKA_NODES[@]}"; do await_one "$k"; done
  create_topics
  local apps=("${GATEWAYS[@]}" "${WORKERS[@]}")
  if have_feed; then apps+=(feed); fi
  for a in "${apps[@]}"; do if ! running "$a"; then start_one "$a"; fi; done
  for a in "${apps[@]}"; do await_one "$a"; done
  if have_lb && ! running lb; then start_one lb; await_one lb; fi
  status
}

status() {
  printf '%-10s %-8s %-6s %s\n' NAME PID STATE ADDRESS
  for n in $(all_names); do
    local addr=""
    case "$n" in
      kafka-*) addr="$HOST:$(kafka_port "${n#kafka-}")" ;;
      gateway-*) addr="http://$HOST:$(gateway_port "${n#gateway-}")" ;;
      lb) addr="http://$HOST:$LB_PORT" ;;
    esac
    if running "$n"; then printf '%-10s %-8s %-6s %s\n' "$n" "$(pid_of "$n")" up "$addr"
    else printf '%-10s %-8s %-6s %s\n' "$n" - down "$addr"; fi
  done
}

down() {
  local order=(lb feed "${GATEWAYS[@]}" "${WORKERS[@]}")
  for n in "${order[@]}"; do if running "$n"; then stop_one "$n" TERM; fi; done
  # brokers in parallel: a node waiting for a quorum that the others already left would hang
  for n in "${KAFKA_NODES[@]}"; do if running "$n"; then kill -TERM "$(pid_of "$n")" 2>/dev/null || true; fi; done
  for n in "${KAFKA_NODES[@]}"; do stop_one "$n" TERM > /dev/null; done
  echo "cluster down (data kept in $DIR)"
}

cmd="${1:-status}"; shift || true
case "$cmd" in
  up) up ;;
  start) for n in "$@"; do start_one "$n"; done; for n in "$@"; do await_one "$n"; done ;;
  stop) for n in "$@"; do stop_one "$n" TERM; done ;;
  kill) for n in "$@"; do stop_one "$n" KILL; done ;;
  restart) for n in "$@"; do stop_one "$n" TERM; start_one "$n"; await_one "$n"; done ;;
  status) status ;;
  pid) pid_of "$1" ;;
  logs) tail -n 100 -f "$(logfile "$1")" ;;
  down) down ;;
  clean) down; rm -rf "$DIR"; echo "removed $DIR" ;;
  bootstrap) echo "$BOOTSTRAP" ;;
  jwt-secret) jwt_secret ;;
  gateways) for n in 1 2; do echo "http://$HOST:$(gateway_port "$n")"; done ;;
  lb-url) have_lb && echo "http://$HOST:$LB_PORT" || true ;;
  *) sed -n '2,20p' "$0"; exit 2 ;;
esac
