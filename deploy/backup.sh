#!/bin/sh
# Daily backup of Zhuashou (run by zhuashou-backup.service, or by hand as the zhuashou user):
#   - bin/zhuashou backup into $BACKUP_DIR (default /var/backups/zhuashou), file mode 0600;
#   - keeps the newest $BACKUP_KEEP (default 30) backups, deletes older ones;
#   - on weekday $VERIFY_WEEKDAY (1 = Monday … 7 = Sunday; default 7), or always with VERIFY=1, restores the new
#     backup into a scratch embedded database (a fresh folder, removed afterwards) and verifies its audit chain:
#     a backup that cannot be restored is found within a week, not on the day it is needed.
# Exit code: 0 backed up (and verified when due) · non-zero otherwise (systemd then marks the unit failed).
# On the embedded engine the app must be stopped while it runs (one process holds the folder); see INSTALL.md.
set -eu

ROOT=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd -P)
BIN="$ROOT/bin/zhuashou"
BACKUP_DIR=${BACKUP_DIR:-/var/backups/zhuashou}
BACKUP_KEEP=${BACKUP_KEEP:-30}
VERIFY_WEEKDAY=${VERIFY_WEEKDAY:-7}

umask 077
mkdir -p "$BACKUP_DIR"
stamp=$(date +%Y%m%d-%H%M%S)
file="$BACKUP_DIR/zhuashou-$stamp.jsonl.gz"

"$BIN" backup --out "$file"

# Keep the newest $BACKUP_KEEP (names sort by time).
count=0
for old in $(ls -1 "$BACKUP_DIR"/zhuashou-*.jsonl.gz 2>/dev/null | sort -r); do
  count=$((count + 1))
  if [ "$count" -gt "$BACKUP_KEEP" ]; then
    rm -f -- "$old"
    echo "已删除过期备份：$old"
  fi
done

if [ "${VERIFY:-0}" = "1" ] || [ "$(date +%u)" = "$VERIFY_WEEKDAY" ]; then
  scratch="$BACKUP_DIR/.verify-$stamp"
  trap 'rm -rf -- "$scratch" "$scratch.lock" "$scratch.secret"' EXIT
  # A scratch embedded database: nothing of the live database (or its logins) is touched.
  env -u DATABASE_URL -u DATABASE_OWNER_URL PGLITE_DIR="$scratch" "$BIN" restore --in "$file"
  env -u DATABASE_URL -u DATABASE_OWNER_URL PGLITE_DIR="$scratch" "$BIN" audit-verify
  echo "恢复校验通过：$file"
fi
