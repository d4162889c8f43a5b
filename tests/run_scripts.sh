#!/bin/sh
# tests/run_scripts.sh PYRENA [DIR] — runs every tests/scripts/**/NAME.py with PYRENA in its own
# folder and compares standard output and standard error, together, with NAME.out (made by
# CPython 3.11 with tests/scripts/regen.sh; both sides have the folder's absolute path removed).
# Every run has -X leakcheck: a block still in use after shutdown prints a line and fails it.
# Extra interpreter options can be passed in PYRENA_OPTS (e.g. "-X malloc=debug").
# Prints one line per failure, then "N passed, N failed"; exits 1 if anything failed.
pyrena=$(cd "$(dirname "${1:?usage: run_scripts.sh PYRENA [DIR]}")" && pwd)/$(basename "$1")
dir=${2:-tests/scripts}
pass=0
fail=0
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
for py in $(find "$dir" -name '*.py' | sort); do
    out=${py%.py}.out
    [ -f "$out" ] || continue
    sdir=$(cd "$(dirname "$py")" && pwd)
    # shellcheck disable=SC2086
    (cd "$sdir" && timeout 60 "$pyrena" -X leakcheck $PYRENA_OPTS "$(basename "$py")" 2>&1 </dev/null | sed "s|$sdir/||g") >"$tmp"
    if cmp -s "$tmp" "$out"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: $py"
        diff "$out" "$tmp" | head -10
    fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
