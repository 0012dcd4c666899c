# Steps of `npm test` (scripts/test-all.sh): each runs under a header and records ok/FAILED/skipped with its wall
# time and the processor time its processes used, in files under $STEPS_DIR, so that steps run in a background lane
# (a subshell) are counted too. Source it, set STEPS_DIR, then call step/skip, lane_start/lane_wait and print_summary.

# children_cpu_ms VAR: sets VAR to the processor time (user + system, in milliseconds) of this shell's children that
# have ended and been waited for, theirs included: what the `times` builtin reports on its second line. It sets a
# variable rather than printing: in a $(...) subshell, `times` would report that subshell's children.
children_cpu_ms() {
  local file="$STEPS_DIR/.times.$BASHPID" line total=0 part
  times >"$file"
  line=$(sed -n 2p "$file")
  rm -f "$file"
  for part in $line; do
    [[ $part =~ ^([0-9]+)m([0-9]+)\.([0-9]{3})s$ ]] || continue
    total=$((total + (10#${BASH_REMATCH[1]} * 60 + 10#${BASH_REMATCH[2]}) * 1000 + 10#${BASH_REMATCH[3]}))
  done
  printf -v "$1" '%s' "$total"
}

# The processor time every process on this machine has used since it started, in milliseconds (Linux: /proc/stat);
# nothing where the system does not say.
machine_busy_ms() {
  local hz
  hz=$(getconf CLK_TCK 2>/dev/null) || return 0
  [ -r /proc/stat ] || return 0
  # cpu  user nice system idle iowait irq softirq steal …: busy is everything but idle and iowait.
  awk -v hz="$hz" '/^cpu / { printf "%d\n", ($2 + $3 + $4 + $7 + $8 + $9) * 1000 / hz; exit }' /proc/stat
}

# step NAME COMMAND...: runs the command under a header, records ok/FAILED, its wall time and the processor time of
# its processes (those waited for: a command that leaves processes behind runs under scripts/lib/reaper.py, which
# waits for them); returns its status.
step() {
  local name=$1 t0=$SECONDS status c0 c1 l0 l1
  shift
  lanes_cpu_ms l0
  children_cpu_ms c0
  printf '\n━━ %s: %s\n' "$name" "$*"
  "$@"
  status=$?
  local took=$((SECONDS - t0))
  lanes_cpu_ms l1
  children_cpu_ms c1
  # A lane that ended meanwhile is this shell's child too: its time is its own steps', not this one's.
  local cpu=$(((c1 - c0 - (l1 - l0) + 500) / 1000))
  if [ "$status" -eq 0 ]; then
    printf '  %-12s ok      %4ss %5s cpu-s%s\n' "$name" "$took" "$cpu" "${LANE_NOTE:-}" >"$STEPS_DIR/$name"
  else
    printf '  %-12s FAILED  %4ss %5s cpu-s  (exit %s)%s\n' "$name" "$took" "$cpu" "$status" "${LANE_NOTE:-}" >"$STEPS_DIR/$name"
    : >"$STEPS_DIR/$name.failed"
  fi
  printf '{"step":"%s","ok":%s,"seconds":%s,"cpuSeconds":%s,"beside":%s}' "$name" "$([ "$status" -eq 0 ] && echo true || echo false)" "$took" "$cpu" "$([ -n "${LANE_NOTE:-}" ] && echo '"integration"' || echo null)" >"$STEPS_DIR/$name.json"
  return "$status"
}

# skip NAME REASON: records a step that could not run (a failure).
skip() {
  printf '\n━━ %s: skipped (%s)\n' "$1" "$2"
  printf '  %-12s skipped        (%s)\n' "$1" "$2" >"$STEPS_DIR/$1"
  : >"$STEPS_DIR/$1.failed"
}

# lane_start NAME FUNCTION: runs FUNCTION in the background, its output kept in $STEPS_DIR/NAME.out until lane_wait.
# As it ends, the lane writes the processor time of its processes to $STEPS_DIR/.lane-cpu.NAME (see lanes_cpu_ms).
lane_start() {
  local name=$1 fn=$2
  printf '\n━━ %s: started beside the next steps (its output follows when it ends)\n' "$name"
  (
    LANE_NOTE="  (beside the integration tests)" "$fn"
    children_cpu_ms lane_ms
    printf '%s\n' "$lane_ms" >"$STEPS_DIR/.lane-cpu.$name"
  ) >"$STEPS_DIR/$name.out" 2>&1 &
  echo $! >"$STEPS_DIR/$name.pid"
}

# lanes_cpu_ms VAR: sets VAR to the processor time, in milliseconds, of the lanes that have ended, once this shell has
# waited for them. The shell collects a background lane as soon as it ends, and counts the lane's processes among its
# children from then on: a step that ran meanwhile takes that time away again.
lanes_cpu_ms() {
  local file pid ms total=0
  for file in "$STEPS_DIR"/.lane-cpu.*; do
    [ -f "$file" ] || continue
    # Written just before the lane ends: waited for here, so that the lane is among the children counted next.
    read -r pid <"$STEPS_DIR/${file##*/.lane-cpu.}.pid" && wait "$pid" 2>/dev/null
    read -r ms <"$file"
    total=$((total + ms))
  done
  printf -v "$1" '%s' "$total"
}

# claim NAME: true for the first lane that asks for NAME, false for every later one (mkdir is atomic).
claim() {
  mkdir "$STEPS_DIR/.claim.$1" 2>/dev/null
}

# lane_wait NAME: waits for the lane and prints its output.
lane_wait() {
  local name=$1
  # Already waited for when a step ended after it (lanes_cpu_ms): bash then says it is not its child.
  wait "$(cat "$STEPS_DIR/$name.pid")" 2>/dev/null
  printf '\n━━ %s: output\n' "$name"
  cat "$STEPS_DIR/$name.out"
}

# The steps that failed or were skipped, in the order given.
failed_steps() {
  local name out=()
  for name in "$@"; do [ -e "$STEPS_DIR/$name.failed" ] && out+=("$name"); done
  echo "${out[*]}"
}

# write_times FILE TOTAL BUSY NAME...: the steps' times as JSON ({ totalSeconds, machineBusySeconds, cores, steps:
# [{ step, ok, seconds, cpuSeconds, beside }] }), for a benchmark to report. BUSY: the processor seconds the whole
# machine used meanwhile ("" when unknown).
write_times() {
  local file=$1 total=$2 busy=${3:-null} name sep=''
  shift 3
  {
    printf '{"totalSeconds":%s,"machineBusySeconds":%s,"cores":%s,"steps":[' "$total" "$busy" "$(nproc 2>/dev/null || echo null)"
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
