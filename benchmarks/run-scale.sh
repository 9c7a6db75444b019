#!/usr/bin/env bash
# Speed at scale: the same pages on the seeded database and on a large one (see docs/benchmarks.md).
#
#   benchmarks/run-scale.sh [work-directory]
#
# Publishes the app (Release), builds the seeded database by starting it once, copies it and grows the
# copy with the generator (49 more plans of 100 actions, 100,000 updates over two years, measures and
# actuals), starts both copies pinned to CPU 0, and runs the load generator pinned to CPU 1 against
# them, alternating the pages. Everything listens on 127.0.0.1 only; every loop is bounded.
# Settings (environment): SECONDS_PER_RUN (5), ROUNDS (3), CONCURRENCY (4), APP_CPU (0), LOAD_CPU (1);
# APP_DIR=<folder of an already published app> measures that build instead (e.g. an older commit, for
# a before/after comparison on the same two databases); the databases are kept in the work directory.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$(mktemp -d -t ipt-scale-XXXXXX)}
seconds=${SECONDS_PER_RUN:-5}
rounds=${ROUNDS:-3}
concurrency=${CONCURRENCY:-4}
app_cpu=${APP_CPU:-0}
load_cpu=${LOAD_CPU:-1}
seeded_port=5101
large_port=5102
mkdir -p "$work"
echo "Working in $work"

command -v taskset >/dev/null || { echo "taskset (util-linux) is needed to pin the processes to a core." >&2; exit 1; }

app_dir=${APP_DIR:-$work/app}
if [ -z "${APP_DIR:-}" ]; then
  echo "Publishing the app (Release)..."
  dotnet publish "$root/src/ImprovementPlan.Web" -c Release -o "$app_dir" --nologo -v q
fi
echo "Building the benchmark tool (Release)..."
dotnet build "$root/benchmarks/ImprovementPlan.Benchmarks" -c Release --nologo -v q
bench=("dotnet" "$root/benchmarks/ImprovementPlan.Benchmarks/bin/Release/net10.0/ImprovementPlan.Benchmarks.dll")

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

start_app() { # data-directory port log
  (
    cd "$app_dir"
    ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS="http://127.0.0.1:$2" \
    Storage__DataDirectory="$1" \
    DemoUsers__Enabled=true \
    Security__CookieSecurePolicy=SameAsRequest \
    Diagnostics__CountSqlCommands=true \
    Authentication__SignInAttemptsPerMinute=1000 \
    Serilog__MinimumLevel__Default=Warning \
    exec taskset -c "$app_cpu" dotnet ImprovementPlan.Web.dll >"$3" 2>&1
  ) &
  pids+=("$!")
}

wait_ready() { # port
  for _ in $(seq 1 240); do
    if curl -fsS "http://127.0.0.1:$1/health/live" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  echo "The app on port $1 did not start; see the logs in $work." >&2
  exit 1
}

if [ ! -f "$work/seeded/improvement-plan.db" ]; then
  echo "Building the seeded database (starting the app once)..."
  mkdir -p "$work/seeded"
  start_app "$work/seeded" "$seeded_port" "$work/seeded-first-start.log"
  wait_ready "$seeded_port"
  cleanup; pids=()
fi

if [ ! -f "$work/large/improvement-plan.db" ]; then
  echo "Building the large database from a copy of the seeded one..."
  mkdir -p "$work/large"
  cp "$work/seeded/improvement-plan.db" "$work/large/improvement-plan.db"
  "${bench[@]}" generate "$work/large"
fi

echo "Starting both copies on CPU $app_cpu..."
start_app "$work/seeded" "$seeded_port" "$work/seeded.log"
start_app "$work/large" "$large_port" "$work/large.log"
wait_ready "$seeded_port"
wait_ready "$large_port"

echo "Load on CPU $load_cpu: $rounds rounds x $seconds s per page and database, $concurrency connections."
taskset -c "$load_cpu" "${bench[@]}" load --seeded "http://127.0.0.1:$seeded_port" --large "http://127.0.0.1:$large_port" \
  --seconds "$seconds" --rounds "$rounds" --concurrency "$concurrency"
