#!/usr/bin/env bash
# `npm test`: everything, from a fresh Debian machine that has only node and npm.
#   1. npm dependencies (npm ci when node_modules is missing or older than package-lock.json)
#   2. what the integration launcher needs (Chromium and code-server for the offline launcher; Debian
#      packages through apt-get when root, else a message naming them)
#   3. type-check, lint, build, unit tests, integration suite in a real VS Code
# Every step runs even when an earlier one failed (except those that need the build), then a summary
# prints the counts; the exit code is non-zero when anything failed.
# Env: DRILLS_TEST_LAUNCHER=electron|offline forces the integration launcher.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

logs=".vscode-test/logs"
mkdir -p "$logs"
started=$SECONDS
summary=()
failed_steps=()

# step NAME COMMAND...: runs the command under a header, records ok/FAILED and its wall time.
step() {
  local name=$1 t0=$SECONDS status
  shift
  printf '\n━━ %s: %s\n' "$name" "$*"
  "$@"
  status=$?
  if [ "$status" -eq 0 ]; then
    summary+=("$(printf '  %-12s ok      %4ss' "$name" $((SECONDS - t0)))")
  else
    summary+=("$(printf '  %-12s FAILED  %4ss  (exit %s)' "$name" $((SECONDS - t0)) "$status")")
    failed_steps+=("$name")
  fi
  return "$status"
}

skip() {
  printf '\n━━ %s: skipped (%s)\n' "$1" "$2"
  summary+=("$(printf '  %-12s skipped        (%s)' "$1" "$2")")
  failed_steps+=("$1")
}

need_install() {
  [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] || [ package.json -nt node_modules/.package-lock.json ]
}

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
  if need_install; then
    npm ci --no-audit --no-fund
  else
    echo "node_modules is up to date with package-lock.json"
  fi
}

# run_counted LOGFILE COMMAND...: runs a test command, keeping its output for the counts.
run_counted() {
  local log=$1
  shift
  "$@" 2>&1 | tee "$log"
  return "${PIPESTATUS[0]}"
}

# Mocha's spec reporter ends with "N passing", "N failing", "N pending".
mocha_count() {
  local n
  n=$(grep -E "^ +[0-9]+ $2" "$1" | tail -1 | grep -oE '[0-9]+' | head -1)
  echo "${n:-0}"
}

# The launchers end with "N passed, N failed[, N skipped]".
launcher_count() {
  local line n
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$1" | tail -1)
  n=$(echo "$line" | grep -oE "[0-9]+ $2" | grep -oE '[0-9]+')
  echo "${n:-0}"
}

step install install_deps || { printf '\nCannot go on without the npm dependencies.\n\n0 passed, 1 failed\n'; exit 1; }
provisioned=0
step provision node scripts/test-integration.mjs --provision && provisioned=1
step typecheck npm run --silent typecheck
step lint npm run --silent lint
built=0
step build npm run --silent build && built=1

unit_passed=0 unit_failed=0 unit_skipped=0
if [ "$built" -eq 1 ]; then
  step unit run_counted "$logs/unit.log" npx mocha --config .mocharc.json
  unit_passed=$(mocha_count "$logs/unit.log" passing)
  unit_failed=$(mocha_count "$logs/unit.log" failing)
  unit_skipped=$(mocha_count "$logs/unit.log" pending)
else
  skip unit "the build failed"
fi

# The built-in pack must check clean: every reference passes, every known-wrong solution is caught.
pack_passed=0 pack_failed=0
if [ "$built" -eq 1 ]; then
  step pack-check run_counted "$logs/pack-check.log" node out/cli.js check problems/
  pack_passed=$(grep -E '^check: [0-9]+ passed' "$logs/pack-check.log" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+')
  pack_failed=$(grep -E '^check: [0-9]+ passed' "$logs/pack-check.log" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+')
else
  skip pack-check "the build failed"
fi

int_passed=0 int_failed=0 int_skipped=0
if [ "$built" -eq 1 ] && [ "$provisioned" -eq 1 ]; then
  step integration run_counted "$logs/integration.log" node scripts/test-integration.mjs
  int_passed=$(launcher_count "$logs/integration.log" passed)
  int_failed=$(launcher_count "$logs/integration.log" failed)
  int_skipped=$(launcher_count "$logs/integration.log" skipped)
else
  skip integration "$([ "$built" -eq 1 ] && echo 'provisioning failed' || echo 'the build failed')"
fi

# The packaged .vsix installs into code-server and shows the view (the offline launcher's tooling).
vsix_passed=0 vsix_failed=0
if [ "$(node scripts/test-integration.mjs --choose 2>/dev/null)" = electron ]; then
  printf '\n━━ vsix: not run (it installs into code-server; this machine uses the desktop launcher)\n'
elif [ "$built" -eq 1 ] && [ "$provisioned" -eq 1 ]; then
  step vsix run_counted "$logs/vsix.log" node scripts/test-vsix.mjs
  vsix_passed=$(launcher_count "$logs/vsix.log" passed)
  vsix_failed=$(launcher_count "$logs/vsix.log" failed)
else
  skip vsix "needs the build and code-server"
fi

printf '\n━━ Summary (%ss)\n' $((SECONDS - started))
printf '%s\n' "${summary[@]}"
printf '  unit tests:        %s passed, %s failed, %s skipped\n' "$unit_passed" "$unit_failed" "$unit_skipped"
printf '  integration tests: %s passed, %s failed, %s skipped\n' "$int_passed" "$int_failed" "$int_skipped"
printf '  built-in pack:     %s problems passed, %s failed (drills check)\n' "${pack_passed:-0}" "${pack_failed:-0}"
printf '  packaged .vsix:    %s passed, %s failed\n' "$vsix_passed" "$vsix_failed"
passed=$((unit_passed + int_passed + ${pack_passed:-0} + vsix_passed))
failed=$((unit_failed + int_failed + ${pack_failed:-0} + vsix_failed))
skipped=$((unit_skipped + int_skipped))
status=0
if [ "${#failed_steps[@]}" -gt 0 ]; then
  printf '\nFAILED: %s\n' "${failed_steps[*]}"
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
