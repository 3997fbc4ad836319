#!/bin/sh
# zhuashou — the operator's command of an unpacked release (see INSTALL.md). Needs only Node.js >= 20.19.
#   bin/zhuashou start                  serve (embedded database in PGLITE_DIR, or PostgreSQL with DATABASE_URL);
#                                       pending migrations are applied at start
#   bin/zhuashou migrate                apply migrations (PostgreSQL: as DATABASE_OWNER_URL, else DATABASE_URL)
#   bin/zhuashou db-roles --app-user N  as the owner: create or update the app's restricted login (APP_DB_PASSWORD)
#   bin/zhuashou user-add --username U --role R [--department CODE] [--name 显示名] [--no-force-change]
#   bin/zhuashou user-reset --username U
#   bin/zhuashou backup [--out FILE]    restore --in FILE
#   bin/zhuashou audit-verify [--checkpoint FILE|DIR] [--json]    audit-checkpoint [--out FILE] [--dir DIR] [--syslog]
# Environment as for the npm scripts: DATABASE_URL, DATABASE_OWNER_URL, PGLITE_DIR (default ./.data of the folder
# the command is run from), AUTH_SECRET, PORT (3000), HOSTNAME (listen address, default 127.0.0.1), SERVER_HEAP_MB (320), …
set -eu

self=$0
if command -v readlink >/dev/null 2>&1 && resolved=$(readlink -f "$0" 2>/dev/null); then self=$resolved; fi
ROOT=$(cd "$(dirname "$self")/.." && pwd -P)
NODE=${ZHUASHOU_NODE:-node}

if ! command -v "$NODE" >/dev/null 2>&1; then
  echo "找不到 Node.js（需要 20.19 或更高版本）：请安装 Node.js，或用 ZHUASHOU_NODE 指定其路径。" >&2
  exit 69
fi
if ! "$NODE" -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>20||(a===20&&b>=19)?0:1)'; then
  echo "Node.js 版本过低（$("$NODE" --version)）：需要 20.19 或更高版本。" >&2
  exit 69
fi

# The commands run from wherever the operator is; the server changes into the release folder. Relative paths are
# therefore made absolute here, against the operator's folder, as the npm scripts would read them.
case "${PGLITE_DIR:-}" in
  '') PGLITE_DIR="$PWD/.data" ;;
  /*) ;;
  *) PGLITE_DIR="$PWD/$PGLITE_DIR" ;;
esac
export PGLITE_DIR
export MIGRATIONS_DIR="$ROOT/db/migrations"
export NEXT_TELEMETRY_DISABLED=1

run_cli() {
  script=$1
  shift
  exec "$NODE" "$ROOT/cli/$script.mjs" "$@"
}

command=${1:-help}
[ $# -gt 0 ] && shift
case "$command" in
  start)
    [ $# -eq 0 ] || { echo "start 不带参数：用环境变量 PORT、HOSTNAME、DATABASE_URL 等配置。" >&2; exit 64; }
    export PORT="${PORT:-3000}"
    export HOSTNAME="${HOSTNAME:-127.0.0.1}"
    # The V8 heap's ceiling (MB): without one V8 lets garbage pile up to gigabytes before collecting it. The same
    # default as `npm start` and the test harness (scripts/lib/test-app.ts); raise SERVER_HEAP_MB for a larger city.
    # A young generation of 2 MB semi-spaces (V8's default grows to 16): a request's garbage dies there as well, and
    # the server keeps about 50 MB less (scripts/bench/README.md).
    exec "$NODE" --max-old-space-size="${SERVER_HEAP_MB:-320}" --max-semi-space-size=2 "$ROOT/server.js"
    ;;
  migrate) run_cli db-migrate "$@" ;;
  db-roles) run_cli db-roles "$@" ;;
  user-add) run_cli user-add "$@" ;;
  user-reset) run_cli user-reset "$@" ;;
  backup) run_cli db-backup "$@" ;;
  restore) run_cli db-restore "$@" ;;
  audit-verify) run_cli audit-verify "$@" ;;
  audit-checkpoint) run_cli audit-checkpoint "$@" ;;
  version | --version) cat "$ROOT/VERSION" ;;
  help | --help | -h)
    sed -n '2,12p' "$self" | sed 's/^# \{0,1\}//'
    ;;
  *)
    echo "未知命令：$command（可用：start、migrate、db-roles、user-add、user-reset、backup、restore、audit-verify、audit-checkpoint、version）" >&2
    exit 64
    ;;
esac
