#!/usr/bin/env bash
# Load test of `casus serve` on loopback: /api/why for the
# founding case (Azerbaijan, Armenia, Stepanakert, 2020-10-07, full proof
# trees), from examples/load.rs (keep-alive HTTP/1.1, bounded in requests
# and seconds). Target: >= 20,000 requests/s with p99 < 10 ms on 2 cores.
# The server and the load generator share the machine's cores.
#
#   bench/serve-load.sh [REQUESTS] [SECONDS] [CONNECTIONS]
#
# Also runs wrk when it is installed (apt-get install wrk), for comparison.
# CASUS_SERVE_CACHE=off measures the server computing every answer afresh.
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-200000}
seconds=${2:-20}
connections=${3:-32}
cargo build --release -p casus-cli
cargo build --release -p casus-server --example load
target=${CARGO_TARGET_DIR:-target}
out=$(mktemp)
CASUS_LOG=warn "$target/release/casus" serve --addr 127.0.0.1:0 >"$out" &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -f "$out"' EXIT
for _ in $(seq 100); do grep -q listening "$out" && break; sleep 0.1; done
base=$(sed -n 's/^listening on //p' "$out")
addr=${base#http://}
path='/api/why?attacker=Azerbaijan&defender=Armenia&at=Stepanakert&on=2020-10-07'
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load average $(cut -d' ' -f1-3 /proc/loadavg)"
curl -fsS "$base$path" -o /dev/null -w "one answer: %{size_download} bytes, HTTP %{http_code}\n" 2>/dev/null || true
# Warm-up, then the measured run.
"$target/release/examples/load" --addr "$addr" --path "$path" --connections "$connections" --requests 5000 --seconds 5 >/dev/null
echo "--- as browsers ask (Accept-Encoding: gzip, br)"
"$target/release/examples/load" --addr "$addr" --path "$path" --connections "$connections" --requests "$requests" --seconds "$seconds" --gzip
echo "--- uncompressed"
"$target/release/examples/load" --addr "$addr" --path "$path" --connections "$connections" --requests "$requests" --seconds "$seconds"
if command -v wrk >/dev/null 2>&1; then
  echo "--- wrk (2 threads, $connections connections, 10 s)"
  wrk -t2 -c"$connections" -d10s --latency "$base$path" | sed -n '1,20p'
fi
