#!/bin/sh
# Idle memory: the resident set of `frontdesk serve` five seconds after it
# starts on an empty SQLite database (the first start, which migrates and
# creates the admin), then five seconds after a restart on that database.
#   scripts/bench/idle-memory.sh [RUNS] [BINARY]
# Builds ./cmd/frontdesk unless BINARY is given. Linux only (/proc).
set -eu
runs=${1:-5}
bin=${2:-}
if [ -z "$bin" ]; then
	bin=$(mktemp -d)/frontdesk
	go build -o "$bin" ./cmd/frontdesk
fi

# rss starts the server on dir, waits five seconds and prints VmRSS in kB.
rss() {
	"$bin" serve --data "$1" --db "$1/frontdesk.db" --http 127.0.0.1:0 --smtp-listen 127.0.0.1:0 \
		>/dev/null 2>&1 &
	pid=$!
	sleep 5
	awk '/^VmRSS/ { print $2 }' "/proc/$pid/status"
	kill "$pid"
	wait "$pid" 2>/dev/null || true
}

first="" restart=""
i=0
while [ "$i" -lt "$runs" ]; do
	dir=$(mktemp -d)
	first="$first $(rss "$dir")"
	restart="$restart $(rss "$dir")"
	rm -rf "$dir"
	i=$((i + 1))
done
range() { echo "$@" | tr ' ' '\n' | sort -n | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.1f-%.1f MB", lo / 1024, hi / 1024 }'; }
echo "first start (empty database): $(range $first)  [kB:$first]"
echo "restart (same database):      $(range $restart)  [kB:$restart]"
