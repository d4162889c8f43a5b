#!/bin/sh
# bench/run.sh BUILD_DIR — runs pyrena's benchmarks, one section after another (`make bench` calls
# it with build/rel). Add a section for each new benchmark; keep each one self-contained.
set -e
build=${1:?usage: run.sh BUILD_DIR}

echo "== allocator: small blocks through pr_mem_alloc/free and glibc malloc/free =="
"$build/bench/alloc_bench"

# ---- frontend: lexer + parser + scope analysis against CPython's compile() ----------------
# A generated module of a few MB (bench/gen_frontend_input.py); pyrena's time is the median of
# its runs; CPython's is compile() timed inside the interpreter (start-up excluded), median of as
# many runs, by the real executable rather than a shim found on PATH.
echo "== frontend: lexer + parser + scope analysis vs CPython compile() =="
fe_py=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null || true)
if [ -z "$fe_py" ]; then
    echo "frontend: skipped (no python3 to generate the input)"
else
    fe_src="$build/bench/frontend_input.py"
    fe_runs=${FRONTEND_RUNS:-5}
    "$fe_py" bench/gen_frontend_input.py "${FRONTEND_MB:-4}" > "$fe_src"
    fe_out=$("$build/bench/frontend_bench" "$fe_src" "$fe_runs")
    echo "$fe_out" | grep -v '^frontend_seconds'
    fe_ours=$(echo "$fe_out" | sed -n 's/^frontend_seconds //p')
    "$fe_py" - "$fe_src" "$fe_runs" "$fe_ours" <<'PY'
import _symtable, ast, statistics, sys, time
path, runs, ours = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
src = open(path, encoding='utf-8').read()
mb = len(src.encode()) / 1e6

def median(fn):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)

v = sys.version_info
for label, fn in (('compile()', lambda: compile(src, path, 'exec')),
                  ('ast.parse()', lambda: compile(src, path, 'exec', ast.PyCF_ONLY_AST)),
                  ('symtable', lambda: _symtable.symtable(src, path, 'exec'))):
    t = median(fn)
    print('frontend: CPython %d.%d %-12s %8.4f s %8.2f MB/s   pyrena is %.2fx as fast'
          % (v.major, v.minor, label, t, mb / t, t / ours))
PY
fi
# ---- end frontend ---------------------------------------------------------------------------

# ---- programs: whole programs run by CPython and pyrena alternately ---------------------------
# bench/compare.sh checks the outputs match and prints median time and peak-RSS ratios; a
# program pyrena cannot run yet shows FAIL without stopping the other sections.
echo "== programs: pyrena vs CPython (bench/programs, medians of ${BENCH_RUNS:-5} runs) =="
sh bench/compare.sh "$build/pyrena" "${BENCH_RUNS:-5}" || echo "programs: some programs failed (see FAIL rows)"
# ---- end programs -------------------------------------------------------------------------------
