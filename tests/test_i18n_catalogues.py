"""Every shipped catalogue is complete: each text of the sources and the program content translated,
nothing fuzzy, placeholders as in English, and the compiled .mo as the .po says."""

from __future__ import annotations

import io
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from psoas_coach import i18n

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "psoas_coach" / "locale"
TRANSLATED = [code for code in i18n.CODES if code != i18n.SOURCE_LANGUAGE]


def catalogue(code: str) -> Catalog:
    with open(LOCALE / code / "LC_MESSAGES" / "psoas_coach.po", "rb") as fh:
        return read_po(fh, locale=code)


def fields(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None}


@pytest.fixture(scope="module")
def source_ids(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """The msgids the sources and the program JSON have today, extracted as scripts/i18n.sh does."""
    pot = tmp_path_factory.mktemp("pot") / "now.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg", "-o", str(pot),
                    "-k", "_", "-k", "N_", "-k", "lazy", "-k", "ngettext:1,2", "-k", "pgettext:1c,2", "."],
                   cwd=ROOT, check=True, env={"PYTHONPATH": str(ROOT / "scripts"), "PATH": "/usr/bin:/bin"},
                   capture_output=True)
    with open(pot, "rb") as fh:
        return {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(fh) if m.id}


def test_every_language_is_shipped() -> None:
    assert set(TRANSLATED) == {"de", "fr", "es", "it", "pt_BR", "nl"}


@pytest.mark.parametrize("code", TRANSLATED)
def test_catalogue_is_complete_with_matching_placeholders(code: str, source_ids: set[str]) -> None:
    cat = catalogue(code)
    have = {m.id if isinstance(m.id, str) else m.id[0] for m in cat if m.id}
    assert source_ids - have == set(), f"{code}: texts with no entry (run scripts/i18n.sh update)"
    for m in cat:
        if not m.id:
            continue
        assert "fuzzy" not in m.flags, f"{code}: fuzzy entry {m.id!r}"
        ids = [m.id] if isinstance(m.id, str) else list(m.id)
        assert m.string is not None, f"{code}: no translation field for {m.id!r}"
        strings = [m.string] if isinstance(m.string, str) else list(m.string)
        assert all(s.strip() for s in strings), f"{code}: untranslated {m.id!r}"
        wanted = set().union(*(fields(i) for i in ids))
        for s in strings:
            assert fields(s) <= wanted, f"{code}: {s!r} has a placeholder {m.id!r} lacks"
            if isinstance(m.id, str):
                assert fields(s) == wanted, f"{code}: {s!r} does not keep the placeholders of {m.id!r}"
        if len(ids[0].split()) > 3:  # a sentence left in English is an English fallback
            assert strings[0] != ids[0], f"{code}: {m.id!r} is left in English"


@pytest.mark.parametrize("code", TRANSLATED)
def test_compiled_catalogue_matches_its_po(code: str) -> None:
    buffer = io.BytesIO()
    write_mo(buffer, catalogue(code))
    shipped = (LOCALE / code / "LC_MESSAGES" / "psoas_coach.mo").read_bytes()
    assert shipped == buffer.getvalue(), f"{code}: the .mo is stale (run scripts/i18n.sh compile)"


PROFESSION = {"de": "Physiotherapeut", "fr": "kinésithérapeute", "es": "fisioterapeuta", "it": "fisioterapista",
              "pt_BR": "fisioterapeuta", "nl": "fysiotherapeut"}


@pytest.mark.parametrize("code", TRANSLATED)
def test_safety_advice_names_the_profession_as_the_language_does(code: str) -> None:
    from psoas_coach.core import safety
    from psoas_coach.ui.screens.safety import CAUTION

    i18n.set_language(code)
    for text in (safety.BEFORE_YOU_START, safety.PAIN_STOP_ADVICE, CAUTION[0], CAUTION[1]):
        assert PROFESSION[code] in str(text), f"{code}: {text}"


def test_language_is_chosen_from_the_command_line_then_the_setting_then_the_system() -> None:
    env = {"LANGUAGE": "fr:en", "LANG": "de_DE.UTF-8"}
    assert i18n.choose_language("nl", "it", env) == "nl"
    assert i18n.choose_language(None, "it", env) == "it"
    assert i18n.choose_language(None, None, env) == "fr"
    assert i18n.choose_language(None, None, {"LC_ALL": "pt_BR.UTF-8", "LANG": "de_DE"}) == "pt_BR"
    assert i18n.choose_language(None, None, {"LC_MESSAGES": "es_MX.UTF-8"}) == "es"
    assert i18n.choose_language(None, None, {"LANG": "C.UTF-8"}) == "en"
    assert i18n.choose_language(None, None, {"LANGUAGE": "ja:pl", "LANG": "ja_JP"}) == "en"


def test_numbers_dates_and_plurals_follow_the_language() -> None:
    from datetime import date

    i18n.set_language("de")
    assert i18n.number(5.5) == "5,5"
    assert i18n.weekday_name(date(2026, 3, 2)) == "Montag"
    assert i18n.ngettext("{count} exercise", "{count} exercises", 1).format(count=1) == "1 Übung"
    assert i18n.ngettext("{count} exercise", "{count} exercises", 3).format(count=3) == "3 Übungen"
    i18n.set_language("fr")
    assert i18n.ngettext("{count} exercise", "{count} exercises", 0).format(count=0) == "0 exercice"
    i18n.set_language("en")
    assert i18n.date_text(date(2026, 3, 2)) == "2026-03-02"


N_OF_M = re.compile(r"\{(\w+)\} of \{(\w+)\}")


@pytest.mark.parametrize("code", TRANSLATED)
def test_a_count_stays_beside_its_total(code: str) -> None:
    """"1 of 2-3 training days": the count stays next to its total ("1 sur 2-3 jours"), with only the
    language's "of" between them, so a count of 1 never meets a plural noun ("1 jours d'entraînement sur 2-3",
    "1 settimane su 4" read wrong). Plural words that follow a count alone go through ngettext."""
    wrong = []
    for m in catalogue(code):
        if not isinstance(m.id, str) or not isinstance(m.string, str) or not m.string:
            continue
        for count, total in N_OF_M.findall(m.id):
            between = re.search(re.escape(f"{{{count}}}") + "(.*?)" + re.escape(f"{{{total}}}"), m.string)
            if between is None or len(between.group(1).split()) > 1:
                wrong.append(f"{m.id!r} -> {m.string!r}")
    assert wrong == [], f"{code}: a word between a count and its total: {wrong}"


# the form of address each catalogue uses, and words of the other one that must not appear in it
OTHER_ADDRESS = {
    "de": r"\b(du|dich|dir|dein|deine|deinen|deinem|deiner|deines)\b",  # Sie
    "fr": r"\b(tu|toi|ton|ta|tes)\b",  # vous
    "es": r"\b(usted|ustedes|instale|asegúrese|descanse|elija|pulse|seleccione)\b",  # tú
    "it": r"\b(Lei|Suo|Sua|Suoi|Sue)\b",  # tu
    "pt_BR": r"\b(te|teu|tua|teus|tuas|contigo)\b",  # você
    "nl": r"\b(je|jij|jouw|jou|jezelf)\b",  # u
}


@pytest.mark.parametrize("code", TRANSLATED)
def test_each_language_speaks_to_the_user_one_way(code: str) -> None:
    """One form of address in a language: German said "Sie" on home and "du" in the resume banner, Dutch
    "u" in the cues and "je" in History, before they were made one."""
    words = OTHER_ADDRESS[code].replace(r"\b(", r"(?<![\w-])(").replace(r")\b", r")(?![\w-])")  # not in --data-dir
    other = re.compile(words, re.IGNORECASE if code != "it" else 0)
    mixed = [m.string for m in catalogue(code) if m.id and isinstance(m.string, str) and other.search(m.string)]
    assert mixed == [], f"{code}: texts in the other form of address: {mixed}"
