#!/usr/bin/env bash
# A longer hostile-input soak than CI runs: the random-argument test of
# crates/casus-cli/tests/hostile.rs with more cases and a seed of your choice.
# Every run is bounded by the test's timeout and address-space limit.
#
#   bench/soak.sh                 # 5000 cases, seed from the clock
#   bench/soak.sh 20000 42        # 20000 cases, seed 42 (reproducible)
set -euo pipefail
cd "$(dirname "$0")/.."
cases="${1:-5000}"
seed="${2:-$(date +%s)}"
echo "soak: $cases cases, seed $seed (re-run with: bench/soak.sh $cases $seed)"
CASUS_SOAK_CASES="$cases" CASUS_SOAK_SEED="$seed" \
  cargo test --release -p casus-cli --test hostile -- --exact random_arguments_never_panic_hang_or_exhaust --nocapture
