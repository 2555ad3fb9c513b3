#!/usr/bin/env bash
# Start-up and end-to-end cost of the release binary in instructions
# (valgrind's callgrind), which, unlike wall-clock time, does not depend on
# what else the machine is doing. Pass a second binary to compare:
#   bench/startup-instructions.sh [OTHER_CASUS_BINARY]
# Needs valgrind (apt-get install valgrind).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -p casus-cli >/dev/null
bins=(target/release/casus "$@")
commands=(
  "treaties"
  "why --attacker Azerbaijan --defender Armenia --at Stepanakert --on 2020-10-07 --format json"
  "place Zwickau --on 2024-01-01 --format json"
)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for bin in "${bins[@]}"; do
  echo "== $bin ($(stat -c %s "$bin") bytes)"
  for cmd in "${commands[@]}"; do
    # shellcheck disable=SC2086
    valgrind --tool=callgrind --callgrind-out-file="$out/cg" "$bin" $cmd >/dev/null 2>"$out/err"
    printf '%14s instructions  casus %s\n' "$(grep -oP 'Collected : \K[0-9]+' "$out/err")" "$cmd"
  done
done
