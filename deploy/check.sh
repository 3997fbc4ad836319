#!/bin/sh
# Checks the deploy/ files on this machine: `nginx -t` on a throwaway configuration that includes the site (with a
# self-signed certificate in place of the city's), and `systemd-analyze verify` on the units (with the release's
# real paths substituted for /opt/zhuashou/current). Exit 0 when both accept them.
set -eu
DEPLOY=$(cd "$(dirname "$(readlink -f "$0")")" && pwd -P)
ROOT=$(dirname "$DEPLOY")
T=$(mktemp -d "${TMPDIR:-/tmp}/zs-deploy-check-XXXXXX")
trap 'rm -rf "$T"' EXIT

if command -v nginx >/dev/null 2>&1; then
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$T/key.pem" -out "$T/cert.pem" -days 1 -subj /CN=zhuashou.test 2>/dev/null
  sed -e "s#/etc/zhuashou/tls/CHANGE-ME-fullchain.pem#$T/cert.pem#" -e "s#/etc/zhuashou/tls/CHANGE-ME-privkey.pem#$T/key.pem#" \
    -e "s#/var/log/nginx/#$T/#" "$DEPLOY/nginx/zhuashou.conf" > "$T/site.conf"
  cat > "$T/nginx.conf" <<CONF
pid $T/nginx.pid;
error_log $T/error.log;
events {}
http {
  client_body_temp_path $T; proxy_temp_path $T; fastcgi_temp_path $T; uwsgi_temp_path $T; scgi_temp_path $T;
  include $T/site.conf;
}
CONF
  nginx -t -q -c "$T/nginx.conf" -p "$T"
  echo "nginx: deploy/nginx/zhuashou.conf OK"
else
  echo "nginx: not installed, skipped"
fi

if command -v systemd-analyze >/dev/null 2>&1; then
  # In the repository bin/zhuashou is scripts/release/zhuashou.sh; in a release it is bin/zhuashou.
  bin="$ROOT/bin/zhuashou"
  [ -x "$bin" ] || bin="$ROOT/scripts/release/zhuashou.sh"
  for unit in "$DEPLOY"/systemd/*; do
    name=$(basename "$unit")
    [ "$name" = "zhuashou@.service" ] && name="zhuashou@3001.service"
    sed -e "s#/opt/zhuashou/current/bin/zhuashou#$bin#" -e "s#/opt/zhuashou/current/deploy#$DEPLOY#" "$unit" > "$T/$name"
  done
  systemd-analyze verify "$T"/zhuashou@3001.service "$T"/zhuashou-backup.service "$T"/zhuashou-backup.timer
  echo "systemd: deploy/systemd units OK"
else
  echo "systemd-analyze: not installed, skipped"
fi
