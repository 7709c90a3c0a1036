#!/usr/bin/env bash
# Replays the seed corpus through the fuzz harnesses, then fuzzes each for a bounded time.
#   tests/fuzz/run.sh [seconds-per-harness] [build-dir]   (defaults: 60, build/fuzz)
# Configures (preset "fuzz") and builds the harnesses first (FUZZ_BUILD_JOBS parallel jobs, default 2).
# FUZZ_SEED=<n> and FUZZ_RUNS=<n> make a run repeatable: that seed, and that many inputs per harness
# instead of the time limit (CI uses both, so a run that passed once passes again on the same code).
# Inputs worth keeping go to <build-dir>/fuzz-corpus/<harness>; a finding leaves crash-*, leak-* or
# timeout-* files in <build-dir>/fuzz-findings and makes the script fail.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds="${1:-60}"
build="${2:-build/fuzz}"

[ -f "$build/CMakeCache.txt" ] || cmake --preset fuzz -B "$build" >/dev/null
nice -n 10 cmake --build "$build" -j "${FUZZ_BUILD_JOBS:-2}" \
  --target fuzz_yaml_import fuzz_workspace_open fuzz_analysis_paths make_workspace_seeds

findings="$build/fuzz-findings"
mkdir -p "$findings"

# Seeds: the committed corpus, every sample and the hostile inputs; the samples as workspaces are made
# here (as firedrill-cli convert makes them, without building the CLI).
samples="$build/fuzz-seeds/samples"
rm -rf "$samples"
"$build/tests/fuzz/make_workspace_seeds" "$samples" resources/samples/*.yaml
yaml_seeds=(tests/fuzz/corpus/yaml resources/samples tests/data/hostile)
workspace_seeds=(tests/fuzz/corpus/workspace "$samples")
analysis_seeds=(tests/fuzz/corpus/analysis resources/samples)

run_harness() {
  local harness="$1" dict="$2"
  shift 2
  local binary="$build/tests/fuzz/$harness" work="$build/fuzz-corpus/$harness"
  mkdir -p "$work"
  local args=(-max_len=65536 -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$findings/$harness-"
              -print_final_stats=1)
  [ -n "$dict" ] && args+=(-dict="$dict")
  [ -n "${FUZZ_SEED:-}" ] && args+=(-seed="$FUZZ_SEED")
  local budget=(-max_total_time="$seconds")
  [ -n "${FUZZ_RUNS:-}" ] && budget=(-runs="$FUZZ_RUNS")
  # The analysis harness runs analysis, replays and a Monte Carlo on each input (about 250 inputs/s
  # against over 300 for an import), so it gets a third of the inputs (FUZZ_ANALYSIS_RUNS overrides).
  if [ "$harness" = fuzz_analysis_paths ] && [ -n "${FUZZ_RUNS:-}" ]; then
    budget=(-runs="${FUZZ_ANALYSIS_RUNS:-$((FUZZ_RUNS / 3))}")
  fi

  echo "== $harness: replaying the seed corpus"
  "$binary" "${args[@]}" -runs=0 "$work" "$@" 2>&1 | grep -E "INITED|DONE|ERROR|SUMMARY|stat::" || true
  [ "${PIPESTATUS[0]}" -eq 0 ] || { echo "$harness: a seed input fails" >&2; return 1; }

  echo "== $harness: fuzzing (${budget[*]}${FUZZ_SEED:+, seed $FUZZ_SEED})"
  local log="$build/fuzz-$harness.log"
  if ! "$binary" "${args[@]}" "${budget[@]}" "$work" "$@" >"$log" 2>&1; then
    tail -n 60 "$log" >&2
    echo "$harness: a finding; see $findings and $log" >&2
    return 1
  fi
  grep -E "stat::|Done [0-9]+ runs" "$log" || true
}

status=0
run_harness fuzz_yaml_import tests/fuzz/yaml.dict "${yaml_seeds[@]}" || status=1
run_harness fuzz_workspace_open "" "${workspace_seeds[@]}" || status=1
run_harness fuzz_analysis_paths tests/fuzz/yaml.dict "${analysis_seeds[@]}" || status=1
exit "$status"
