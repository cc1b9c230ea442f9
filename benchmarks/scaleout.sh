#!/usr/bin/env bash
# Scale-out: the same patrol of HOSTS generated sites (PAGES pages in all, one site on each of the
# loopback addresses 127.0.0.1 ... 127.0.0.HOSTS) run three ways, each on its own fresh database of
# the MariaDB server on 127.0.0.1:3306 (root, no password) and its own data directory:
#   one     `finpatrol patrol` alone (all steps in one process)
#   1w      `finpatrol patrol --partitions HOSTS` with one `finpatrol worker`
#   2w      the same with two workers
# over the RabbitMQ broker on 127.0.0.1:5672 (guest/guest). The manager is timed whole by GNU time
# (start-up included); the workers are long-running services, started and warmed up before.
# Needs a JDK, /usr/bin/time, the MariaDB client and the two servers.
#
#   benchmarks/scaleout.sh [PAGES=3000] [HOSTS=4]
#   PIN=1 benchmarks/scaleout.sh 3000 4   # each worker (and the process of `one`) on a core of its
#                                         # own (taskset), as if on a machine of one core each
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
pages=${1:-3000}
hosts=${2:-4}
jar=benchmarks/target/benchmarks.jar
for tool in /usr/bin/time java mariadb ${PIN:+taskset}; do
  command -v "$tool" >/dev/null || { echo "scaleout: $tool is needed" >&2; exit 2; }
done
# The launcher rebuilds the application, not the harnesses: a stale jar is refused, not run.
if [ ! -f "$jar" ] || [ -n "$(find benchmarks/src benchmarks/pom.xml -newer "$jar" -print -quit)" ]; then
  echo "scaleout: $jar is missing or older than benchmarks/src; build it: mvn -B -q -pl benchmarks -am install -DskipTests" >&2
  exit 2
fi
./finpatrol --version >/dev/null # builds the application jar now if it is stale, not while timed

work=$(mktemp -d /tmp/finpatrol-scaleout.XXXXXX)
tag=$(basename "$work" | tr -dc 'a-zA-Z0-9' | tail -c 7)
pids=()
dbs=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  for d in "${dbs[@]}"; do mariadb -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $d" || true; done
  # The partition queues are durable; where the broker is local, they go too.
  if command -v rabbitmqctl >/dev/null; then
    for q in one 1w 2w; do rabbitmqctl -q delete_queue "finpatrol.partitions.scaleout.$tag.$q" >/dev/null 2>&1 || true; done
  fi
  [ -n "${SCALEOUT_KEEP:-}" ] || rm -rf "$work"
}
trap cleanup EXIT

per_host=$((pages / hosts))
seeds=()
for h in $(seq 1 "$hosts"); do
  java -cp "$jar" org.finpatrol.benchmarks.SyntheticSite "$per_host" "127.0.0.$h" >"$work/site$h.port" 2>"$work/site$h.err" &
  pids+=($!)
done
for h in $(seq 1 "$hosts"); do
  for _ in $(seq 1 100); do [ -s "$work/site$h.port" ] && break; sleep 0.1; done
  seeds+=(--seed "http://127.0.0.$h:$(head -1 "$work/site$h.port")/p/0")
done
limit=$((per_host + 10))
common=(--allow-private-network --politeness-ms 0 --max-pages "$((pages + 10 * hosts))"
  --max-pages-per-host "$limit" --max-depth 10000 "${seeds[@]}")

# database NAME: a fresh database, recorded for the clean-up; sets url to its JDBC URL. (Not
# called as $(database ...): in that subshell the record was lost and the databases stayed.)
database() {
  local name="finpatrol_scaleout_${tag}_$1"
  dbs+=("$name")
  mariadb -h127.0.0.1 -uroot -e "CREATE DATABASE $name CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
  url="jdbc:mysql://127.0.0.1:3306/$name"
}

# run NAME WORKERS: the patrol with WORKERS workers (0: no partitions, one process).
run() {
  local name=$1 workers=$2 url queue="finpatrol.partitions.scaleout.$tag.$1"
  database "$name"
  mkdir -p "$work/$name"
  local worker_pids=()
  for w in $(seq 1 "$workers"); do
    local core=()
    [ -n "${PIN:-}" ] && core=(taskset -c "$(((w - 1) % $(nproc)))")
    FINPATROL_DB_URL=$url FINPATROL_JAVA_OPTS="-Xmx2g -Dfinpatrol.partition-queue=$queue" \
      ${core[@]+"${core[@]}"} ./finpatrol \
      --data "$work/$name/data" --config config worker >"$work/$name/worker$w.out" 2>&1 &
    worker_pids+=($!)
    pids+=($!)
  done
  for w in $(seq 1 "$workers"); do
    for _ in $(seq 1 600); do grep -q "taking partitions" "$work/$name/worker$w.out" && break; sleep 0.1; done
    grep -q "taking partitions" "$work/$name/worker$w.out" || { echo "scaleout: worker $w did not start:" >&2; tail "$work/$name/worker$w.out" >&2; exit 1; }
  done
  local partitions=() alone=()
  [ "$workers" -gt 0 ] && partitions=(--partitions "$hosts")
  # Pinned, the patrol of one process gets one core, as one worker does.
  [ "$workers" -eq 0 ] && [ -n "${PIN:-}" ] && alone=(taskset -c 0)
  echo "scaleout: $name ..." >&2
  FINPATROL_DB_URL=$url FINPATROL_JAVA_OPTS="-Xmx2g -Dfinpatrol.partition-queue=$queue" \
    /usr/bin/time -f '%e %U %S %M' -o "$work/$name.time" ${alone[@]+"${alone[@]}"} ./finpatrol --data "$work/$name/data" \
    --config config patrol "${common[@]}" "${partitions[@]}" >"$work/$name/manager.out" 2>&1 \
    || { echo "scaleout: $name failed:" >&2; tail -20 "$work/$name/manager.out" >&2; exit 1; }
  for p in "${worker_pids[@]}"; do kill "$p" 2>/dev/null || true; done
  sed -nE 's/^  pages: ([0-9]+).*/\1/p' "$work/$name/manager.out" >"$work/$name.pages"
}

run one 0
run 1w 1
run 2w 2

printf '%s pages over %s hosts, served on loopback; manager timed whole, start-up included\n' "$pages" "$hosts"
printf '%-5s %7s %9s %9s %16s\n' run pages wall_s pages/s manager_rss_MB
for name in one 1w 2w; do
  read -r wall _ _ rss <"$work/$name.time"
  awk -v n="$name" -v p="$(cat "$work/$name.pages")" -v w="$wall" -v r="$rss" 'BEGIN {
    printf "%-5s %7d %9.2f %9.1f %16.0f\n", n, p, w, (w > 0 ? p / w : 0), r / 1024 }'
done
