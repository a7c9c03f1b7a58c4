#!/usr/bin/env bash
# Soak: four boards (tmux panes, one of them polling, one editing) watch a copy of boards/ while
#   - "colleagues" save the same files in every style editors and shells use: rename over
#     (vim), truncate then write in two parts (VS Code), remove then create (git checkout),
#     sed -i, `>` and `>>` (a comment appended);
#   - `rectify set` runs in a loop, each time appending a fresh revised deadline (--due) and a
#     progress to a measure, logging every success (--force: the soak's dates lie past the
#     programs' ends on purpose, so that each one is new and can be found afterwards);
#   - someone at a fourth board (not read-only) opens the progress dialog on a measure the
#     `set` loop is changing, waits a moment, types a value and presses Enter; a conflict
#     dialog is answered "keep theirs".
# Afterwards it checks that every logged `set` edit is in its measure, that no board crashed
# (all four still running, then quitting with status 0, no error banner left), that every
# file passes `rectify check`, and that every dialog save replaced the value the dialog
# showed: its history line's old value is the one on screen when the dialog opened. A save
# over a value the user never saw is a lost update and fails the soak.
#
# Who owns what: in each file, the first measure's title belongs to the colleagues (they
# rewrite it as "soak-N"); `rectify set` changes only the other measures. The colleagues'
# saves are read-modify-write without any lock, as an editor's are, so a colleague who read
# a file before a `set` and writes after it legitimately overwrites that `set` (the same
# happens with a real editor; the board warns about it, a script cannot). Such a `set` is
# counted as "overwritten by a colleague's save"; every other missing `set` edit is a lost
# update and fails the soak.
#
# Usage: bash scripts/soak.sh            (SOAK_MINUTES=3 by default)
#        SOAK_MINUTES=10 bash scripts/soak.sh
#        RECTIFY_BIN=path/to/rectify      use that binary instead of building one
#        SOAK_KEEP=1                      keep the temp folder even when the soak passes
set -u
cd "$(dirname "$0")/.."

minutes=${SOAK_MINUTES:-3}
if [ -n "${RECTIFY_BIN:-}" ]; then
    bin=$RECTIFY_BIN
else
    echo "building the release binary…"
    cargo build --release --quiet || { echo "FAIL: build failed"; exit 1; }
    bin=${CARGO_TARGET_DIR:-target}/release/rectify
fi
bin=$(realpath "$bin")
command -v tmux >/dev/null || { echo "FAIL: tmux is needed (apt-get install tmux)"; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/rectify-soak.XXXXXX")
dir=$work/boards
mkdir "$dir"
# Not the user's own config: its key bindings or language would change what is checked.
export RECTIFY_CONFIG=$work/no-config.ron
cp boards/*.ron "$dir"/
sock="rectify-soak-$$"
tm() { tmux -L "$sock" "$@"; }
now() { date +%s.%N; }

# The first measure's title of each file becomes "soak-0": the colleagues' field.
for f in "$dir"/*.ron; do
    awk 'BEGIN { m = 0; done = 0 }
         /Measure\(/ { m = 1 }
         m && !done && /^[[:space:]]*title:/ { sub(/title: "[^"]*"/, "title: \"soak-0\""); done = 1 }
         { print }' "$f" >"$f.new" && mv "$f.new" "$f"
done
"$bin" check "$dir" >/dev/null || { echo "FAIL: the prepared copy does not check"; exit 1; }

# Measures `set` may change: every measure id but each file's first.
: >"$work/targets"
for f in "$dir"/*.ron; do
    grep -oE '^[[:space:]]+id: "[^"]+"' "$f" | sed -E 's/.*"([^"]+)"/\1/' | tail -n +3 |
        while read -r id; do echo "$(basename "$f") $id"; done >>"$work/targets"
done
mapfile -t targets <"$work/targets"

# Three boards, side by side in one tmux server of our own.
apps=(native-1 native-2 poll)
for a in "${apps[@]}"; do
    extra=""
    [ "$a" = poll ] && extra="--poll=250ms"
    tm new-session -d -s "$a" -x 120 -y 35 \
        "exec '$bin' '$dir' --today 2023-07-15 --lang zh --read-only $extra"
    tm set-option -t "$a" remain-on-exit on >/dev/null
done
tm new-session -d -s editor -x 120 -y 35 \
    "exec env RECTIFY_USER=dialog '$bin' '$dir' --today 2023-07-15 --lang zh"
tm set-option -t editor remain-on-exit on >/dev/null
apps+=(editor)
sleep 2

deadline=$(($(date +%s) + minutes * 60))

# rectify set, in a loop: a new, never used date each time, so each success is verifiable.
set_loop() {
    local k=0 n=${#targets[@]}
    while [ "$(date +%s)" -lt "$deadline" ]; do
        local t=${targets[RANDOM % n]}
        # Half the time the measure someone has a dialog open on: the race to catch.
        if [ $((RANDOM % 2)) = 0 ] && [ -s "$work/dialog.target" ]; then
            t=$(cat "$work/dialog.target")
        fi
        local file=${t%% *} id=${t#* }
        k=$((k + 1))
        local due
        due=$(date -d "2030-01-01 + $k days" +%F)
        local t0 t1 out
        t0=$(now)
        if out=$("$bin" set "$dir/$file" "$id" --due "$due" --force --progress $((RANDOM % 101)) \
            --user soak 2>&1); then
            t1=$(now)
            echo "$file $id $due $t0 $t1" >>"$work/set.ok"
        else
            echo "$file $id $due :: $out" >>"$work/set.failed"
        fi
        sleep 0.0$((RANDOM % 10))
    done
}

# A colleague: read the file, change the first measure's title, save it in one of the styles.
colleague_loop() {
    local n=0 styles=(rename truncate remove-create sed-i redirect append)
    local files=("$dir"/*.ron)
    while [ "$(date +%s)" -lt "$deadline" ]; do
        n=$((n + 1))
        local f=${files[RANDOM % ${#files[@]}]}
        local style=${styles[n % ${#styles[@]}]}
        local t0 t1 new half
        t0=$(now)
        case $style in
        rename)
            new=$(sed "s/title: \"soak-[0-9]*\"/title: \"soak-$n\"/" "$f") || continue
            printf '%s\n' "$new" >"$dir/.soak-colleague.tmp"
            mv "$dir/.soak-colleague.tmp" "$f"
            ;;
        truncate)
            new=$(sed "s/title: \"soak-[0-9]*\"/title: \"soak-$n\"/" "$f") || continue
            half=$((${#new} / 2))
            { printf '%s' "${new:0:half}"; sleep 0.05; printf '%s\n' "${new:half}"; } >"$f"
            ;;
        remove-create)
            new=$(sed "s/title: \"soak-[0-9]*\"/title: \"soak-$n\"/" "$f") || continue
            rm -f "$f"
            sleep 0.05
            printf '%s\n' "$new" >"$f"
            ;;
        sed-i)
            sed -i "s/title: \"soak-[0-9]*\"/title: \"soak-$n\"/" "$f"
            ;;
        redirect)
            new=$(sed "s/title: \"soak-[0-9]*\"/title: \"soak-$n\"/" "$f") || continue
            printf '%s\n' "$new" >"$f"
            ;;
        append)
            echo "// soak: a colleague's note $n" >>"$f"
            ;;
        esac
        t1=$(now)
        echo "$(basename "$f") $style $n $t0 $t1" >>"$work/colleague.log"
        sleep 0.$((1 + RANDOM % 3))
    done
}

# Someone at the editor board: the progress dialog on a measure `set` is changing, Enter after
# a pause in which a colleague's `set` may land. Logs what the dialog showed and what was typed.
dialog_loop() {
    local files=("$dir"/*.ron) k=0
    while [ "$(date +%s)" -lt "$deadline" ]; do
        k=$((k + 1))
        local i=$((RANDOM % ${#files[@]}))
        local file
        file=$(basename "${files[i]}")
        local ids
        mapfile -t ids < <(grep "^$file " "$work/targets" | awk '{print $2}')
        local id=${ids[RANDOM % ${#ids[@]}]}
        # A key at a time, as a person types: keys sent in one go arrive as a paste, whose
        # Enter the board rightly takes for text.
        for key in Escape F Escape g $(printf 'j %.0s' $(seq "$i")) Enter / "$id" Enter p; do
            tm send-keys -t editor "$key"
            sleep 0.03
        done
        sleep 0.3
        local scr seen shown_id
        scr=$(tm capture-pane -p -t editor)
        shown_id=$(grep -oE '修改进度（0–100） · [^ ]+' <<<"$scr" | awk '{print $3}')
        seen=$(grep -A1 '修改进度（0–100）' <<<"$scr" | tail -1 | grep -oE '│ [0-9]+ ' | grep -oE '[0-9]+')
        if [ -z "$shown_id" ] || [ -z "$seen" ]; then
            tm send-keys -t editor Escape
            continue
        fi
        echo "$file $shown_id" >"$work/dialog.target"
        sleep 0.$((2 + RANDOM % 8))
        : >"$work/dialog.target"
        local want=$((RANDOM % 101))
        tm send-keys -t editor C-u
        sleep 0.03
        tm send-keys -t editor "$want"
        sleep 0.03
        tm send-keys -t editor Enter
        sleep 0.3
        scr=$(tm capture-pane -p -t editor)
        if grep -q '冲突：' <<<"$scr"; then
            echo "$file $shown_id $seen $want conflict" >>"$work/dialog.log"
            tm send-keys -t editor t
        else
            echo "$file $shown_id $seen $want done" >>"$work/dialog.log"
        fi
        sleep 0.2
    done
}

# Someone looks at each board now and then: moves, opens programs, switches screens.
viewer_loop() {
    local keys=(j j k Enter Tab Tab BTab l h Escape G g)
    while [ "$(date +%s)" -lt "$deadline" ]; do
        for a in "${apps[@]}"; do
            [ "$a" = editor ] && continue
            tm send-keys -t "$a" "${keys[RANDOM % ${#keys[@]}]}" 2>/dev/null
        done
        sleep 0.5
    done
}

: >"$work/set.ok"
: >"$work/set.failed"
: >"$work/colleague.log"
: >"$work/dialog.log"
echo "soaking for $minutes min in $work …"
set_loop &
p1=$!
colleague_loop &
p2=$!
viewer_loop &
p3=$!
dialog_loop &
p4=$!
wait "$p1" "$p2" "$p3" "$p4"

fail=0
problem() {
    echo "  FAIL: $*"
    fail=1
}

# Let the boards settle on the final files, then look at them.
sleep 3
for a in "${apps[@]}"; do
    tm send-keys -t "$a" Escape
    sleep 0.05
    tm send-keys -t "$a" Escape
done
sleep 1
alive=0
for a in "${apps[@]}"; do
    state=$(tm list-panes -t "$a" -F '#{pane_dead} #{pane_dead_status}' 2>/dev/null)
    tm capture-pane -p -t "$a" >"$work/screen-$a.txt" 2>/dev/null
    if [ "${state%% *}" != 0 ]; then
        problem "board $a is not running (pane: $state); its screen is in $work/screen-$a.txt"
        continue
    fi
    if [ "$a" = editor ]; then
        tm send-keys -t "$a" Escape F Escape
        sleep 0.5
        tm capture-pane -p -t "$a" >"$work/screen-$a.txt" 2>/dev/null
    fi
    if ! grep -q "9 个专项" "$work/screen-$a.txt"; then
        problem "board $a does not show the 9 programs; see $work/screen-$a.txt"
    elif grep -qE '✗ +[^ ]+\.ron' "$work/screen-$a.txt"; then
        problem "board $a still shows an error for valid files; see $work/screen-$a.txt"
    fi
    tm send-keys -t "$a" q
    # tmux may see the terminal close before it has the exit status: wait for the status.
    for _ in $(seq 50); do
        state=$(tm list-panes -t "$a" -F '#{pane_dead} #{pane_dead_status}#{pane_dead_signal}')
        [ "${state#* }" != "" ] && break
        sleep 0.1
    done
    if [ "$state" = "1 0" ]; then
        alive=$((alive + 1))
    else
        problem "board $a did not quit cleanly (dead, status or signal: $state)"
    fi
done
tm kill-server 2>/dev/null

# Every file still a valid board.
if "$bin" check "$dir" >"$work/check.txt" 2>&1; then
    checked="all files pass rectify check"
else
    problem "rectify check fails: $(tail -1 "$work/check.txt") (see $work/check.txt)"
    checked="rectify check FAILED"
fi

# Every logged set edit is in its measure, unless a colleague's save overlapped it. First the
# soak's dates (2030 on) found in each measure, by file and measure id (id comes first in a
# measure, as in the shipped boards), then a join with the log.
for f in "$dir"/*.ron; do
    awk -v file="$(basename "$f")" '
        /Measure\(/ { id = "" }
        match($0, /id: "[^"]+"/) { id = substr($0, RSTART + 5, RLENGTH - 6) }
        {
            s = $0
            while (match(s, /"20[3-9][0-9]-[0-9][0-9]-[0-9][0-9]"/)) {
                print file, id, substr(s, RSTART + 1, RLENGTH - 2)
                s = substr(s, RSTART + RLENGTH)
            }
        }' "$f"
done >"$work/present"
awk '
    FILENAME == ARGV[1] { have[$1, $2, $3] = 1; next }
    FILENAME == ARGV[2] { if ($2 != "append") { n++; cf[n] = $1; cs[n] = $4; ce[n] = $5 }; next }
    {
        if (have[$1, $2, $3]) { print "present"; next }
        for (i = 1; i <= n; i++)
            if (cf[i] == $1 && cs[i] < $5 && ce[i] > $4) { print "overwritten"; next }
        print "lost " $0
    }' "$work/present" "$work/colleague.log" "$work/set.ok" >"$work/verdicts"
present=$(grep -c '^present' "$work/verdicts")
overwritten=$(grep -c '^overwritten' "$work/verdicts")
lost=$(grep -c '^lost' "$work/verdicts")
while read -r _ file id due t0 _; do
    problem "lost update: set $file $id --due $due (at $t0) is not in the file"
done < <(grep '^lost' "$work/verdicts")

# Every dialog save replaced what the dialog showed. The history line of a dialog save (user
# "dialog") says old → new; the old value must be the one on screen when the dialog opened.
# Dialog saves and history lines are both in time order: each save takes the first line after
# the previous one's that matches it (a lost edit put back writes a line of its own).
for f in "$dir"/*.ron; do
    printf '%s %s\n' "$(basename "$f")" \
        "$(grep -m1 -oE '^[[:space:]]*id: "[^"]+"' "$f" | sed -E 's/.*"([^"]+)"/\1/')"
done >"$work/programs"
awk -F'\t' '
    FILENAME == ARGV[1] { split($0, a, " "); prog[a[1]] = a[2]; next }
    FILENAME == ARGV[2] {
        if ($2 == "dialog" && $5 == "progress") { n++; key[n] = $3 " " $4; change[n] = $6 }
        next
    }
    {
        split($0, d, " ")
        if (d[5] != "done" || d[3] == d[4]) next
        k = prog[d[1]] " " d[2]
        for (i = from[k] + 1; i <= n; i++) {
            split(change[i], c, " → ")
            if (key[i] == k && c[2] == d[4]) {
                from[k] = i
                print (c[1] == d[3] ? "ok" : "lost"), d[1], d[2], d[3], c[1]
                next
            }
        }
    }' "$work/programs" "$dir/rectify-history.tsv" "$work/dialog.log" >"$work/dialog.verdicts"
dialog_ok=$(grep -c '^ok' "$work/dialog.verdicts")
dialog_lost=$(grep -c '^lost' "$work/dialog.verdicts")
while read -r _ file id seen replaced; do
    problem "lost update: the dialog on $file $id showed $seen, but its save replaced $replaced"
done < <(grep '^lost' "$work/dialog.verdicts")
dialog_conflicts=$(grep -c ' conflict$' "$work/dialog.log")

sets=$(wc -l <"$work/set.ok")
refused=$(wc -l <"$work/set.failed")
saves=$(wc -l <"$work/colleague.log")
echo
echo "soak: $minutes min, 4 boards (2 native, 1 polling, read-only; 1 editing)"
echo "  rectify set: $sets edits written, $refused refused (file mid-save or a conflict; see $work/set.failed)"
echo "  colleague saves: $saves ($(awk '{print $2}' "$work/colleague.log" | sort | uniq -c | awk '{printf "%s %s, ", $2, $1}' | sed 's/, $//'))"
echo "  set edits in the files: $present; overwritten by an overlapping colleague save: $overwritten; lost: $lost"
echo "  dialogs: $(wc -l <"$work/dialog.log") opened; $dialog_ok saves checked against what they showed, $dialog_conflicts conflicts asked; lost updates: $dialog_lost"
echo "  boards: $alive of 4 ran to the end and quit cleanly; $checked"
if [ "$fail" = 0 ] && [ "$sets" -gt 0 ] && [ "$saves" -gt 0 ]; then
    echo "PASS"
    [ -n "${SOAK_KEEP:-}" ] || rm -rf "$work"
    exit 0
fi
[ "$sets" -gt 0 ] || echo "  FAIL: no set edit succeeded"
echo "FAIL (files kept in $work)"
exit 1
