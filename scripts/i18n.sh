#!/usr/bin/env bash
# Translations: extract every text into psoas_coach/locale/psoas_coach.pot, merge it into each
# language's .po, compile the .mo files that ship in the package. See docs/translating.md.
#   scripts/i18n.sh update        extract + update every .po (new texts appear empty, to translate)
#   scripts/i18n.sh compile       compile every .po into its .mo (commit both)
#   scripts/i18n.sh add CODE      start a new language (e.g. pl, pt_BR)
#   scripts/i18n.sh check         fail if a .po has an empty, fuzzy or stale entry, or a .mo is stale
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
[ -x "$PY" ] || PY=python3
LOCALE=psoas_coach/locale
POT=$LOCALE/psoas_coach.pot

extract() {
  PYTHONPATH=scripts "$PY" -m babel.messages.frontend extract -F babel.cfg -o "$POT" \
    -k _ -k N_ -k lazy -k ngettext:1,2 -k pgettext:1c,2 --add-comments=Translators: \
    --sort-by-file --no-wrap --project="Psoas Coach" --copyright-holder="Psoas Coach contributors" \
    --omit-header . 2>&1 | grep -v "^extracting\|^writing" || true
}

case "${1:-}" in
  update)
    extract
    "$PY" -m babel.messages.frontend update -i "$POT" -d "$LOCALE" -D psoas_coach --no-wrap --no-fuzzy-matching \
      --ignore-obsolete
    ;;
  compile)
    "$PY" -m babel.messages.frontend compile -d "$LOCALE" -D psoas_coach --statistics
    ;;
  add)
    extract
    "$PY" -m babel.messages.frontend init -i "$POT" -d "$LOCALE" -D psoas_coach -l "${2:?a language code, e.g. pl}" --no-wrap
    ;;
  check)
    "$PY" -m pytest -q -p no:cacheprovider tests/test_i18n_catalogues.py
    ;;
  *)
    sed -n 2,8p "$0"; exit 2
    ;;
esac
