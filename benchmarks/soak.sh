#!/usr/bin/env bash
# Soak: N consecutive scheduled patrols of a local site by one `finpatrol serve`; after each,
# the server's heap after a full GC, its open file descriptors and its threads. Flat numbers mean
# nothing leaks from patrol to patrol. Needs curl, python3 (site and JSON) and the JDK's jcmd.
#
#   benchmarks/soak.sh [PATROLS=20] [PAGES=150]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
patrols=${1:-20}
pages=${2:-150}
work=$(mktemp -d /tmp/finpatrol-soak.XXXXXX)
trap 'kill $site_pid $server_pid 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT

# The site: PAGES generated Chinese pages, five links each, every fourth promising 保本保息.
mkdir -p "$work/site/p"
python3 - "$work/site" "$pages" <<'PY'
import sys, os
root, n = sys.argv[1], int(sys.argv[2])
def page(i):
    links = "".join(f'<a href="/p/{(i * 7 + k) % n}.html">产品{(i * 7 + k) % n}</a> ' for k in range(1, 6))
    claim = "本平台承诺保本保息，年化收益15%，立即投资！" if i % 4 == 0 else "理财非存款，产品有风险，投资须谨慎。"
    return f"<html><head><meta charset='utf-8'><title>鑫盛理财 产品{i}</title></head><body><p>{claim}</p><p>{links}</p></body></html>"
for i in range(n):
    open(os.path.join(root, "p", f"{i}.html"), "w", encoding="utf-8").write(page(i))
open(os.path.join(root, "index.html"), "w", encoding="utf-8").write(page(0))
PY
site_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd "$work/site" && exec python3 -m http.server "$site_port" --bind 127.0.0.1 >/dev/null 2>&1) &
site_pid=$!

# The configuration: the shipped one, with one seed group patrolled every 15 seconds.
cp -r config "$work/config"
echo "http://127.0.0.1:$site_port/" > "$work/config/seeds/soak.txt"
cat > "$work/config/schedules.yml" <<YML
schedules:
  - group: soak
    cron: "*/15 * * * * *"
    max_pages: $((pages + 10))
    max_depth: 10
    politeness_ms: 0
YML

server_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
export FINPATROL_ADMIN_PASSWORD=soak-admin-password
FINPATROL_JAVA_OPTS="-Xmx512m -Dfinpatrol.scheduler.tick-ms=500 -Dspring.datasource.hikari.leak-detection-threshold=20000" \
  ./finpatrol --data "$work/data" --config "$work/config" serve --port "$server_port" \
  --allow-private-network >"$work/server.out" 2>&1 &
server_pid=$!
health() {
  curl -s -u "admin:$FINPATROL_ADMIN_PASSWORD" "http://127.0.0.1:$server_port/actuator/health"
}
for _ in $(seq 1 120); do health 2>/dev/null | grep -q '"status"' && break; sleep 1; done
health 2>/dev/null | grep -q '"status"' \
  || { echo "soak: the server did not start" >&2; cat "$work/server.out" >&2; exit 1; }

printf '%-7s %-7s %-8s %-14s %-9s %-8s\n' patrol pages flagged heap_after_gc open_fds threads
done_runs=0
started=$(date +%s)
while [ "$done_runs" -lt "$patrols" ]; do
  sleep 1
  # Health may answer 503 for a moment (a component DOWN or slow): then just ask again.
  state=$(health | python3 -c '
import json, sys
try:
    d = json.load(sys.stdin)["components"]["patrol"]["details"]
    print(d.get("last_run", 0), d["running"], d.get("pages", 0), d.get("flagged", 0))
except Exception:
    print(0, True, 0, 0)')
  read -r last running run_pages flagged <<<"$state"
  if [ "$running" = "False" ] && [ "$last" -gt "$done_runs" ]; then
    done_runs=$last
    jcmd "$server_pid" GC.run >/dev/null
    heap=$(jcmd "$server_pid" GC.heap_info | awk '/used/ {for (i=1;i<=NF;i++) if ($i=="used") {print $(i+1); exit}}' | tr -d ',')
    fds=$(ls /proc/"$server_pid"/fd | wc -l)
    threads=$(ls /proc/"$server_pid"/task | wc -l)
    printf '%-7s %-7s %-8s %-14s %-9s %-8s\n' "$last" "$run_pages" "$flagged" "$heap" "$fds" "$threads"
  fi
  if [ $(( $(date +%s) - started )) -gt $(( patrols * 60 )) ]; then
    echo "soak: too slow, stopped after $done_runs patrols" >&2
    exit 1
  fi
done
echo "soak: $patrols patrols of $pages pages in $(( $(date +%s) - started )) s"
