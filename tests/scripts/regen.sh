#!/bin/sh
# tests/scripts/regen.sh [NAME.py ...] — writes NAME.out for each golden script (default: all of
# tests/scripts) by running CPython 3.11 on it in its own folder, standard output then standard
# error together, with the folder's absolute path removed (CPython prints the main script's
# absolute path; tests/run_scripts.sh removes it from pyrena's output the same way).
set -e
python3 -c 'import sys; assert sys.version_info[:2] == (3, 11), sys.version' || {
    echo "regen.sh: the expected outputs must come from CPython 3.11" >&2
    exit 1
}
# CPython as a user starts it: stdout block-buffered into the pipe, whatever this shell sets.
unset PYTHONUNBUFFERED
[ $# -gt 0 ] || set -- $(find "$(dirname "$0")" -name '*.py' | sort)
for py in "$@"; do
    # Scripts whose first line says "Expected output written by hand" (they need a module CPython
    # lacks here, e.g. psutil) keep their committed .out.
    if head -n 1 "$py" | grep -q 'Expected output written by hand'; then
        echo "regen.sh: keeping the hand-written ${py%.py}.out" >&2
        continue
    fi
    dir=$(cd "$(dirname "$py")" && pwd)
    base=$(basename "$py")
    (cd "$dir" && python3 "$base" 2>&1 </dev/null | sed "s|$dir/||g" > "${base%.py}.out") || true
done
