#!/usr/bin/env bash
# scripts/security-scan.sh — sqlmap and wapiti against a local production build, in ≤ 10 minutes.
#
# Builds if the build is missing or older than the source, starts `next start` on a fresh embedded database (a
# temporary PGLITE_DIR) on a loopback port, creates an auditor (who may read everything, the audit log included) and
# signs in, then:
#   - sqlmap (--level 3, --batch) on every parameter of the API's parameterised GET routes, the session cookie sent;
#   - wapiti (modules sql, xss, exec, file, crlf, redirect, ssrf) over the same routes, scope /api/, cookie header.
# Exits 0 when neither reports anything, 1 on any finding (listed at the end), 2 when the scan could not run.
# Not part of .ci/run (it needs the Debian packages sqlmap and wapiti: apt-get install -y sqlmap wapiti).
# Environment: SCAN_PORT (default 3199), SCAN_KEEP=1 keeps the work folder, SCAN_BUDGET_SECONDS (default 540: the
# scan's own time, after a build if one was needed).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

PORT="${SCAN_PORT:-3199}"
BASE="http://127.0.0.1:${PORT}"
BUDGET="${SCAN_BUDGET_SECONDS:-540}"
STARTED=$(date +%s)

for tool in sqlmap wapiti curl node; do
  command -v "$tool" >/dev/null 2>&1 || { echo "security-scan: $tool is not installed (apt-get install -y sqlmap wapiti curl)" >&2; exit 2; }
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/zhuashou-scan.XXXXXX")"
APP_PID=""
cleanup() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM -- "-$APP_PID" 2>/dev/null || kill -TERM "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  if [ "${SCAN_KEEP:-0}" = "1" ]; then echo "security-scan: work folder kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

remaining() { echo $(( BUDGET - ($(date +%s) - STARTED) )); }

# 1. A production build that matches the source.
if [ ! -f .next/BUILD_ID ] || [ -n "$(find app lib db components proxy.ts next.config.mjs instrumentation.ts -newer .next/BUILD_ID -type f -print -quit 2>/dev/null)" ]; then
  echo "security-scan: building…"
  npx next build >"$WORK/build.log" 2>&1 || { tail -40 "$WORK/build.log" >&2; echo "security-scan: the build failed" >&2; exit 2; }
  echo "security-scan: built in $(( $(date +%s) - STARTED )) s; the scan's budget starts now"
  STARTED=$(date +%s)
fi

# 2. A fresh embedded database with one auditor, and the app on it.
export PGLITE_DIR="$WORK/data" DATABASE_URL="" DATABASE_OWNER_URL="" MFA_REQUIRED_ROLES=none DEMO_ACCOUNTS=0
export AUTH_SECRET="$(node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("base64"))')"
SCAN_USER=scanner
SCAN_PASSWORD="Scan-$(node -e 'process.stdout.write(require("crypto").randomBytes(12).toString("base64url"))')#9"
USER_PASSWORD="$SCAN_PASSWORD" npx tsx scripts/user-add.ts --username "$SCAN_USER" --role auditor --name 安全扫描 --no-force-change \
  >"$WORK/user-add.log" 2>&1 || { cat "$WORK/user-add.log" >&2; exit 2; }

setsid env NEXTAUTH_URL="$BASE" node node_modules/next/dist/bin/next start -p "$PORT" -H 127.0.0.1 >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
  curl -fsS -o /dev/null "$BASE/api/health" 2>/dev/null && break
  kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$WORK/app.log" >&2; echo "security-scan: the app did not start" >&2; exit 2; }
  sleep 0.5
done
curl -fsS -o /dev/null "$BASE/api/health" || { tail -40 "$WORK/app.log" >&2; echo "security-scan: the app did not answer" >&2; exit 2; }

# 3. Sign in through next-auth's credentials callback; keep the session cookie.
JAR="$WORK/cookies.txt"
CSRF=$(curl -fsS -c "$JAR" "$BASE/api/auth/csrf" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(JSON.parse(s).csrfToken))')
curl -sS -o /dev/null -b "$JAR" -c "$JAR" -H "Origin: $BASE" \
  --data-urlencode "csrfToken=$CSRF" --data-urlencode "username=$SCAN_USER" --data-urlencode "password=$SCAN_PASSWORD" \
  --data-urlencode "json=true" "$BASE/api/auth/callback/credentials"
# HttpOnly cookies are written as '#HttpOnly_<domain>' lines: keep those, skip real comments.
COOKIE=$(sed 's/^#HttpOnly_//' "$JAR" | awk '!/^#/ && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep="; " }')
case "$COOKIE" in *session-token=*) ;; *) echo "security-scan: sign-in failed" >&2; tail -20 "$WORK/app.log" >&2; exit 2 ;; esac
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$BASE/api/overview?year=2025&month=12")" = 200 ] \
  || { echo "security-scan: the session does not reach /api/overview" >&2; exit 2; }

# The API's parameterised GET routes (a * marks a path segment to inject).
TARGETS=(
  "$BASE/api/overview?year=2025&month=12"
  "$BASE/api/areas/investment?year=2025&month=12"
  "$BASE/api/indicators/INV-INVESTMENT*?year=2025&month=12"
  "$BASE/api/departments/fgw*?year=2025&month=12"
  "$BASE/api/audit?username=admin&role=admin&action=auth.login&entityType=user&departmentId=1&indicatorId=1&limit=20"
)

FINDINGS="$WORK/findings.txt"
: >"$FINDINGS"

# 4. sqlmap, one target at a time, within the budget.
for target in "${TARGETS[@]}"; do
  left=$(( $(remaining) - 150 ))
  if [ "$left" -le 20 ]; then echo "security-scan: out of time before sqlmap finished (${target})" >&2; exit 2; fi
  echo "security-scan: sqlmap ${target}"
  out="$WORK/sqlmap-$(echo "$target" | md5sum | cut -c1-8)"
  set +e
  timeout "$left" sqlmap -u "$target" --cookie="$COOKIE" --batch --level 3 --risk 1 --dbms=PostgreSQL \
    --technique=BEUS --threads 4 --timeout 15 --retries 1 --flush-session --disable-coloring \
    --output-dir="$out" >"$out.log" 2>&1
  rc=$?
  set -e
  if [ "$rc" -eq 124 ]; then echo "security-scan: sqlmap ran out of time on ${target}" >&2; exit 2; fi
  if grep -qiE "identified the following injection point|is vulnerable|appears to be .*injectable" "$out.log"; then
    { echo "sqlmap: ${target}"; grep -iE "Parameter:|Type:|Title:|injectable" "$out.log" | sed 's/^/    /'; } >>"$FINDINGS"
  fi
  if grep -qiE "\[CRITICAL\]" "$out.log" && ! grep -qiE "all tested parameters do not appear to be injectable" "$out.log"; then
    echo "security-scan: sqlmap could not test ${target}:" >&2
    grep -iE "\[CRITICAL\]" "$out.log" >&2
    exit 2
  fi
done

# 5. wapiti over the same routes (its -x crashes on Python 3.11: the scope stays on /api/ instead).
left=$(( $(remaining) - 10 ))
[ "$left" -gt 30 ] || { echo "security-scan: out of time before wapiti" >&2; exit 2; }
echo "security-scan: wapiti (max ${left} s)"
WAPITI_ARGS=(-u "$BASE/api/" --scope folder -m "sql,xss,exec,file,crlf,redirect,ssrf" -H "Cookie: $COOKIE"
  --flush-session --store-session "$WORK/wapiti-session" --max-scan-time "$left" --max-attack-time 60 -d 2
  -f json -o "$WORK/wapiti.json" --no-bugreport -v 1)
for target in "${TARGETS[@]}"; do WAPITI_ARGS+=(-s "${target//\*/}"); done
set +e
timeout $(( left + 30 )) wapiti "${WAPITI_ARGS[@]}" >"$WORK/wapiti.log" 2>&1
rc=$?
set -e
if [ ! -s "$WORK/wapiti.json" ]; then
  tail -30 "$WORK/wapiti.log" >&2
  echo "security-scan: wapiti wrote no report (exit $rc)" >&2
  exit 2
fi
node -e '
  const report = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const lines = [];
  for (const section of ["vulnerabilities", "anomalies"]) {
    for (const [kind, list] of Object.entries(report[section] ?? {})) {
      for (const item of list ?? []) lines.push(`wapiti ${section}: ${kind}: ${item.method ?? ""} ${item.path ?? ""} ${item.parameter ? "param " + item.parameter : ""} — ${item.info ?? ""}`);
    }
  }
  if (lines.length) process.stdout.write(lines.join("\n") + "\n");
' "$WORK/wapiti.json" >>"$FINDINGS"

# 6. The verdict.
elapsed=$(( $(date +%s) - STARTED ))
if [ -s "$FINDINGS" ]; then
  echo "security-scan: FINDINGS (${elapsed} s):"
  cat "$FINDINGS"
  SCAN_KEEP=1
  exit 1
fi
echo "security-scan: no findings from sqlmap (${#TARGETS[@]} routes, level 3) or wapiti (${elapsed} s)."
