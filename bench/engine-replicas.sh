#!/usr/bin/env bash
# Engine with two replicas against one, back to back with the same settings (bench/engine.sh 1 …, then 2 …): the
# steps/s of each, two/one, and engine.sh's check that no step ran twice, with the load before and after.
# Usage: bench/engine-replicas.sh [runs=2000] [tokens=8]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-2000}; TOKENS=${2:-8}; OUT=$(mktemp -d); trap 'rm -rf "$OUT"' EXIT
echo "load before: $(uptime | sed 's/.*load average/load average/')"
declare -A RATE
for r in 1 2; do
  echo "== bench/engine.sh $r $RUNS $TOKENS"
  bench/engine.sh "$r" "$RUNS" "$TOKENS" 2>&1 | tee "$OUT/engine-$r"
  RATE[$r]=$(sed -n 's/.*steps\/s=\([0-9.]*\).*/\1/p' "$OUT/engine-$r" | tail -1)
done
echo "== result"
echo "steps/s one replica ${RATE[1]}, two ${RATE[2]}: two/one = $(python3 -c "print(f'{${RATE[2]}/${RATE[1]}:.2f}')")"
echo "load after: $(uptime | sed 's/.*load average/load average/')"
