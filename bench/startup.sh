#!/usr/bin/env bash
# Start-up and end-to-end latency of the release binary (process start, load
# and validate the embedded knowledge base, answer one query, print).
# Uses hyperfine when installed (apt-get install hyperfine), else a plain loop.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -p casus-cli >/dev/null
bin=target/release/casus
why=("$bin" why --attacker Azerbaijan --defender Armenia --at Stepanakert --on 2020-10-07 --format json)
# A name only the GeoNames gazetteer knows: opens its index and builds the resolver.
gazetteer=("$bin" place Zwickau --on 2024-01-01 --format json)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 5 --runs 50 -N "$bin treaties" "${why[*]}" "${gazetteer[*]}"
else
  for cmd in "$bin treaties" "${why[*]}" "${gazetteer[*]}"; do
    start=$(date +%s%N)
    for _ in $(seq 50); do $cmd >/dev/null; done
    end=$(date +%s%N)
    echo "$cmd: $(( (end - start) / 50 / 1000 )) µs per run (mean of 50)"
  done
fi
