#!/bin/sh
# bench/run.sh BUILD_DIR — runs pyrena's benchmarks, one section after another (`make bench` calls
# it with build/rel). Add a section for each new benchmark; keep each one self-contained.
set -e
build=${1:?usage: run.sh BUILD_DIR}

echo "== allocator: small blocks through pr_mem_alloc/free and glibc malloc/free =="
"$build/bench/alloc_bench"
