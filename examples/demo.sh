#!/bin/sh
# examples/demo.sh PYRENA — the main job of `make demo`: the seed documents' memory experiment
# (10**6 small objects, keep every 100th, drop the rest, then all) replayed on pyrena's allocator
# under each era's policy, printing RSS and the arena counters at every step.
# Until the VM runs Python scripts, this is the allocator-level version of the experiment.
set -e
pyrena=${1:-./pyrena}
for preset in py24 py25 py33 py310 malloc; do
    case $preset in
        py24) what="Python 2.4: arenas come from malloc and are never given back" ;;
        py25) what="Python 2.5: empty arenas are freed, fullest arenas used first" ;;
        py33) what="Python 3.3 (default): arenas are mmap'ed and unmapped when empty" ;;
        py310) what="Python 3.10: 1 MiB arenas, 16 KiB pools, one empty arena kept" ;;
        malloc) what="no arenas: every object from glibc malloc" ;;
    esac
    echo "=== $preset — $what"
    "$pyrena" -X malloc=$preset --alloc-demo
    echo
done
cat <<'TEXT'
Read the arenas columns: with one survivor in every 100 objects, nearly every arena keeps a
live block, so "keep = foo[::k]; del foo" gives back almost nothing; only "del keep" empties
the arenas, and only the presets that release arenas (py25, py33, py310) return them to the OS.
TEXT
