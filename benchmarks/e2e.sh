#!/usr/bin/env bash
# End to end: a whole `finpatrol patrol` (crawl, WARC evidence, index, classification, cases) of a
# generated Chinese financial site of PAGES pages, served on loopback with keep-alive, beside
# (a) bare crawler4j merely crawling the same site (8 threads, politeness 0, 1 s monitor delays)
# and (b) `wget -r` merely mirroring it. Each is its own process, timed whole (start-up included)
# by GNU time: wall seconds, pages/s, CPU milliseconds per page, peak RSS. The patrol's steps are
# timed from its log. Needs a JDK, wget and /usr/bin/time (Debian: apt-get install wget time).
#
#   benchmarks/e2e.sh [PAGES=3000]
#   THREADS=8 benchmarks/e2e.sh 3000   # the patrol's fetch threads (default 4, all on the one host)
#   RUNS=5 benchmarks/e2e.sh 3000      # five rounds of the three, one after another; each round's
#                                      # rows, then the median of the rounds' patrol / bare ratios
#   SITE=corpus benchmarks/e2e.sh 3000 # pages like real sites': corpus texts, a footer of facts
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
pages=${1:-3000}
jar=benchmarks/target/benchmarks.jar
for tool in wget /usr/bin/time java; do
  command -v "$tool" >/dev/null || { echo "e2e: $tool is needed" >&2; exit 2; }
done
# The launcher rebuilds the application, not the harnesses: a stale jar is refused, not run.
if [ ! -f "$jar" ] || [ -n "$(find benchmarks/src benchmarks/pom.xml -newer "$jar" -print -quit)" ]; then
  echo "e2e: $jar is missing or older than benchmarks/src; build it: mvn -B -q -pl benchmarks -am install -DskipTests" >&2
  exit 2
fi
./finpatrol --version >/dev/null # builds the application jar now if it is stale, not while timed

work=$(mktemp -d /tmp/finpatrol-e2e.XXXXXX)
site_pid=
trap '[ -n "$site_pid" ] && kill $site_pid 2>/dev/null; wait 2>/dev/null || true; [ -n "${E2E_KEEP:-}" ] || rm -rf "$work"' EXIT
java -Dfinpatrol.site="${SITE:-short}" -cp "$jar" org.finpatrol.benchmarks.SyntheticSite "$pages" >"$work/site.port" 2>"$work/site.err" &
site_pid=$!
for _ in $(seq 1 100); do [ -s "$work/site.port" ] && break; sleep 0.1; done
port=$(head -1 "$work/site.port")
seed="http://127.0.0.1:$port/p/0"
limit=$((pages + 10))

# measure NAME COMMAND...: runs it under GNU time; "wall user sys maxrss_kb" go to NAME.time.
measure() {
  local name=$1
  shift
  echo "e2e: $name ..." >&2
  /usr/bin/time -f '%e %U %S %M' -o "$work/$name.time" "$@" >"$work/$name.out" 2>&1 || {
    local status=$?
    # wget exits 8 when some URL answered an error (robots.txt is a 404 here).
    if [ "$name" != wget ] || [ "$status" -ne 8 ]; then
      echo "e2e: $name failed ($status):" >&2
      tail -20 "$work/$name.out" >&2
      exit 1
    fi
  }
}

row() { # NAME PAGES
  read -r wall user sys rss <"$work/$1.time"
  awk -v n="$1" -v p="$2" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" 'BEGIN {
    printf "%-8s %7d %9.2f %9.1f %12.2f %12.0f\n", n, p, w, (w > 0 ? p / w : 0), (p > 0 ? (u + s) * 1000 / p : 0), r / 1024 }'
}

# One round: the patrol (fresh data directory), bare crawler4j, wget, each timed whole; then the
# round's rows. This machine's speed drifts over minutes, so a ratio compares a patrol with the bare
# crawl right after it, and several rounds give a median.
ratios=()
for round in $(seq 1 "${RUNS:-1}"); do
  rm -rf "$work/data" "$work/bare" "$work/wget"
  # GC log: the heap left after each collection shows whether the patrol's heap grows with the pages.
  FINPATROL_JAVA_OPTS="-Xmx2g -Xlog:gc:file=$work/patrol-gc.log" \
    measure patrol ./finpatrol --data "$work/data" --config config patrol --seed "$seed" \
    --allow-private-network --politeness-ms 0 --max-pages "$limit" --max-pages-per-host "$limit" \
    --max-depth 10000 --threads "${THREADS:-4}" --threads-per-host "${THREADS:-4}"
  measure bare java -cp "$jar" org.finpatrol.benchmarks.CrawlBenchmark bare "$seed" "$limit" "$work/bare"
  measure wget wget -r -l inf -nv -e robots=on -P "$work/wget" "$seed"

  patrol_pages=$(sed -nE 's/^  pages: ([0-9]+).*/\1/p' "$work/patrol.out")
  bare_pages=$(sed -nE 's/^bare crawler4j: ([0-9]+) pages.*/\1/p' "$work/bare.out")
  wget_pages=$(find "$work/wget" -type f | wc -l)

  [ "${RUNS:-1}" -gt 1 ] && echo "round $round of ${RUNS}:"
  printf '%s pages generated, served on loopback; whole processes, start-up included\n' "$pages"
  printf '%-8s %7s %9s %9s %12s %12s\n' run pages wall_s pages/s cpu_ms/page peak_rss_MB
  row patrol "$patrol_pages"
  row bare "$bare_pages"
  row wget "$wget_pages"
  read -r pw _ <"$work/patrol.time"
  read -r bw _ <"$work/bare.time"
  ratio=$(awk -v p="$pw" -v b="$bw" 'BEGIN { printf "%.2f", p / b }')
  ratios+=("$ratio")
  echo "patrol / bare crawler4j wall time: $ratio"
  sed -nE 's/.*Pause (Young|Full|Remark|Cleanup).*->([0-9]+)M\(.*/\2/p' "$work/patrol-gc.log" | awk '
    { n++; if ($1 > max) max = $1; last = $1 }
    END { printf "patrol heap after GC: max %d MB, last %d MB (%d collections)\n", max, last, n }'
  echo "patrol steps (from its log):"
  grep -oE 'Step: \[[a-z]+\] executed in [0-9a-z]+' "$work/data/logs/finpatrol.log" | sed 's/^/  /'
done
if [ "${#ratios[@]}" -gt 1 ]; then
  printf '%s\n' "${ratios[@]}" | sort -n | awk '{ r[NR] = $1 } END {
    m = NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2
    printf "patrol / bare crawler4j over %d rounds: median %.2f (from %.2f to %.2f)\n", NR, m, r[1], r[NR] }'
fi
