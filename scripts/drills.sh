#!/usr/bin/env bash
# Failure drills against the local cluster (scripts/cluster.sh), results in cluster/target/drills/report-*.md:
#   scripts/drills.sh                 all four: broker gateway worker restart (about 8-10 minutes on 2 cores)
#   scripts/drills.sh broker worker   only these
#   scripts/drills.sh --fresh [...]   start from an empty cluster and delete it afterwards (what CI should call)
# Options: DRILL_OPTS="-Ddrill.runs=16 -Ddrill.clients=2 -Ddrill.months=2". Brings the cluster up if it is not;
# leaves it running afterwards (scripts/cluster.sh down to stop it). Build first: mvn -B -DskipTests package
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CP="$ROOT/cluster/target/tapecast-cluster.jar:$ROOT/cluster/target/cluster-lib/*"
if [[ ! -f "$ROOT/cluster/target/tapecast-cluster.jar" ]]; then
  echo "missing cluster/target/tapecast-cluster.jar - build first: mvn -B -DskipTests package" >&2
  exit 1
fi
if [[ "${1:-}" == "--fresh" ]]; then
  shift
  "$ROOT/scripts/cluster.sh" clean > /dev/null
  trap '"$ROOT/scripts/cluster.sh" clean > /dev/null 2>&1 || true' EXIT
  # shellcheck disable=SC2086
  "${JAVA:-java}" -Xmx512m ${DRILL_OPTS:-} -Ddrill.root="$ROOT" -cp "$CP" io.tapecast.cluster.drill.Drills "$@"
  exit $?
fi
# shellcheck disable=SC2086
exec "${JAVA:-java}" -Xmx512m ${DRILL_OPTS:-} -Ddrill.root="$ROOT" -cp "$CP" io.tapecast.cluster.drill.Drills "$@"
