#!/bin/sh
# bench/compare.sh PYRENA [RUNS] — runs every bench/programs/NAME.py with CPython and with PYRENA,
# alternately, RUNS times each (default 5), checks that PYRENA prints exactly what CPython prints,
# and prints one row per program: median wall time of each, time ratio (pyrena / CPython), median
# peak RSS of each and memory ratio. A program PYRENA fails on (non-zero exit, other output,
# timeout) gets a FAIL row and the script goes on; it exits 0 only if every program matched.
#
# CPython is the real executable (sys.executable), not a `python3` found on PATH, which may be a
# shim (pyenv) that adds its own start-up time. PYRENA is run as given; extra options can be passed
# in PYRENA_OPTS (e.g. "-X malloc=py24"). Each run gets at most BENCH_TIMEOUT seconds (300).
#
# Peak RSS comes from GNU time (`/usr/bin/time -f %M`, Debian package `time`: apt-get install -y
# time). Without it, a fallback samples VmHWM in /proc/PID/status every 10 ms while the program
# runs (the high-water mark only grows, so this misses at most the last few ms); without /proc
# either, the RSS columns read n/a. BENCH_RSS=time|hwm|none forces one way (to test them).
# Wall time is measured around the command with `date +%s%N`.
set -u
pyrena=${1:?usage: compare.sh PYRENA [RUNS]}
runs=${2:-5}
here=$(cd "$(dirname "$0")" && pwd)
progs="$here/programs"
limit=${BENCH_TIMEOUT:-300}

cpython=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null) || cpython=
if [ -z "$cpython" ] || [ ! -x "$cpython" ]; then
    echo "compare.sh: no python3 found to compare with" >&2
    exit 2
fi
case $pyrena in
    */*) pyrena=$(cd "$(dirname "$pyrena")" && pwd)/$(basename "$pyrena") ;;
esac

rss_mode=${BENCH_RSS:-}
if [ -z "$rss_mode" ]; then
    if /usr/bin/time -f %M true >/dev/null 2>&1; then
        rss_mode="time"
    elif [ -r /proc/self/status ]; then
        rss_mode="hwm"
        echo "compare.sh: GNU time not found (apt-get install -y time); peak RSS sampled from VmHWM in /proc" >&2
    else
        rss_mode="none"
        echo "compare.sh: neither GNU time nor /proc: peak RSS not measured (apt-get install -y time)" >&2
    fi
fi
to=
command -v timeout >/dev/null 2>&1 && to="timeout $limit"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# run OUT CMD... — runs CMD with stdout in OUT, stderr in OUT.err; sets status, secs and kb.
run() {
    out=$1
    shift
    t0=$(date +%s%N)
    case $rss_mode in
        time)
            # shellcheck disable=SC2086
            # timeout runs inside time: a wait4() child's peak RSS covers its own children.
            /usr/bin/time -o "$out.rss" -f %M $to "$@" >"$out" 2>"$out.err"
            status=$?
            kb=$(tail -n 1 "$out.rss") ;;
        hwm)
            # No timeout(1) here: its own VmHWM would be read instead of the program's.
            "$@" >"$out" 2>"$out.err" &
            pid=$!
            kb=0
            deadline=$(($(date +%s) + limit))
            while kill -0 "$pid" 2>/dev/null; do
                k=$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\).*/\1/p' "/proc/$pid/status" 2>/dev/null)
                [ -n "$k" ] && kb=$k
                [ "$(date +%s)" -gt "$deadline" ] && kill "$pid"
                sleep 0.01
            done
            wait "$pid"
            status=$? ;;
        *)
            # shellcheck disable=SC2086
            $to "$@" >"$out" 2>"$out.err"
            status=$?
            kb= ;;
    esac
    t1=$(date +%s%N)
    secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
}

median() {
    tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ v[NR] = $1 } END {
        if (NR == 0) { print "n/a"; exit }
        if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { if (a == "n/a" || b == "n/a" || a + 0 == 0) print "n/a"; else printf "%.2f", b / a }'
}

mib() {
    awk -v k="$1" 'BEGIN { if (k == "n/a" || k == "") print "n/a"; else printf "%.1f", k / 1024 }'
}

echo "CPython: $cpython ($("$cpython" -c 'import sys; print(sys.version.split()[0])'))"
echo "pyrena:  $pyrena ${PYRENA_OPTS:-}"
echo "runs:    $runs, alternating; times are medians of wall time, RSS medians of peak RSS (MiB)"
echo
printf '%-16s %10s %10s %8s %10s %10s %8s\n' program "CPython s" "pyrena s" ratio "CPy MiB" "pyr MiB" ratio
ok=1
for py in "$progs"/*.py; do
    name=$(basename "$py" .py)
    ct='' pt='' ck='' pk='' failed='' why=''
    cd "$progs" || exit 2
    i=0
    while [ "$i" -lt "$runs" ]; do
        i=$((i + 1))
        run "$tmp/c.out" "$cpython" "$name.py"
        if [ "$status" -ne 0 ]; then
            echo "compare.sh: CPython failed on $name.py:" >&2
            cat "$tmp/c.out.err" >&2
            exit 2
        fi
        [ "$i" -eq 1 ] && cp "$tmp/c.out" "$tmp/expected"
        ct="$ct $secs" ck="$ck $kb"
        [ -n "$failed" ] && continue
        # shellcheck disable=SC2086
        run "$tmp/p.out" "$pyrena" ${PYRENA_OPTS:-} "$name.py"
        if [ "$status" -ne 0 ]; then
            failed=1 why="exit status $status: $(head -c 200 "$tmp/p.out.err" | tr '\n' ' ')"
        elif ! cmp -s "$tmp/p.out" "$tmp/expected"; then
            failed=1 why="output differs from CPython's"
        else
            pt="$pt $secs" pk="$pk $kb"
        fi
    done
    cm=$(echo "$ct" | median)
    cmk=$(echo "$ck" | median)
    if [ -n "$failed" ]; then
        ok=0
        printf '%-16s %10s %10s %8s %10s %10s %8s\n' "$name" "$cm" FAIL - "$(mib "$cmk")" FAIL -
        echo "    $why" | cut -c1-160
        continue
    fi
    pm=$(echo "$pt" | median)
    pmk=$(echo "$pk" | median)
    printf '%-16s %10s %10s %8s %10s %10s %8s\n' "$name" "$cm" "$pm" "$(ratio "$cm" "$pm")" \
        "$(mib "$cmk")" "$(mib "$pmk")" "$(ratio "$cmk" "$pmk")"
done
[ "$ok" -eq 1 ]
