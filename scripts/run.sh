#!/usr/bin/env bash
# Set up (first time only) and start Psoas Coach. Extra arguments go to the app, e.g. --speed 10.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/psoas-coach "$@"
