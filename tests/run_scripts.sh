#!/bin/sh
# tests/run_scripts.sh PYRENA [DIR] — runs every tests/scripts/**/NAME.py with PYRENA and compares
# its standard output with NAME.out (made by CPython 3.11, see tests/README.md).
# Extra interpreter options can be passed in PYRENA_OPTS (e.g. "-X malloc=debug").
# Prints one line per failure, then "N passed, N failed"; exits 1 if anything failed.
pyrena=${1:?usage: run_scripts.sh PYRENA [DIR]}
dir=${2:-tests/scripts}
pass=0
fail=0
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
for py in $(find "$dir" -name '*.py' | sort); do
    out=${py%.py}.out
    [ -f "$out" ] || continue
    # shellcheck disable=SC2086
    (cd "$(dirname "$py")" && timeout 60 "$OLDPWD/$pyrena" $PYRENA_OPTS "$(basename "$py")") >"$tmp" 2>/dev/null
    if cmp -s "$tmp" "$out"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: $py"
    fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
