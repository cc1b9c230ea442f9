#!/usr/bin/env bash
# Follows README.md's OpenSearch steps on a standalone node, as an operator would: installs the
# analysis plugin with `bin/opensearch-plugin` into the minimal OpenSearch distribution (the
# "integ-test" zip OpenSearch publishes to Maven Central, fetched by Maven), copies the finance
# dictionary into the node's config directory, starts the node on loopback, creates the README's
# index and checks that
#   - the node's `finpatrol_words` analysis of every development-corpus text equals
#     `./finpatrol analyze` (the index's own word analyzer) token for token;
#   - `text_words` finds 保本保息 only where it stands as one word, the bigram field only where the
#     characters stand together, a simplified query finds a traditional page, and the bigram field
#     marks the hit in a highlight.
# Prints one line per check and exits non-zero when one fails. Needs a JDK, Maven, curl and python3
# (for reading the node's JSON answers). OpenSearch refuses to run as root: run as root, the script
# creates the system user `finpatrol-os` (no home, no shell) and starts the node as that user.
#
#   opensearch-plugin/standalone-check.sh
#   OPENSEARCH_VERSION=2.19.6 PORT=9299 opensearch-plugin/standalone-check.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
version=${OPENSEARCH_VERSION:-2.19.6}
port=${PORT:-9299}
for tool in curl python3 mvn java; do
  command -v "$tool" >/dev/null || { echo "standalone-check: $tool is needed" >&2; exit 2; }
done
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "standalone-check: 127.0.0.1:$port is taken; choose another with PORT=N" >&2
  exit 2
fi

work=$(mktemp -d /tmp/finpatrol-opensearch.XXXXXX)
node_pid=
cleanup() {
  [ -n "$node_pid" ] && kill "$node_pid" 2>/dev/null && wait "$node_pid" 2>/dev/null
  [ -n "${KEEP:-}" ] || rm -rf "$work"
}
trap cleanup EXIT

echo "standalone-check: building the plugin and fetching OpenSearch $version ..." >&2
{
  mvn -B -q -Dstyle.color=never -DskipTests -Dspotless.check.skip=true package -pl opensearch-plugin -am \
    && mvn -B -q -N -Dstyle.color=never dependency:copy \
      "-Dartifact=org.opensearch.distribution.integ-test-zip:opensearch:$version:zip" \
      "-DoutputDirectory=$work"
} >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
(cd "$work" && jar xf "opensearch-$version.zip") # jar, not unzip: a JDK is all this needs
home="$work/opensearch-$version"
chmod +x "$home"/bin/*
export OPENSEARCH_JAVA_HOME=${OPENSEARCH_JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}

plugin=$(ls opensearch-plugin/target/finpatrol-analysis-*.zip)
"$home/bin/opensearch-plugin" install --batch "file://$PWD/$plugin" >"$work/install.log" 2>&1 \
  || { cat "$work/install.log" >&2; exit 1; }
mkdir -p "$home/config/finpatrol"
cp config/dictionaries/finance.txt "$home/config/finpatrol/"

run_as=()
if [ "$(id -u)" = 0 ]; then
  id finpatrol-os >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin finpatrol-os
  chown -R finpatrol-os "$work"
  run_as=(runuser -u finpatrol-os --)
fi
echo "standalone-check: starting the node on 127.0.0.1:$port ..." >&2
"${run_as[@]}" env OPENSEARCH_JAVA_HOME="$OPENSEARCH_JAVA_HOME" OPENSEARCH_JAVA_OPTS="-Xms512m -Xmx512m" \
  "$home/bin/opensearch" -Ediscovery.type=single-node -Enetwork.host=127.0.0.1 \
  -Ehttp.port="$port" -Etransport.port=$((port + 100)) >"$work/node.log" 2>&1 &
node_pid=$!
url="http://127.0.0.1:$port"
for _ in $(seq 1 120); do
  curl -fs "$url/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1 && break
  kill -0 "$node_pid" 2>/dev/null || { tail -30 "$work/node.log" >&2; exit 1; }
  sleep 1
done

# request METHOD PATH [JSON]: the node's answer; an HTTP error fails the script with the answer.
request() {
  curl -sS --fail-with-body -X "$1" "$url$2" -H 'Content-Type: application/json' ${3:+-d "$3"}
}

failures=0
check() { # NAME EXPECTED ACTUAL
  if [ "$2" = "$3" ]; then
    echo "ok   $1"
  else
    echo "FAIL $1: expected [$2], got [$3]"
    failures=$((failures + 1))
  fi
}

request PUT /pages '{
  "settings": { "number_of_replicas": 0, "analysis": { "analyzer": {
    "words":   { "type": "finpatrol_words", "dictionary": "finance.txt" },
    "bigrams": { "type": "finpatrol_bigrams" } } } },
  "mappings": { "properties": {
    "url":  { "type": "keyword" },
    "text": { "type": "text", "analyzer": "bigrams", "index_options": "offsets", "copy_to": "text_words" },
    "text_words": { "type": "text", "analyzer": "words" },
    "ads":  { "type": "text", "analyzer": "bigrams", "index_options": "offsets",
              "position_increment_gap": 0, "copy_to": "ads_words" },
    "ads_words": { "type": "text", "analyzer": "words", "position_increment_gap": 0 } } } }' >/dev/null
check "plugin installed" finpatrol-analysis "$("$home/bin/opensearch-plugin" list 2>/dev/null | grep -x finpatrol-analysis || true)"

# Analysis: the node against the index's own analyzer, over the 300 development-corpus texts.
corpus=benchmarks/src/main/resources/corpus-texts.txt
./finpatrol analyze "$corpus" >"$work/finpatrol.tokens" 2>"$work/analyze.err"
python3 - "$corpus" "$url" >"$work/node.tokens" <<'EOF'
import json, sys, urllib.request
for line in open(sys.argv[1], encoding="utf-8").read().splitlines():
    body = json.dumps({"analyzer": "words", "text": line}).encode()
    req = urllib.request.Request(sys.argv[2] + "/pages/_analyze", body, {"Content-Type": "application/json"})
    print(" ".join(t["token"] for t in json.load(urllib.request.urlopen(req))["tokens"]))
EOF
differing=$(paste -d '\t' "$work/finpatrol.tokens" "$work/node.tokens" | awk -F '\t' '$1 != $2' | wc -l)
tokens=$(wc -w <"$work/node.tokens")
check "the node's words analysis gives tokens (more than 10,000 over the corpus)" true "$([ "$tokens" -gt 10000 ] && echo true || echo "false, $tokens")"
check "words analysis of $(wc -l <"$corpus") corpus texts equal to ./finpatrol analyze (lines differing)" 0 "$differing"
[ "$differing" = 0 ] || paste -d '\n' "$work/finpatrol.tokens" "$work/node.tokens" | awk 'NR % 2 { a = $0; next } a != $0 { print "  finpatrol: " a; print "  node:      " $0; if (++n == 3) exit }'

# Search.
request PUT '/pages/_doc/1' '{"url": "http://a.example/1", "text": "本平台承诺保本保息，年化收益百分之十二。"}' >/dev/null
request PUT '/pages/_doc/2' '{"url": "http://a.example/2", "text": "本产品不保本，保息与否以合同为准。"}' >/dev/null
request PUT '/pages/_doc/3' '{"url": "http://b.example/3", "text": "投資穩賺不賠，月息三分。", "ads": ["限時搶購", "穩賺不賠"]}' >/dev/null
request POST '/pages/_refresh' >/dev/null

# search QUERY_JSON: the URLs of the hits, sorted, comma-separated.
search() {
  request POST /pages/_search "{\"query\": $1}" \
    | python3 -c 'import json, sys; print(",".join(sorted(h["_source"]["url"] for h in json.load(sys.stdin)["hits"]["hits"])))'
}
check "text_words 保本保息 finds the page promising it, not the one saying 保本 and 保息 apart" \
  "http://a.example/1" "$(search '{"match": {"text_words": "保本保息"}}')"
check "bigram phrase 保本 finds both pages" \
  "http://a.example/1,http://a.example/2" "$(search '{"match_phrase": {"text": "保本"}}')"
check "bigram phrase 承诺保本 finds only where the characters stand together" \
  "http://a.example/1" "$(search '{"match_phrase": {"text": "承诺保本"}}')"
check "simplified 稳赚不赔 finds the traditional page" \
  "http://b.example/3" "$(search '{"match_phrase": {"text": "稳赚不赔"}}')"
check "ads_words 限时抢购 (simplified) finds the traditional ad" \
  "http://b.example/3" "$(search '{"match": {"ads_words": "限时抢购"}}')"
marked=$(request POST /pages/_search '{"query": {"match_phrase": {"text": "保本保息"}}, "highlight": {"fields": {"text": {}}}}' \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["hits"]["hits"][0]["highlight"]["text"][0])')
check "the bigram field's highlight marks the phrase" 1 "$(grep -c '<em>保本</em><em>保息</em>\|<em>保本保息</em>' <<<"$marked" || true)"
echo "  highlight: $marked"

if [ "$failures" -gt 0 ]; then
  echo "standalone-check: $failures check(s) failed; the node's log is $work/node.log (kept)" >&2
  KEEP=1
  exit 1
fi
echo "standalone-check: OpenSearch $version with finpatrol-analysis: every check passed"
