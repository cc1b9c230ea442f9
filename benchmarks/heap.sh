#!/usr/bin/env bash
# Live heap of a whole `finpatrol patrol` of the generated site (PAGES pages, as e2e.sh), sampled
# every 5 s: a full collection forced with `jcmd GC.run`, and the heap it left read from the JVM's
# own GC log (`Pause Full (Diagnostic Command) before->after`). Reading `jcmd GC.heap_info` instead, a
# moment later, also counts what the busy threads allocated in between: up to 150 MB more in the
# index step. The collections perturb the timing, so this runs apart from e2e.sh; compare the
# figures for 3,000, 30,000 and more pages to see whether the heap grows with the pages.
#
#   benchmarks/heap.sh [PAGES=3000]
#   SITE=corpus benchmarks/heap.sh 30000   # pages like real sites' (as e2e.sh's SITE=corpus)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
pages=${1:-3000}
jar=benchmarks/target/benchmarks.jar
for tool in jcmd java; do
  command -v "$tool" >/dev/null || { echo "heap: $tool is needed (a JDK)" >&2; exit 2; }
done
# The launcher rebuilds the application, not the harnesses: a stale jar is refused, not run.
if [ ! -f "$jar" ] || [ -n "$(find benchmarks/src benchmarks/pom.xml -newer "$jar" -print -quit)" ]; then
  echo "heap: $jar is missing or older than benchmarks/src; build it: mvn -B -q -pl benchmarks -am install -DskipTests" >&2
  exit 2
fi
./finpatrol --version >/dev/null

work=$(mktemp -d /tmp/finpatrol-heap.XXXXXX)
site_pid=
patrol_pid=
trap '[ -n "$site_pid" ] && kill $site_pid 2>/dev/null; [ -n "$patrol_pid" ] && kill $patrol_pid 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"' EXIT
java -Dfinpatrol.site="${SITE:-short}" -cp "$jar" org.finpatrol.benchmarks.SyntheticSite "$pages" >"$work/site.port" 2>"$work/site.err" &
site_pid=$!
for _ in $(seq 1 100); do [ -s "$work/site.port" ] && break; sleep 0.1; done
seed="http://127.0.0.1:$(head -1 "$work/site.port")/p/0"
limit=$((pages + 10))

FINPATROL_JAVA_OPTS="${FINPATROL_JAVA_OPTS:--Xmx2g} -Xlog:gc:file=$work/gc.log" \
  ./finpatrol --data "$work/data" --config config patrol --seed "$seed" --allow-private-network \
  --politeness-ms 0 --max-pages "$limit" --max-pages-per-host "$limit" --max-depth 10000 \
  --threads "${THREADS:-4}" --threads-per-host "${THREADS:-4}" \
  >"$work/patrol.out" 2>"$work/patrol.err" &
launcher=$!
patrol_pid=$launcher # ./finpatrol execs java, so the launcher's pid is the JVM's
echo "seconds live_heap_MB step" >"$work/samples"
start=$(date +%s)
while kill -0 "$patrol_pid" 2>/dev/null; do
  sleep 5
  jcmd "$patrol_pid" GC.run >/dev/null 2>&1 || break
  # The log line of the collection just forced: "... Pause Full (Diagnostic Command) 247M->75M(260M) ..."
  live=$(grep -F 'Pause Full (Diagnostic Command)' "$work/gc.log" 2>/dev/null | tail -1 \
    | sed -nE 's/.*\) [0-9]+M->([0-9]+)M\(.*/\1/p' || true)
  [ -n "$live" ] || break
  step=$(grep -oE 'Executing step: \[[a-z]+\]' "$work/data/logs/finpatrol.log" 2>/dev/null | tail -1 | sed -E 's/.*\[([a-z]+)\]/\1/' || true)
  echo "$(($(date +%s) - start)) $live ${step:-start}" >>"$work/samples"
done
wait "$launcher" || { echo "heap: the patrol failed:" >&2; tail "$work/patrol.err" >&2; exit 1; }
patrol_pid=
cat "$work/samples"
awk 'NR > 1 { if ($2 > max) max = $2 } END { printf "live heap after a full GC, %s pages: max %d MB\n", "'"$pages"'", max }' "$work/samples"
