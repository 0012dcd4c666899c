# Steps of `npm test` (scripts/test-all.sh): each runs under a header and records ok/FAILED/skipped with its wall
# time, in files under $STEPS_DIR, so that steps run in a background lane (a subshell) are counted too.
# Source it, set STEPS_DIR, then call step/skip, lane_start/lane_wait and print_summary.

# step NAME COMMAND...: runs the command under a header, records ok/FAILED and its wall time; returns its status.
step() {
  local name=$1 t0=$SECONDS status
  shift
  printf '\n━━ %s: %s\n' "$name" "$*"
  "$@"
  status=$?
  local took=$((SECONDS - t0))
  if [ "$status" -eq 0 ]; then
    printf '  %-12s ok      %4ss%s\n' "$name" "$took" "${LANE_NOTE:-}" >"$STEPS_DIR/$name"
  else
    printf '  %-12s FAILED  %4ss  (exit %s)%s\n' "$name" "$took" "$status" "${LANE_NOTE:-}" >"$STEPS_DIR/$name"
    : >"$STEPS_DIR/$name.failed"
  fi
  printf '{"step":"%s","ok":%s,"seconds":%s,"beside":%s}' "$name" "$([ "$status" -eq 0 ] && echo true || echo false)" "$took" "$([ -n "${LANE_NOTE:-}" ] && echo '"integration"' || echo null)" >"$STEPS_DIR/$name.json"
  return "$status"
}

# skip NAME REASON: records a step that could not run (a failure).
skip() {
  printf '\n━━ %s: skipped (%s)\n' "$1" "$2"
  printf '  %-12s skipped        (%s)\n' "$1" "$2" >"$STEPS_DIR/$1"
  : >"$STEPS_DIR/$1.failed"
}

# lane_start NAME FUNCTION: runs FUNCTION in the background, its output kept in $STEPS_DIR/NAME.out until lane_wait.
lane_start() {
  local name=$1 fn=$2
  printf '\n━━ %s: started beside the next steps (its output follows when it ends)\n' "$name"
  ( LANE_NOTE="  (beside the integration tests)" "$fn" ) >"$STEPS_DIR/$name.out" 2>&1 &
  echo $! >"$STEPS_DIR/$name.pid"
}

# lane_wait NAME: waits for the lane and prints its output.
lane_wait() {
  local name=$1
  wait "$(cat "$STEPS_DIR/$name.pid")"
  printf '\n━━ %s: output\n' "$name"
  cat "$STEPS_DIR/$name.out"
}

# The steps that failed or were skipped, in the order given.
failed_steps() {
  local name out=()
  for name in "$@"; do [ -e "$STEPS_DIR/$name.failed" ] && out+=("$name"); done
  echo "${out[*]}"
}

# write_times FILE TOTAL NAME...: the steps' times as JSON ({ totalSeconds, steps: [{ step, ok, seconds, beside }] }),
# for a benchmark to report.
write_times() {
  local file=$1 total=$2 name sep=''
  shift 2
  {
    printf '{"totalSeconds":%s,"steps":[' "$total"
    for name in "$@"; do
      if [ -e "$STEPS_DIR/$name.json" ]; then
        printf '%s' "$sep"
        cat "$STEPS_DIR/$name.json"
        sep=','
      fi
    done
    printf ']}\n'
  } >"$file"
}

# print_summary NAME...: the recorded line of each step, in the order given.
print_summary() {
  local name
  for name in "$@"; do [ -e "$STEPS_DIR/$name" ] && cat "$STEPS_DIR/$name"; done
  return 0
}
