#!/bin/sh
# tests/run_cli.sh PYRENA — what the golden scripts cannot see: the command line and the exit
# status. Each case runs a program with arguments through PYRENA and through python3 (CPython
# 3.11, the oracle) with an empty stdin, and compares standard output, standard error and the
# exit status. Prints one line per failure, then "N passed, N failed"; exits 1 on a failure.
pyrena=${1:?usage: run_cli.sh PYRENA}
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
check() { # check NAME ARGS... : runs both interpreters with ARGS and compares
    name=$1
    shift
    "$pyrena" "$@" >"$tmp/p.out" 2>"$tmp/p.err" </dev/null
    echo "status $?" >>"$tmp/p.out"
    python3 "$@" >"$tmp/c.out" 2>"$tmp/c.err" </dev/null
    echo "status $?" >>"$tmp/c.out"
    if cmp -s "$tmp/p.out" "$tmp/c.out" && cmp -s "$tmp/p.err" "$tmp/c.err"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: $name"
        diff "$tmp/c.out" "$tmp/p.out" | head -5
        diff "$tmp/c.err" "$tmp/p.err" | head -5
    fi
}
printf 'import sys\nprint(sys.argv[1:], len(sys.argv))\nsys.exit(int(sys.argv[1]))\n' >"$tmp/argv.py"
check "argv and exit status" "$tmp/argv.py" 7 x "y z"
check "exit status 0" "$tmp/argv.py" 0
check "exit status wraps at 256" "$tmp/argv.py" 258
check "-c argv" -c 'import sys; print(sys.argv)' a -b --c
check "-c sys.exit(4)" -c 'import sys; sys.exit(4)'
check "exit(None)" -c 'raise SystemExit(None)'
check "exit with a message" -c 'import sys; print("out"); sys.exit("bye")'
check "exit with a list" -c 'raise SystemExit([1, 2])'
check "uncaught exception" -c 'print("a"); 1/0'
check "quit(3)" -c 'quit(3)'
check "input at EOF" -c 'input("> ")'
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
