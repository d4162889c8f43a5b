#!/bin/sh
# Installs, with apt-get, the Debian packages behind the pkg-config names given as arguments when
# pkg-config (or the package itself) is missing. Needs root only when something is missing.
set -e
need=""
command -v pkg-config >/dev/null 2>&1 || need="pkg-config"
for p in "$@"; do
    if ! pkg-config --exists "$p" 2>/dev/null; then
        case "$p" in
            readline) need="$need libreadline-dev" ;;
            check) need="$need check" ;;
            *) need="$need $p" ;;
        esac
    fi
done
command -v cc >/dev/null 2>&1 || need="$need gcc"
[ -z "$need" ] && exit 0
echo "deps: installing$need"
if [ "$(id -u)" != 0 ]; then
    echo "deps: need root to run: apt-get install -y$need" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq $need
