#!/usr/bin/env bash
# Self-test of fake-evdev: builds it, mounts it in a temporary directory and
# drives it with the real libevdev (selftest-client) and evemu-describe.
# Exits non-zero on any failure; always unmounts and cleans up.
#
#   tools/fake-evdev/selftest.sh            (needs root or a working fusermount3)
#   KEEP_TMP=1 tools/fake-evdev/selftest.sh keep the temp dir with the logs
set -u

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
egalax="${EGALAX_PROP:-$here/../../Tests/Fixtures/evemu/egalax-0eef-72a1.prop}"
taps="${egalax%.prop}-taps.event"

fail=0
pass=0
note() { printf '%s\n' "$*"; }
ok() { pass=$((pass + 1)); note "ok - $*"; }
bad() { fail=$((fail + 1)); note "not ok - $*"; }

make -s -C "$here" fake-evdev selftest-client || { note "not ok - build failed"; exit 1; }
fe="$here/fake-evdev"
client="$here/selftest-client"

tmp="$(mktemp -d /tmp/fake-evdev-selftest.XXXXXX)"
pids=()
mounts=()

cleanup() {
	local p m
	for p in "${pids[@]}"; do
		kill -TERM "$p" 2>/dev/null
	done
	for p in "${pids[@]}"; do
		for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
		kill -KILL "$p" 2>/dev/null
		wait "$p" 2>/dev/null
	done
	for m in "${mounts[@]}"; do
		if mountpoint -q "$m" 2>/dev/null || grep -q " $m fuse" /proc/mounts; then
			fusermount3 -uz "$m" 2>/dev/null || umount -l "$m" 2>/dev/null
		fi
	done
	if [ -n "${KEEP_TMP:-}" ]; then
		note "# logs kept in $tmp"
	else
		rm -rf "$tmp"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start_server NAME [options...]: mounts $tmp/NAME, sets $mnt, $out, $srv
start_server() {
	local name="$1"
	shift
	mnt="$tmp/$name"
	out="$tmp/$name.out"
	mkdir -p "$mnt"
	"$fe" "$@" "$mnt" >"$out" 2>"$tmp/$name.err" &
	srv=$!
	pids+=("$srv")
	mounts+=("$mnt")
	for _ in $(seq 100); do
		grep -qx ready "$out" 2>/dev/null && return 0
		kill -0 "$srv" 2>/dev/null || break
		sleep 0.05
	done
	bad "server $name did not print ready"
	cat "$tmp/$name.err"
	return 1
}

# run_client ARGS...: runs a selftest-client subcommand, counts its checks
run_client() {
	local log="$tmp/client.log" rc
	timeout 60 "$client" "$@" >"$log" 2>&1
	rc=$?
	cat "$log"
	pass=$((pass + $(grep -c '^ok ' "$log")))
	fail=$((fail + $(grep -c '^not ok ' "$log")))
	if [ $rc -ne 0 ] && ! grep -q '^not ok ' "$log"; then
		bad "selftest-client $1 exited with $rc"
	fi
}

ctl() { printf '%s\n' "$@" >"$mnt/ctl"; }

note "# --- server A ($fe)"
start_server a || exit 1
A="$mnt"
Aout="$out"
Asrv="$srv"

ctl "add egalax $egalax" "add keypad $here/devices/keypad.prop" \
	"add single $here/devices/singletouch.prop" "add protoa $here/devices/protocol-a.prop" &&
	ok "add four devices in one ctl write" || bad "add devices"
listing="$(ls -U "$A/dev" | tr '\n' ' ')" # directory order: oldest first
[ "$listing" = "egalax keypad single protoa " ] && ok "dev/ lists: $listing" || bad "dev/ lists: $listing"
mode="$(stat -c '%a %F' "$A/dev/keypad")"
[ "$mode" = "660 regular empty file" ] && ok "device file mode $mode" || bad "device file mode $mode"
mode="$(stat -c '%a' "$A/ctl")"
[ "$mode" = "666" ] && ok "ctl mode $mode" || bad "ctl mode $mode"

note "# --- evemu-describe reads every description back through the ioctls"
for pair in "egalax:$egalax" "keypad:$here/devices/keypad.prop" "single:$here/devices/singletouch.prop" \
	"protoa:$here/devices/protocol-a.prop"; do
	name="${pair%%:*}"
	file="${pair#*:}"
	if timeout 20 evemu-describe "$A/dev/$name" >"$tmp/$name.described" 2>"$tmp/$name.described.err"; then
		"$client" canon "$file" >"$tmp/$name.want"
		"$client" canon "$tmp/$name.described" >"$tmp/$name.got"
		if diff -u "$tmp/$name.want" "$tmp/$name.got" >"$tmp/$name.diff"; then
			ok "evemu-describe $name matches $(basename "$file") ($(wc -l <"$tmp/$name.want") facts)"
		else
			bad "evemu-describe $name differs from $(basename "$file")"
			cat "$tmp/$name.diff"
		fi
	else
		bad "evemu-describe $name failed: $(cat "$tmp/$name.described.err")"
	fi
done
# my own descriptions are written in evemu-describe's format: identical text
for name in keypad:keypad single:singletouch protoa:protocol-a; do
	if diff <(grep -v '^#' "$here/devices/${name#*:}.prop") <(grep -v '^#' "$tmp/${name%%:*}.described") >/dev/null; then
		ok "devices/${name#*:}.prop round-trips byte for byte (comments aside)"
	else
		bad "devices/${name#*:}.prop does not round-trip textually"
	fi
done

note "# --- libevdev: device info and ioctl details"
run_client egalax-info "$A/dev/egalax"
note "# --- libevdev: protocol-B frames, timestamps, partial frames, bad commands"
run_client frame "$A/dev/egalax" "$A/ctl" egalax
note "# --- O_NONBLOCK"
run_client nonblock "$A/dev/egalax"
note "# --- poll and blocking read woken by another process"
run_client poll "$A/dev/egalax" "$A/ctl" egalax
note "# --- drop/resume: SYN_DROPPED and resync through EVIOCGMTSLOTS/EVIOCGKEY/EVIOCGABS"
run_client sync "$A/dev/egalax" "$A/ctl" egalax
note "# --- queue overflow"
run_client overflow "$A/dev/egalax" "$A/ctl" egalax
note "# --- keypad LED write"
run_client led "$A/dev/keypad" "$A/ctl" keypad
grep -qx "write keypad 17 0 1" "$Aout" && ok "stdout has 'write keypad 17 0 1'" || bad "no 'write keypad 17 0 1' line"
grep -qx "write keypad 0 0 0" "$Aout" && ok "stdout has 'write keypad 0 0 0' (the SYN_REPORT)" ||
	bad "no 'write keypad 0 0 0' line"
note "# --- protocol A device"
run_client protoa "$A/dev/protoa" "$A/ctl" protoa
note "# --- single-touch device"
(
	exec 8<"$A/dev/single" # opened before the emits: only open handles get events
	ctl "emit single EV_KEY BTN_TOUCH 1" "emit single EV_ABS ABS_X 4095" "emit single EV_ABS ABS_Y 0" "emit single 0 0 0"
	exec "$client" count fd:8 4
) >"$tmp/count.log" 2>&1
cat "$tmp/count.log"
grep -q '^ok ' "$tmp/count.log" && pass=$((pass + 1)) || fail=$((fail + 1))

note "# --- replay of the recorded taps (170 events) in one write"
if [ -f "$taps" ]; then
	# E: SEC.USEC TYPE(hex) CODE(hex) VALUE(decimal, zero padded: strip the
	# zeros, strtol base 0 would read "0431" as octal)
	awk '$1 == "E:" { printf "emit egalax 0x%s 0x%s %d %s\n", $3, $4, $5 + 0, $2 }' "$taps" >"$tmp/taps.ctl"
	n="$(wc -l <"$tmp/taps.ctl")"
	(
		exec 8<"$A/dev/egalax"
		cat "$tmp/taps.ctl" >"$A/ctl" || echo "not ok - replay write failed"
		exec "$client" count fd:8 "$n"
	) >"$tmp/count.log" 2>&1
	cat "$tmp/count.log"
	pass=$((pass + $(grep -c '^ok ' "$tmp/count.log")))
	fail=$((fail + $(grep -c '^not ok ' "$tmp/count.log")))
else
	bad "no $taps"
fi

note "# --- ctl errors"
if printf 'frobnicate egalax\n' >"$A/ctl" 2>/dev/null; then bad "bad command accepted"; else ok "bad command: write fails"; fi
grep -q '^error unknown command' "$Aout" && ok "stdout has an 'error ...' line" || bad "no error line on stdout"
if printf 'add egalax %s\n' "$egalax" >"$A/ctl" 2>/dev/null; then bad "duplicate add accepted"; else ok "duplicate add rejected"; fi
if printf 'add x/y %s\n' "$egalax" >"$A/ctl" 2>/dev/null; then bad "name with / accepted"; else ok "name with / rejected"; fi
if printf 'add broken /nonexistent.prop\n' >"$A/ctl" 2>/dev/null; then bad "missing file accepted"; else ok "missing description file rejected"; fi
printf 'emit keypad 1 0x52 1\nemit keypad 1 0x1e 1' >"$A/ctl" 2>/dev/null
grep -q '^error .*emit keypad 1 0x1e 1' "$Aout" && ok "a last line without newline is applied at close" ||
	bad "unterminated last line not applied"

note "# --- SIGKILL / signals while blocked in read (FUSE interrupt path)"
run_client kill "$A/dev/egalax" "$A/ctl" egalax
note "# --- unplug and replug"
run_client unplug "$A/dev/egalax" "$A/ctl" egalax "$egalax"

note "# --- handles balance"
sleep 0.3 # FUSE_RELEASE is asynchronous
opened="$(grep -c '^opened ' "$Aout")"
closed="$(grep -c '^closed ' "$Aout")"
[ "$opened" -eq "$closed" ] && [ "$opened" -gt 20 ] && ok "every opened handle was closed ($opened)" ||
	bad "opened $opened vs closed $closed"

note "# --- server B (--no-vm-readv): EVIOCGMTSLOTS fallback order"
start_server b --no-vm-readv || exit 1
B="$mnt"
ctl "add egalax $egalax"
if [ -f "$taps" ] && ctl "add taps $taps"; then # a recording (header + E: lines) is a description too
	timeout 20 evemu-describe "$B/dev/taps" >"$tmp/taps.described" 2>&1
	if diff <("$client" canon "$taps") <("$client" canon "$tmp/taps.described") >/dev/null; then
		ok "add from the .event recording; evemu-describe matches its header"
	else
		bad "add from the .event recording: description differs"
	fi
else
	bad "add from the .event recording failed"
fi
run_client egalax-info "$B/dev/egalax"
run_client sync "$B/dev/egalax" "$B/ctl" egalax

note "# --- shutdown on SIGTERM with a reader blocked"
( exec 9<"$A/dev/keypad"; timeout 10 head -c 24 <&9 >/dev/null 2>&1; echo "reader rc $?" >"$tmp/blocked.rc" ) &
reader=$!
sleep 0.3
kill -TERM "$Asrv"
for _ in $(seq 50); do kill -0 "$Asrv" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$Asrv" 2>/dev/null; then
	bad "server A still running 5 s after SIGTERM"
else
	wait "$Asrv"
	rc=$?
	[ $rc -eq 0 ] && ok "server A exited 0 on SIGTERM" || bad "server A exited $rc"
fi
wait "$reader" 2>/dev/null
grep -q 'reader rc 1' "$tmp/blocked.rc" 2>/dev/null && ok "blocked reader got an error at shutdown, not a hang" ||
	bad "blocked reader: $(cat "$tmp/blocked.rc" 2>/dev/null)"
grep -q " $A fuse" /proc/mounts && bad "$A still mounted" || ok "$A unmounted"

note "# $pass passed, $fail failed"
[ "$fail" -eq 0 ]
