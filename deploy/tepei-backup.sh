#!/bin/sh
# 每晚备份 / the nightly backup (deploy/systemd/tepei-backup.service): one `pnpm db:backup` file
# per day in $BACKUP_DIR, those older than $KEEP_DAYS days removed, the new one copied to $OFFSITE
# (an rsync target such as backup@10.0.0.30:/srv/tepei/) when set. Run from the release folder.
set -eu
: "${BACKUP_DIR:=/var/backups/tepei}"
: "${KEEP_DAYS:=14}"
: "${OFFSITE:=}"

mkdir -p "$BACKUP_DIR"
file="$BACKUP_DIR/tepei-$(date +%Y-%m-%dT%H%M).backup.gz"
# db:backup 先写 FILE.partial，完成后才改名 / db:backup writes FILE.partial and renames it only when complete
pnpm db:backup "$file"
find "$BACKUP_DIR" -maxdepth 1 -name 'tepei-*.backup.gz' -mtime "+$KEEP_DAYS" -delete
find "$BACKUP_DIR" -maxdepth 1 -name 'tepei-*.backup.gz.partial' -mmin +600 -delete   # a run that died
if [ -n "$OFFSITE" ]; then
  rsync --times "$file" "$OFFSITE"
fi
echo "backup: $file ($(stat -c %s "$file") bytes)"
