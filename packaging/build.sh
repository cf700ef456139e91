#!/usr/bin/env bash
# Build the desktop app with PyInstaller from a clean checkout: dist/psoas-coach/ (a folder with the
# windowed psoas-coach and the console psoas-coach-cli). Sets up .venv first when needed.
# Usage: packaging/build.sh            (PSOAS_SKIP_SYSTEM_PACKAGES=1 skips the apt step of setup)
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
.venv/bin/python -m pip install -q -r packaging/requirements-build.txt

rm -rf build/pyinstaller dist/psoas-coach
.venv/bin/python -m PyInstaller packaging/psoas-coach.spec \
  --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller

app=dist/psoas-coach
if find "$app" -name '*qtexttospeech_mock*' | grep -q .; then
  echo "build: Qt's mock speech plugin slipped into $app" >&2
  exit 1
fi
for plugin in texttospeech multimedia; do
  find "$app" -path "*plugins/$plugin/*" -type f | grep -q . || { echo "build: no Qt $plugin plugin in $app" >&2; exit 1; }
done
echo "build: $app ($(du -sh "$app" | cut -f1)); run $app/psoas-coach"
