#!/usr/bin/env bash
# Builds the benchmarks in the release preset and prints their results as a Markdown table.
# Usage: bench/run.sh [largest-generated-topology, default 100000]
set -euo pipefail
cd "$(dirname "$0")/.."
bash installer/install-deps.sh
# The engine is compared with SimPy; Debian 12 packages SimPy 2.3.1 for the system Python.
if ! /usr/bin/python3 -c "import SimPy" 2>/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then SUDO=(); else SUDO=(sudo); fi
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq python3-simpy >/dev/null
fi
cmake --preset release >/dev/null
cmake --build --preset release --target benchmarks -j "$(nproc)"
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
build/release/bench/bench_io resources/samples "${1:-100000}"
echo
echo "Huge inputs: validate, analyse, YAML and workspace round trips, each step in its own process:"
build/release/bench/bench_huge "${1:-100000}" "$(( ${1:-100000} * 5 ))"
echo
echo "Engine: the reference model (1,000 components, MTBF 1,000 h, MTTR 4 h, 10 years) three ways, and Monte Carlo:"
build/release/bench/bench_engine resources/samples
/usr/bin/python3 bench/simpy_reference.py 1000 10
echo
echo "Replay: a 24-hour scenario on a generated 1,000-component topology, full trace and 1 s time series:"
build/release/bench/bench_replay
echo
echo "Editor: opening a generated 1,000-component topology, zoom/pan frame times (offscreen):"
QT_QPA_PLATFORM=offscreen build/release/bench/bench_gui
echo
echo "Editor: opening generated 1,000- and 10,000-component topologies, longest GUI-thread gap (offscreen):"
QT_QPA_PLATFORM=offscreen build/release/bench/bench_gui_open
echo
echo "Replay page: a 24-hour scenario played at 10,000x, GUI-thread stalls and frame rate (offscreen):"
QT_QPA_PLATFORM=offscreen build/release/bench/bench_replay_gui
echo
echo "CLI end to end (validate, process start included), hyperfine-free median of 10:"
python3 - <<'PY'
import subprocess, time, statistics, os
cli = "build/release/app/cli/firedrill-cli"
inputs = {"two-region sample": "resources/samples/two-region.yaml",
          "billion laughs": "tests/data/hostile/billion-laughs.yaml"}
os.makedirs("/tmp/firedrill-bench-cli", exist_ok=True)
for name, text in {"alias cycle": "a: &x [1, *x]\n", "lone comma": ",",
                   "nesting 10,000 deep": "a: " + "[" * 10000 + "]" * 10000}.items():
    path = f"/tmp/firedrill-bench-cli/{name.replace(' ', '-').replace(',', '')}.yaml"
    open(path, "w").write(text)
    inputs[name] = path
print("| firedrill-cli validate | median ms | exit code |\n|---|---|---|")
for name, path in inputs.items():
    times = []
    for _ in range(10):
        t = time.perf_counter()
        rc = subprocess.run([cli, "validate", path], capture_output=True).returncode
        times.append((time.perf_counter() - t) * 1000)
    print(f"| {name} | {statistics.median(times):.1f} | {rc} |")
PY
