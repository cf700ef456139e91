#!/usr/bin/env bash
# Set up everything Psoas Coach needs on a fresh Debian/Ubuntu machine: system libraries for Qt,
# audio and speech (apt, as root or through sudo), then a virtual environment in .venv with the app
# and its test tools. Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  python3-venv
  espeak-ng libespeak-ng1                        # offline text-to-speech for pyttsx3
  libpulse0 libasound2                           # QtMultimedia and QtTextToSpeech load these
  libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0 fonts-dejavu-core
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-shape0 libxkbcommon-x11-0 libxcb-xinerama0 libxcb-randr0 libxcb-xfixes0
  xvfb xauth                                     # a virtual screen for the window tests
  sox                                            # measures rendered speech in the tests
  desktop-file-utils appstream                   # validate the .desktop and AppStream files in packaging/
  dbus-daemon dbus-bin                           # a private session bus (dbus-run-session) for the keep-awake and AT-SPI tests
  at-spi2-core python3-pyatspi                   # the accessibility registry and Debian's pyatspi for the AT-SPI tree tests
  poppler-utils                                  # pdftotext reads the therapist report back in the tests
)

install_system_packages() {
  command -v apt-get >/dev/null 2>&1 || { echo "setup: no apt-get here; install the equivalents of: ${APT_PACKAGES[*]}"; return 0; }
  local missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "setup: please install as root: apt-get install ${missing[*]}"; return 0
    fi
  fi
  echo "setup: installing system packages: ${missing[*]}"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_python_packages() {
  local py="${PYTHON:-python3}"
  if [ ! -x .venv/bin/python ]; then
    echo "setup: creating .venv"
    "$py" -m venv .venv
  fi
  local stamp=.venv/.psoas-setup-stamp
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    echo "setup: installing Python packages into .venv"
    .venv/bin/python -m pip install -q --upgrade pip >/dev/null
    .venv/bin/python -m pip install -q -e ".[test]"
    touch "$stamp"
  fi
  # Byte-compile the app now: where PYTHONDONTWRITEBYTECODE is set, or the checkout is read-only,
  # Python would otherwise compile every module from source at each start (about 50 ms).
  # Quick when nothing changed; run every time so a pulled change is compiled too.
  .venv/bin/python -m compileall -q psoas_coach >/dev/null
}

if [ "${PSOAS_SKIP_SYSTEM_PACKAGES:-0}" != "1" ]; then
  install_system_packages
fi
install_python_packages
