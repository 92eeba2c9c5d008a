#!/usr/bin/env bash
# `npm start`: `next start` with memory limits sized to what the server holds (README, "Memory").
# Arguments go to `next start` (npm start -- -p 4000). exec: the server is this process, no wrapper stays.
set -euo pipefail
cd "$(dirname "$0")/.."

options=$(node scripts/server-memory.mjs)
[ -n "$options" ] && export NODE_OPTIONS="${NODE_OPTIONS:+$NODE_OPTIONS }$options"
# glibc gives each thread that allocates its own malloc arena; Node's I/O and GC threads would
# keep tens of MB of them. Two arenas are enough for one event loop.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
exec node_modules/.bin/next start "$@"
