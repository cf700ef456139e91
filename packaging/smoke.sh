#!/usr/bin/env bash
# Smoke test of the built app: build it with PyInstaller (packaging/build.sh), start it under Xvfb
# and check that its window ("Psoas Coach") appears with its icon (read from the packaged assets) and
# that it renders speech with the natural voice (Piper, through `psoas-coach-cli doctor`).
# Prints build time, folder size and start time.
# Usage: packaging/smoke.sh [--no-build]    Needs: Xvfb (xvfb), xwininfo (x11-utils), bc.
# SMOKE_SHOT=file.png also saves a screenshot of the virtual screen (needs ImageMagick's import).
# Too slow for every CI run (a build takes about 25 s on two cores); run it before a release.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in Xvfb xwininfo xprop bc; do
  command -v "$tool" >/dev/null || { echo "smoke: $tool is missing (apt-get install xvfb x11-utils)" >&2; exit 2; }
done

app=dist/psoas-coach
build_seconds="skipped"
if [ "${1:-}" != "--no-build" ]; then
  t0=$(date +%s.%N)
  packaging/build.sh
  build_seconds="$(printf '%.0f' "$(echo "$(date +%s.%N) - $t0" | bc)") s"
fi
[ -x "$app/psoas-coach" ] || { echo "smoke: no built app in $app; run packaging/build.sh" >&2; exit 1; }

work=$(mktemp -d)
xvfb_pid="" app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

"$app/psoas-coach-cli" --version > "$work/version.txt"

# The built app speaks with the natural voice: the doctor loads Piper in the render process (the app
# started as itself with --speech-worker) and renders a clip with the bundled en_US-joe-medium voice.
PSOAS_COACH_HOME="$work/doctor" "$app/psoas-coach-cli" doctor > "$work/doctor.txt" 2>&1 || true
natural_line=$(grep '^Natural voice: ' "$work/doctor.txt" || true)
case "$natural_line" in
  "Natural voice: en_US-joe-medium ("*"real-time factor"*) ;;
  *) echo "smoke: FAILED, the built app does not speak with the natural voice:" >&2; cat "$work/doctor.txt" >&2; exit 1 ;;
esac

# A private X server at 1366x768, the smallest laptop screen the app is designed for.
Xvfb -displayfd 3 -screen 0 1366x768x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || { echo "smoke: Xvfb did not start" >&2; cat "$work/xvfb.log" >&2; exit 1; }
export DISPLAY=":$(cat "$work/display")"

t0=$(date +%s.%N)
QT_QPA_PLATFORM=xcb "$app/psoas-coach" --data-dir "$work/data" --mute >"$work/app.log" 2>&1 &
app_pid=$!
start_seconds=""
for _ in $(seq 600); do
  if xwininfo -root -tree 2>/dev/null | grep -q '"Psoas Coach[^"]*": ("'; then  # the top-level with its WM_CLASS
    start_seconds=$(printf '%.2f' "$(echo "$(date +%s.%N) - $t0" | bc)")
    break
  fi
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 0.1
done

if [ -z "$start_seconds" ]; then
  echo "smoke: FAILED, no Psoas Coach window within 60 s; app output:" >&2
  cat "$work/app.log" >&2
  exit 1
fi
# The window icon comes from the packaged PNGs through importlib.resources: proof the assets made it.
window_id=$(xwininfo -root -tree | grep '"Psoas Coach[^"]*": ("' | head -1 | awk '{print $1}')  # the top-level, not Qt's 1x1 leader
for _ in $(seq 50); do
  xprop -id "$window_id" _NET_WM_ICON 2>/dev/null | grep -q "not found" || break
  sleep 0.1
done
if xprop -id "$window_id" _NET_WM_ICON 2>/dev/null | grep -q "not found"; then
  echo "smoke: FAILED, the window has no icon: the packaged assets were not found" >&2
  exit 1
fi
if grep -q "Traceback" "$work/app.log"; then
  echo "smoke: FAILED, the app raised:" >&2
  cat "$work/app.log" >&2
  exit 1
fi
if [ -n "${SMOKE_SHOT:-}" ]; then
  sleep 1  # let the first frame settle before the screenshot
  import -window root "$SMOKE_SHOT"
fi
rm -rf "$work"
echo "smoke: OK  version: $("$app/psoas-coach-cli" --version 2>&1 | head -1)"
echo "smoke: build ${build_seconds}, size $(du -sh "$app" | cut -f1), window after ${start_seconds} s"
echo "smoke: ${natural_line}"
