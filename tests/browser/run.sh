#!/usr/bin/env bash
# End-to-end tests of the web UI in headless Chromium (Debian's chromium, driven by
# playwright-core), against two real nodes that federate on loopback:
#
#   node 1  "marseille"  `serve --demo` (the seed items), follows node 2
#   node 2  "ariege"     empty, with an admin editor (camille) who publishes through the form
#
# Usage: tests/browser/run.sh [extra arguments for `node --test`, e.g. --test-name-pattern=facets]
#
# Environment:
#   MAILLAGE_BIN            use this binary instead of building one (`cargo build --bin maillage`)
#   MAILLAGE_BROWSER_PORT   first port to try (default 8511; the next free ones are used)
#   CHROMIUM                the browser (default /usr/bin/chromium: `apt-get install -y chromium`)
#   KEEP_TMP=1              keep the nodes' databases and logs after the run
#
# Screenshots go to target/screenshots/. The nodes are always stopped on exit.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

chromium=${CHROMIUM:-/usr/bin/chromium}
if [[ ! -x "$chromium" ]]; then
  echo "browser tests: $chromium is missing (Debian: apt-get install -y chromium chromium-l10n)" >&2
  exit 1
fi
command -v node >/dev/null || { echo "browser tests: node is missing" >&2; exit 1; }
command -v curl >/dev/null || { echo "browser tests: curl is missing" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/maillage-browser.XXXXXX")
pids=()
status=1
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [[ $status != 0 ]]; then
    for log in "$work"/*.log; do
      [[ -f $log ]] || continue
      echo "---- last lines of $(basename "$log")"
      tail -n 40 "$log" | sed 's/\x1b\[[0-9;]*m//g'
    done
  fi
  if [[ ${KEEP_TMP:-} == 1 ]]; then echo "browser tests: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The binary: a private copy, so that a rebuild of target/debug during the run can't
# pull it from under the nodes.
if [[ -n ${MAILLAGE_BIN:-} ]]; then
  cp "$MAILLAGE_BIN" "$work/maillage"
else
  cargo build --bin maillage
  cp "$root/target/debug/maillage" "$work/maillage"
fi
bin="$work/maillage"
config="$root/config/dev.toml"

# Free ports: something answering on a port means it is taken.
port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local p=$1
  while port_taken "$p" || [[ " ${*:2} " == *" $p "* ]]; do p=$((p + 1)); done
  echo "$p"
}
port1=$(free_port "${MAILLAGE_BROWSER_PORT:-8511}")
port2=$(free_port $((port1 + 1)) "$port1")
node1="http://127.0.0.1:$port1"
node2="http://127.0.0.1:$port2"

node1_env=(
  MAILLAGE__SERVER__PORT="$port1"
  MAILLAGE__NODE__USERNAME=marseille
  MAILLAGE__NODE__DISPLAY_NAME="Aix-Marseille-Provence"
  MAILLAGE__NODE__TERRITORY="epci:200054807"
  MAILLAGE__DATABASE__PATH="$work/marseille.db"
)
node2_env=(
  MAILLAGE__SERVER__PORT="$port2"
  MAILLAGE__NODE__USERNAME=ariege
  MAILLAGE__NODE__DISPLAY_NAME="Ariège"
  MAILLAGE__NODE__TERRITORY="departement:09"
  MAILLAGE__DATABASE__PATH="$work/ariege.db"
)

wait_ready() { # name url pid
  for _ in $(seq 1 300); do
    curl -fsS "$2/readyz" >/dev/null 2>&1 && return 0
    kill -0 "$3" 2>/dev/null || { echo "browser tests: node $1 stopped at start" >&2; return 1; }
    sleep 0.1
  done
  echo "browser tests: node $1 not ready at $2 after 30 s" >&2
  return 1
}

echo "== browser tests: node 1 (marseille, demo) on $node1, node 2 (ariege) on $node2"
env "${node1_env[@]}" "$bin" --config "$config" serve --demo >"$work/marseille.log" 2>&1 &
pids+=($!)
env "${node2_env[@]}" "$bin" --config "$config" serve >"$work/ariege.log" 2>&1 &
pids+=($!)
wait_ready marseille "$node1" "${pids[0]}"
wait_ready ariege "$node2" "${pids[1]}"

editor=camille
password='motdepasse-tres-long'
echo "$password" | env "${node2_env[@]}" "$bin" --config "$config" editor add "$editor" --role admin
echo
token=$(env "${node2_env[@]}" "$bin" --config "$config" token create navigateur)
env "${node1_env[@]}" "$bin" --config "$config" follow "ariege@127.0.0.1:$port2"

# Wait until node 1's follow is accepted and its first catch-up with node 2 is done.
synced() {
  curl -fsS "$node1/api/v1/network" 2>/dev/null | ACTOR="$node2/actor" node -e '
    let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
      const t = JSON.parse(s).territories.find((t) => t.actor === process.env.ACTOR);
      process.exit(t && t.health && t.health.last_sync_at ? 0 : 1);
    });'
}
for i in $(seq 1 150); do
  synced && break
  [[ $i == 150 ]] && { echo "browser tests: node 1 never synced with node 2" >&2; exit 1; }
  sleep 0.2
done

# playwright-core only (no browser download): installed by `npm ci` from the lock file.
if [[ ! -f "$here/node_modules/playwright-core/package.json" ]]; then
  (cd "$here" && npm ci --no-audit --no-fund)
fi

shots="$root/target/screenshots"
mkdir -p "$shots"
rm -f "$shots"/*.png

echo "== browser tests: node --test (headless $("$chromium" --version 2>/dev/null || echo chromium), JavaScript disabled)"
set +e
(
  cd "$here"
  MAILLAGE_NODE1_URL="$node1" MAILLAGE_NODE2_URL="$node2" \
    MAILLAGE_EDITOR="$editor" MAILLAGE_PASSWORD="$password" MAILLAGE_TOKEN="$token" \
    SCREENSHOT_DIR="$shots" CHROMIUM="$chromium" \
    node --test --test-reporter=spec --test-concurrency=1 --test-timeout=180000 "$@" \
    browse.test.mjs media.test.mjs places.test.mjs publish.test.mjs accessibility.test.mjs retracted.test.mjs
)
status=$?
set -e
echo "== browser tests: screenshots in $shots"
ls -1 "$shots"
exit $status
