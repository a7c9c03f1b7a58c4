#!/usr/bin/env bash
# rectify beside two terminal task boards, measured in one run by one harness.
#
#   scripts/compare-peers.sh [RUNS]        (default 9 launches per tool and size)
#
# Needs tmux, the release build (cargo build --release), taskwarrior 2.6 (`task`), and
# taskwarrior-tui 0.25.4 and rust-kanban 0.10.5 on PATH:
#   apt-get install taskwarrior tmux
#   cargo install --locked taskwarrior-tui@0.25.4 rust-kanban@0.10.5
# A peer that is missing is reported as such and skipped. GENBOARDS=path/to/genboards uses a
# built generator instead of `cargo run --release --example genboards`; RECTIFY=path a binary.
#
# Every tool starts in a fresh 160×45 tmux pane; "first frame" is the time from starting the
# pane until its marker text is on screen (tmux capture-pane, polled), with the same figure
# for a shell that prints one line (the harness floor). Launches go round-robin over the
# tools, so a change in the machine's load touches them all alike. Prints medians and spread.
set -euo pipefail

RUNS=${1:-9}
EDITS=${EDITS:-9}
IDLE_S=${IDLE_S:-10}
W=160
H=45
here=$(cd "$(dirname "$0")/.." && pwd)
rectify=${RECTIFY:-$here/target/release/rectify}
work=$(mktemp -d /tmp/compare-peers.XXXXXX)
trap 'tmux kill-session -t cmp-peers 2>/dev/null || true; rm -rf "$work"' EXIT
tick=$(getconf CLK_TCK)

have() { command -v "$1" >/dev/null 2>&1; }
ns() { date +%s%N; }

# Starts COMMAND in a fresh pane and waits for MARKER; prints the milliseconds it took.
first_frame() { # marker command...
  local marker=$1
  shift
  tmux kill-session -t cmp-peers 2>/dev/null || true
  local t0
  t0=$(ns)
  # Killing the last session stops the tmux server; a start racing its exit is retried once.
  tmux new-session -d -s cmp-peers -x $W -y $H "$*" 2>/dev/null ||
    { sleep 0.2; t0=$(ns); tmux new-session -d -s cmp-peers -x $W -y $H "$*"; }
  wait_for "$marker" "$t0"
}

# Polls the pane until MARKER shows; prints the milliseconds since T0 (or "timeout").
wait_for() { # marker t0 [limit_s]
  local limit=$(( ${3:-30} * 1000000000 ))
  while :; do
    if tmux capture-pane -p -t cmp-peers 2>/dev/null | grep -qF -- "$1"; then
      echo $(( ($(ns) - $2) / 1000 )) | awk '{printf "%.1f\n", $1 / 1000}'
      return
    fi
    if (( $(ns) - $2 > limit )); then
      echo timeout
      return
    fi
  done
}

pane_pid() { tmux display -p -t cmp-peers '#{pane_pid}'; }

# CPU of all the process's threads over IDLE_S seconds of nothing happening, in ms.
idle_cpu() { # pid
  local a b
  a=$(awk '{s+=$1} END {print s}' /proc/"$1"/task/*/schedstat)
  sleep "$IDLE_S"
  b=$(awk '{s+=$1} END {print s}' /proc/"$1"/task/*/schedstat)
  awk -v a="$a" -v b="$b" 'BEGIN {printf "%.2f", (b - a) / 1e6}'
}

peak_rss() { awk '/^VmHWM:/ {printf "%.1f", $2 / 1024}' /proc/"$1"/status; }

# Median, min and max of the numbers on stdin.
stats() {
  sort -n | awk '{v[NR]=$1} END {
    if (NR == 0) { print "n/a"; exit }
    m = (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2
    printf "median %7.1f ms  min %7.1f  max %7.1f  (n=%d)", m, v[1], v[NR], NR }'
}

# ---------------------------------------------------------------- the data, N items per tool
make_rectify() { # n dir
  local per=$(( $1 / 10 ))
  if [ -n "${GENBOARDS:-}" ]; then
    "$GENBOARDS" --programs 10 --measures "$per" "$2" >/dev/null
  else
    (cd "$here" && cargo run -q --release --example genboards -- --programs 10 --measures "$per" "$2" >/dev/null)
  fi
}

make_task() { # n dir
  mkdir -p "$2"
  printf 'data.location=%s\nconfirmation=off\nverbose=nothing\nnews.version=2.6.2\n' "$2" > "$2/taskrc"
  awk -v n="$1" 'BEGIN { printf "["; for (i = 1; i <= n; i++) {
      printf "%s{\"description\":\"peer item %04d\",\"status\":\"pending\",\"entry\":\"20230701T000000Z\",\"project\":\"p%d\"}", (i > 1 ? "," : ""), i, i % 10 }
    print "]" }' > "$2/import.json"
  TASKRC=$2/taskrc task import "$2/import.json" >/dev/null 2>&1
}

make_kanban() { # n dir   (HOME and TMPDIR point here: its config and saves stay inside)
  mkdir -p "$2/kanban_saves"
  awk -v n="$1" 'BEGIN { per = n / 10; printf "{\"kanban_version\":\"0.10.5\",\"export_date\":\"x\",\"boards\":["
    for (b = 0; b < 10; b++) {
      printf "%s{\"id\":[%d,1],\"name\":\"peer board %d\",\"description\":\"d\",\"cards\":{\"cards\":[", (b ? "," : ""), b + 1, b
      for (c = 0; c < per; c++) {
        printf "%s{\"id\":[%d,2],\"name\":\"peer item %04d\",\"description\":\"d\",\"date_created\":\"2023-07-01T00:00:00\",\"date_modified\":\"2023-07-01T00:00:00\",\"due_date\":\"Not Set\",\"date_completed\":\"Not Set\",\"priority\":\"Low\",\"card_status\":\"Active\",\"tags\":[],\"comments\":[]}", (c ? "," : ""), b * per + c + 1, b * per + c + 1
      }
      printf "]}}"
    }
    print "]}" }' > "$2/kanban_saves/kanban_01-07-2023_v1.json"
}

# ---------------------------------------------------------------- one launch of each tool
cmd_of() { # tool dir
  case $1 in
    harness) echo "printf 'harness ready\\n'; exec sleep 600" ;;
    rectify) echo "exec env RECTIFY_CONFIG=/nonexistent RECTIFY_CACHE_DIR=$work/rectify-cache LANG=zh_CN.UTF-8 $rectify $2 --today 2023-07-15" ;;
    taskwarrior-tui) echo "exec env TASKRC=$2/taskrc TASKDATA=$2 taskwarrior-tui" ;;
    rust-kanban) echo "exec env HOME=$2 TMPDIR=$2 rust-kanban" ;;
  esac
}

marker_of() {
  case $1 in
    harness) echo "harness ready" ;;
    rectify) echo "数据截至" ;;
    *) echo "peer item 0001" ;;
  esac
}

tools=(harness rectify)
have taskwarrior-tui && have task && tools+=(taskwarrior-tui)
have rust-kanban && tools+=(rust-kanban)

echo "compare-peers: $(date -u +%FT%TZ), $(uname -srm), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "  rectify $($rectify --version 2>/dev/null | head -1)"
have task && echo "  taskwarrior $(task --version)"
have taskwarrior-tui && echo "  $(taskwarrior-tui --version 2>/dev/null | head -1)"
have rust-kanban && echo "  rust-kanban 0.10.5 ($(command -v rust-kanban))"
have taskwarrior-tui || echo "  taskwarrior-tui: not installed, skipped"
have rust-kanban || echo "  rust-kanban: not installed, skipped"

for n in 100 2000; do
  for t in "${tools[@]}"; do
    d=$work/$t-$n
    mkdir -p "$d"
    case $t in
      rectify) make_rectify "$n" "$d" ;;
      taskwarrior-tui) make_task "$n" "$d" ;;
      rust-kanban) make_kanban "$n" "$d" ;;
    esac
  done
  for t in "${tools[@]}"; do : > "$work/first-$t-$n"; done
  for ((r = 0; r < RUNS; r++)); do
    for t in "${tools[@]}"; do
      first_frame "$(marker_of "$t")" "$(cmd_of "$t" "$work/$t-$n")" >> "$work/first-$t-$n"
      tmux kill-session -t cmp-peers 2>/dev/null || true
    done
  done
  echo
  echo "== $n items: first frame (marker on a 160×45 tmux pane)"
  for t in "${tools[@]}"; do
    printf '  %-16s %s\n' "$t" "$(grep -v timeout "$work/first-$t-$n" | stats)$(grep -q timeout "$work/first-$t-$n" && echo ' + timeouts' || true)"
  done
done

# Outside edit → screen, idle CPU and peak RSS: one long-lived instance per tool, 2,000 items.
echo
echo "== 2000 items: outside edit → screen, idle CPU over ${IDLE_S} s, peak RSS"
for t in "${tools[@]}"; do
  [ "$t" = harness ] && continue
  d=$work/$t-2000
  first_frame "$(marker_of "$t")" "$(cmd_of "$t" "$d")" >/dev/null
  sleep 1
  pid=$(pane_pid)
  idle=$(idle_cpu "$pid")
  : > "$work/edit-$t"
  for ((e = 0; e < EDITS; e++)); do
    mark="edited $e $RANDOM"
    case $t in
      rectify)
        f=$(ls "$d"/*.ron | head -1)
        # An atomic save, as editors and rectify itself make.
        awk -v m="$mark" 'NR == 1, /title:/ { if (!done && /^    title:/) { print "    title: \"" m "\","; done = 1; next } } { print }' "$f" > "$d/.tmp.ron"
        t0=$(ns); mv "$d/.tmp.ron" "$f"
        ;;
      taskwarrior-tui)
        TASKRC=$d/taskrc task 1 modify "description:$mark" >/dev/null 2>&1
        t0=$(ns)
        ;;
      rust-kanban)
        s=$d/kanban_saves/kanban_01-07-2023_v1.json
        sed "s/peer item 0001/$mark/" "$s" > "$s.tmp"
        t0=$(ns); mv "$s.tmp" "$s"
        ;;
    esac
    r=$(wait_for "$mark" "$t0" 5)
    echo "$r" >> "$work/edit-$t"
    [ "$r" = timeout ] && break
  done
  if grep -q timeout "$work/edit-$t"; then
    edit="not shown within 5 s (the tool does not reload files changed outside it)"
  else
    edit=$(stats < "$work/edit-$t")
  fi
  printf '  %-16s edit → screen %s\n' "$t" "$edit"
  printf '  %-16s idle CPU %s ms over %s s; peak RSS %s MB\n' "" "$idle" "$IDLE_S" "$(peak_rss "$pid")"
  tmux kill-session -t cmp-peers 2>/dev/null || true
done
echo
echo "(clock ticks $tick/s; load after the run: $(cut -d' ' -f1-3 /proc/loadavg))"
