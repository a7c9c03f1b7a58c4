#!/usr/bin/env bash
# Regenerates scripts/startup-order.txt: the functions of the release binary that a session on
# the board runs (start, first frame, a measure's git lines, moving, the filter, every screen,
# help, a colleague's save, quit), in and outside a git repository. The release link puts them side by side (scripts/build.rs),
# so the pages a session touches are few: the kernel maps 64 KB of code around every page a
# program touches, and spread over the binary, 1 MB of live code held 4.5 MB of memory.
#
# Symbol names carry a hash of the toolchain, Cargo.lock and the dependencies' features, not of
# the checkout's path. A build of the binary alone (cargo run --release, cargo install) and a
# build beside the benches (whose dev-dependencies add features) name the same functions
# differently, so the list holds both builds' names; the e2e bench says how many it finds.
# A stale or foreign list only puts fewer functions together; it never breaks a build.
#
#   scripts/startup-order.sh        (about 5 minutes; needs valgrind, tmux and git)
set -euo pipefail
cd "$(dirname "$0")/.."
target=${CARGO_TARGET_DIR:-target}
bin=$target/release/rectify
gen=$target/release/examples/genboards
for tool in valgrind tmux git nm; do
  command -v "$tool" >/dev/null || { echo "startup-order: needs $tool" >&2; exit 2; }
done

work=$(mktemp -d)
session="rectify-order-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT
printf '()\n' >"$work/config.ron"

screen() { tmux capture-pane -p -t "$session"; }
# Under valgrind a frame takes a second or two: a key is done when the screen stops changing.
settle() {
  local last="" now
  for _ in $(seq 1 120); do
    sleep 0.5
    now=$(screen)
    [[ -n $now && $now == "$last" ]] && return 0
    last=$now
  done
  echo "startup-order: the screen never settled" >&2
  exit 1
}
key() { tmux send-keys -t "$session" "$@"; settle; }

# One session on the boards in $1 under callgrind, with the parse cache on as a user has it
# (the board looks for it at every start), the functions it ran going to $2; with a
# third argument, a colleague's save of the first board too.
session_on() {
  local dir=$1 out=$2 save=${3:-}
  rm -f "$work/cg.out"
  tmux new-session -d -s "$session" -x 160 -y 45 \
    "env LANG=zh_CN.UTF-8 RECTIFY_CONFIG=$work/config.ron RECTIFY_CACHE_DIR=$work/cache \
     valgrind --tool=callgrind --demangle=no --callgrind-out-file=$work/cg.out \
     $bin $dir --today 2023-07-15; sleep 60"
  settle
  key Enter
  for k in j k j k; do key "$k"; done
  for _ in 1 2 3 4 5 6 7; do key f; done
  key F
  for _ in 1 2 3 4 5 6 7 8; do key Tab; done
  key Escape
  key '?'
  key Escape
  if [[ -n $save ]]; then
    # Written atomically, as editors and rectify save.
    local board
    board=$(find "$dir" -name '0*.ron' | sort | head -n 1)
    sed '0,/title: *"/s/title: *"/&（改）/' "$board" >"$dir/.save.tmp"
    mv "$dir/.save.tmp" "$board"
    settle
  fi
  tmux send-keys -t "$session" q
  for _ in $(seq 1 120); do
    [[ -s $work/cg.out ]] && grep -q '^totals:' "$work/cg.out" && break
    sleep 0.5
  done
  tmux kill-session -t "$session"
  grep -oP '^c?fn=\(\d+\) \K.*' "$work/cg.out" | awk '!seen[$0]++' >"$out"
}

# The shipped boards in a git repository as an office keeps one (packed history, a loose
# commit, a remote it shares through), and a generated folder outside git.
folders() {
  rm -rf "$work/repo" "$work/remote.git" "$work/gen"
  mkdir -p "$work/repo"
  cp -r boards "$work/repo/boards"
  (
    cd "$work/repo"
    export GIT_AUTHOR_NAME=order GIT_AUTHOR_EMAIL=order@example.invalid
    export GIT_COMMITTER_NAME=order GIT_COMMITTER_EMAIL=order@example.invalid
    git init -q -b main . && git add -A && git commit -qm boards
    sed -i '0,/status: InProgress/s//status: Blocked/' boards/01-fraud.ron
    git commit -qam 'a status'
    git init -q --bare "$work/remote.git"
    git remote add origin "$work/remote.git"
    git push -q -u origin main
    git gc -q
    sed -i '0,/progress: 55/s//progress: 60/' boards/01-fraud.ron
    git commit -qam 'a progress'
  )
  "$gen" --programs 9 --measures 15 "$work/gen" >/dev/null
}

# The names one build of the binary ran, appended to $1: those the session outside git ran
# first (every start runs them), then the git sessions' own, those more sessions ran before
# those fewer did; so a start outside git touches one short stretch. Kept where that build
# defines them.
profile() {
  folders
  session_on "$work/repo/boards" "$work/s1" save
  session_on "$work/gen" "$work/s2" save
  # The checkout's own boards and history, as `cargo run --release` opens them (no save).
  session_on boards "$work/s3"
  nm --defined-only "$bin" | awk '{ print $3 }' | sort -u >"$work/defined"
  awk 'FILENAME == ARGV[1] { outside[$0] = 1 }
       !($0 in first) { first[$0] = NR } { count[$0]++ }
       END { for (n in first) print (n in outside), count[n], first[n], n }' \
    "$work/s2" "$work/s1" "$work/s3" |
    sort -k1,1nr -k2,2nr -k3,3n | cut -d' ' -f4- >"$work/ranked"
  # What the sessions under valgrind do not show: the entry point (its "(below main)") and the
  # C runtime's start-up functions, the SHA-256 of CPUs with SHA instructions (valgrind has
  # none), and libm's rounding, which the board calls natively; placed first, as every start
  # runs them.
  grep -E '^(_start|frame_dummy|register_tm_clones|deregister_tm_clones|__do_global_dtors_aux|ceil|floor|_ZN4sha26sha2563x86.*)$' \
    "$work/defined" >>"$1" || true
  awk 'NR == FNR { defined[$0] = 1; next } defined[$0]' "$work/defined" "$work/ranked" >>"$1"
  echo "startup-order: $(wc -l <"$1") functions so far"
}

: >"$work/order"
cargo build --release --example genboards
cargo build --release --bin rectify
profile "$work/order"
cargo bench --bench e2e --no-run
profile "$work/order"
awk '!seen[$0]++' "$work/order" >scripts/startup-order.txt
# Relink the release binary with the new list.
cargo build --release --bin rectify
echo "startup-order: $(wc -l <scripts/startup-order.txt) functions in scripts/startup-order.txt"
