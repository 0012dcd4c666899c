#!/usr/bin/env bash
# `npm test`: everything, from a fresh Debian machine that has only node and npm.
#   1. npm dependencies (npm ci when node_modules is missing or older than package-lock.json, or a copy of the
#      node_modules it made for the same package-lock.json on this machine before)
#   2. what the integration launcher needs (Chromium and code-server for the offline launcher) and the compiled
#      languages' toolchains (Java, C++, Go); Debian packages through apt-get when root, else a message naming them
#   3. the .vsix packaged (its production build), then the development build
#   4. the integration tests in a real VS Code, then the packaged .vsix check (installed into code-server) and, beside
#      them in one background lane, the unit tests; then `drills check problems/`, type-check and lint, each in the
#      lane that comes to it first
# Every step runs even when an earlier one failed (except those that need the build), then a summary prints each
# step's time and the counts; the exit code is non-zero when anything failed.
# Env: DRILLS_TEST_LAUNCHER=electron|offline forces the integration launcher.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

logs=".vscode-test/logs"
mkdir -p "$logs"
STEPS_DIR="$logs/steps"
rm -rf "$STEPS_DIR"
mkdir -p "$STEPS_DIR"
# shellcheck source=lib/steps.sh
source scripts/lib/steps.sh
started=$SECONDS
busy_at_start=$(machine_busy_ms)
ORDER=(install provision package build typecheck lint unit pack-check integration vsix)
VSIX_FILE=".vscode-test/drills.vsix"

install_deps() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "node and npm must be on the PATH (Node 20 or later)." >&2
    return 1
  fi
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  if [ "$major" -lt 20 ]; then
    echo "Node $(node -v) is too old: Drills needs Node 20 or later." >&2
    return 1
  fi
  # npm ci, or a copy of the node_modules it made for the same package-lock.json before (scripts/lib/npm-deps.mjs).
  node scripts/lib/npm-deps.mjs
}

# run_counted LOGFILE COMMAND...: runs a test command, keeping its output for the counts. Under scripts/lib/reaper.py
# where Python is, so that the step's processor time counts the processes that outlive their parent (a browser's
# renderers, a server's workers).
run_counted() {
  local log=$1
  shift
  command -v python3 >/dev/null 2>&1 && set -- python3 scripts/lib/reaper.py "$@"
  "$@" 2>&1 | tee "$log"
  return "${PIPESTATUS[0]}"
}

# Mocha's spec reporter ends with "N passing", "N failing", "N pending".
mocha_count() {
  local n
  n=$(grep -E "^ +[0-9]+ $2" "$1" 2>/dev/null | tail -1 | grep -oE '[0-9]+' | head -1)
  echo "${n:-0}"
}

# The launchers end with "N passed, N failed[, N skipped]".
launcher_count() {
  local line n
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$1" 2>/dev/null | tail -1)
  n=$(echo "$line" | grep -oE "[0-9]+ $2" | grep -oE '[0-9]+')
  echo "${n:-0}"
}

step install install_deps || { printf '\nCannot go on without the npm dependencies.\n\n0 passed, 1 failed\n'; exit 1; }

# Chosen once (it may probe VS Code's download host): every later launcher call takes it from the environment.
if [ -z "${DRILLS_TEST_LAUNCHER:-}" ] && DRILLS_TEST_LAUNCHER=$(node scripts/test-integration.mjs --choose 2>/dev/null); then
  export DRILLS_TEST_LAUNCHER
fi
provisioned=0
step provision node scripts/test-integration.mjs --provision
# Exit 3: the launcher is ready, only the compiled languages' toolchains are missing (named in the output).
case $? in 0 | 3) provisioned=1 ;; esac

# The packaged .vsix installs into code-server and shows the view (the offline launcher's tooling). It is packaged
# first, from its production build, so that its check needs only the file and can run beside the other tests, which
# use the development build.
package_vsix() {
  rm -f drills.vsix "$VSIX_FILE"
  npm run --silent package && cp drills.vsix "$VSIX_FILE"
}
packaged=0
if [ "${DRILLS_TEST_LAUNCHER:-}" != electron ]; then
  step package package_vsix && packaged=1
fi
built=0
step build npm run --silent build && built=1
integration_runs=0
[ "$built" -eq 1 ] && [ "$provisioned" -eq 1 ] && integration_runs=1

static_checks() {
  step typecheck npm run --silent typecheck
  step lint npm run --silent lint
}

# The unit tests. Beside the integration tests they share the processor with them: one unit-test process. Alone, the
# unit tests use both cores of a 2-core machine.
unit_tests() {
  if [ "$built" -eq 1 ]; then
    local unit_args=(--parallel --jobs 2)
    [ "$integration_runs" -eq 1 ] && unit_args=()
    step unit run_counted "$logs/unit.log" npx mocha --config .mocharc.json "${unit_args[@]}"
  else
    skip unit "the build failed"
  fi
}

# The built-in pack must check clean: every reference passes, every known-wrong solution is caught, every starter passes
# no case. As many solutions at once as there are cores, even beside the unit tests: its time limits are on CPU time,
# and one solution at a time left a core idle once the other lane ended.
pack_check() {
  if [ "$built" -eq 1 ]; then
    step pack-check run_counted "$logs/pack-check.log" node out/cli.js check problems/
  else
    skip pack-check "the build failed"
  fi
}

unit_lane() {
  unit_tests
  either_lane
}

# The checks either lane may run, each taken by the first lane that comes to it: how long the integration tests and
# the unit tests take beside each other varies with the machine, and whichever ends first goes on with these, so that
# no core stands idle while the other lane still has work.
either_lane() {
  claim pack-check && pack_check
  claim static && static_checks
}

vsix_check() {
  if [ "${DRILLS_TEST_LAUNCHER:-}" = electron ]; then
    printf '\n━━ vsix: not run (it installs into code-server; this machine uses the desktop launcher)\n'
  elif [ "$packaged" -eq 1 ] && [ "$provisioned" -eq 1 ]; then
    step vsix run_counted "$logs/vsix.log" env DRILLS_VSIX="$VSIX_FILE" node scripts/test-vsix.mjs
  else
    skip vsix "needs the packaged .vsix and code-server"
  fi
}

rm -f "$logs/unit.log" "$logs/pack-check.log" "$logs/integration.log" "$logs/vsix.log"
if [ "$integration_runs" -eq 1 ]; then
  lane_start checks unit_lane
  step integration run_counted "$logs/integration.log" node scripts/test-integration.mjs
  vsix_check
  either_lane
  lane_wait checks
else
  skip integration "$([ "$built" -eq 1 ] && echo 'provisioning failed' || echo 'the build failed')"
  static_checks
  unit_tests
  pack_check
  vsix_check
fi

unit_passed=$(mocha_count "$logs/unit.log" passing)
unit_failed=$(mocha_count "$logs/unit.log" failing)
unit_skipped=$(mocha_count "$logs/unit.log" pending)
pack_passed=$(grep -E '^check: [0-9]+ passed' "$logs/pack-check.log" 2>/dev/null | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+')
pack_failed=$(grep -E '^check: [0-9]+ passed' "$logs/pack-check.log" 2>/dev/null | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+')
int_passed=$(launcher_count "$logs/integration.log" passed)
int_failed=$(launcher_count "$logs/integration.log" failed)
int_skipped=$(launcher_count "$logs/integration.log" skipped)
vsix_passed=$(launcher_count "$logs/vsix.log" passed)
vsix_failed=$(launcher_count "$logs/vsix.log" failed)

total=$((SECONDS - started))
busy_at_end=$(machine_busy_ms)
busy=''
[ -n "$busy_at_start" ] && [ -n "$busy_at_end" ] && busy=$(((busy_at_end - busy_at_start + 500) / 1000))
printf '\n━━ Summary (%ss; the times also in %s)\n' "$total" "$logs/step-times.json"
# cpu-s: the processor seconds a step's processes used. The machine's busy time says whether the processor was the
# limit (busy close to cores × wall), whatever else ran on it meanwhile included.
[ -n "$busy" ] && printf '  processor: %s cpu-s busy on this machine in %ss on %s cores\n' "$busy" "$total" "$(nproc)"
print_summary "${ORDER[@]}"
write_times "$logs/step-times.json" "$total" "$busy" "${ORDER[@]}"
printf '  unit tests:        %s passed, %s failed, %s skipped\n' "$unit_passed" "$unit_failed" "$unit_skipped"
printf '  integration tests: %s passed, %s failed, %s skipped\n' "$int_passed" "$int_failed" "$int_skipped"
printf '  built-in pack:     %s problems passed, %s failed (drills check)\n' "${pack_passed:-0}" "${pack_failed:-0}"
printf '  packaged .vsix:    %s passed, %s failed\n' "$vsix_passed" "$vsix_failed"
passed=$((unit_passed + int_passed + ${pack_passed:-0} + vsix_passed))
failed=$((unit_failed + int_failed + ${pack_failed:-0} + vsix_failed))
skipped=$((unit_skipped + int_skipped))
status=0
failed_list=$(failed_steps "${ORDER[@]}")
if [ -n "$failed_list" ]; then
  printf '\nFAILED: %s\n' "$failed_list"
  status=1
  # A failed step with no failed test (lint, type-check, a suite that did not run) still counts as a failure.
  [ "$failed" -eq 0 ] && failed=1
fi
if [ "$unit_passed" -eq 0 ] || [ "$int_passed" -eq 0 ]; then
  printf '\nNo %s test passed: a run that tests nothing is a failure.\n' "$([ "$unit_passed" -eq 0 ] && echo unit || echo integration)"
  status=1
  [ "$failed" -eq 0 ] && failed=1
fi
echo
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
exit "$status"
