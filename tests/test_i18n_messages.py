"""The messages a user reads outside the session screens follow the language: speech fallbacks, keep-awake,
the doctor, store and program-file errors, accessible names and argparse's own words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from psoas_coach import i18n
from psoas_coach.commands.doctor import EngineReport, QtReport, report_lines
from psoas_coach.core.program import load_program_file
from psoas_coach.keepawake import CANNOT_KEEP_AWAKE, NullKeepAwake
from psoas_coach.safe_json import UnsafeJsonError, read_json_file
from psoas_coach.store.errors import save_error
from psoas_coach.store.unfinished import check_unfinished

TRANSLATED = [code for code in i18n.CODES if code != i18n.SOURCE_LANGUAGE]


@pytest.mark.parametrize("code", TRANSLATED)
def test_speech_fallbacks_are_said_in_the_language(code: str) -> None:
    from psoas_coach.speech.loader import NO_AUDIO, NO_NATURAL, SAMPLE_CUE

    english = (str(NO_AUDIO), NO_NATURAL.format(reason="x"), str(SAMPLE_CUE))
    i18n.set_language(code)
    assert str(NO_AUDIO) != english[0] and NO_NATURAL.format(reason="x") != english[1]
    assert "x" in NO_NATURAL.format(reason="x") and str(SAMPLE_CUE) != english[2]


def test_keep_awake_notice_is_german() -> None:
    i18n.set_language("de")
    said: list[str] = []
    NullKeepAwake(said.append, str(CANNOT_KEEP_AWAKE)).acquire()
    assert said == ["Der Bildschirm kann sich während einer Einheit abdunkeln oder sperren: Wachhalten wird hier "
                    "nicht unterstützt."]


def test_the_doctor_speaks_french_with_french_numbers() -> None:
    i18n.set_language("fr")
    lines, works = report_lines(EngineReport(True, "", 11.0, 2.1, 131), QtReport(outputs=["Haut-parleurs"],
                                default_output="Haut-parleurs"), system="Linux")
    assert works
    assert lines[0].startswith("Vérification de la voix de Psoas Coach sous Linux")
    assert "un extrait de 2,10 s produit en 11 ms (131 voix)" in lines[1]
    assert lines[-1] == "Dans l'application : Les consignes parlées fonctionneront."


def test_store_and_file_errors_are_dutch(tmp_path: Path) -> None:
    i18n.set_language("nl")
    assert str(save_error(tmp_path / "s.json", OSError(28, "No space left on device"))) == (
        f"De sessie kon niet worden opgeslagen in {tmp_path}: de schijf is vol.")  # a reason is a main clause
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(UnsafeJsonError) as err:
        read_json_file(bad, 1000)
    assert err.value.damaged and not err.value.unreadable
    assert check_unfinished({"kind": "nope"}) == "is geen automatische opslag van Psoas Coach"


def test_a_program_file_error_names_field_and_reason_in_italian(tmp_path: Path) -> None:
    i18n.set_language("it")
    path = tmp_path / "mine.json"
    path.write_text(json.dumps({"schema_version": 1, "id": "mine", "name": "Mio", "description": "d",
                                "exercises": "no"}), encoding="utf-8")
    with pytest.raises(ValueError) as err:
        load_program_file(path, {})
    assert "il campo «exercises» deve essere un elenco, non un testo." in str(err.value)


def test_argparse_words_follow_the_language() -> None:
    from psoas_coach.cli import build_parser

    i18n.set_language("de")
    parser = build_parser(["--help"])
    text = parser.format_help()
    assert text.startswith("Aufruf: psoas-coach") and "\nOptionen:\n" in text
    assert "diese Hilfe anzeigen und beenden" in text and "die Versionsnummer anzeigen und beenden" in text


@pytest.mark.parametrize(("code", "one", "many"), [("de", "noch 1 Sekunde", "noch 12 Sekunden"),
                                                    ("fr", "1 seconde restante", "12 secondes restantes")])
def test_seconds_left_is_named_with_the_language_plural(code: str, one: str, many: str) -> None:
    from psoas_coach.ui.accessibility import seconds_left_text

    i18n.set_language(code)
    assert (seconds_left_text(1), seconds_left_text(12)) == (one, many)


def test_the_countdown_ring_and_rep_counter_are_named_in_german(qtbot: object) -> None:
    from psoas_coach.ui.widgets.countdown_ring import CountdownRing

    i18n.set_language("de")
    ring = CountdownRing()
    ring.set_caption("", "Halten")
    ring.set_time(12.0, 30.0)
    assert ring.accessibleName() == "Halten: noch 12 Sekunden"


def test_numbers_and_dates_a_person_reads_go_through_i18n() -> None:
    """No f-string writes a number with a format of its own (":g", ":.1f") and no date is written with
    strftime's month or weekday names (%b, %a): those are English and use a decimal point whatever the
    language; i18n.number, date_text, day_month_text and weekday_name write them as the language does.
    (A German report said "Woche vom 26 Oct 2026" and "7.5" on its chart.)"""
    import ast
    import re

    package = Path(i18n.__file__).parent
    own_format = re.compile(r"^\.?\d*[gef]$")
    english_names = re.compile(r"%[aAbB]")
    found = []
    for path in sorted(package.rglob("*.py")):
        if path.name == "i18n.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FormattedValue) and isinstance(node.format_spec, ast.JoinedStr):
                spec = "".join(str(v.value) for v in node.format_spec.values if isinstance(v, ast.Constant))
                if own_format.match(spec) or english_names.search(spec):
                    found.append(f"{path.relative_to(package)}:{node.lineno} :{spec}")
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and english_names.search(node.value):
                found.append(f"{path.relative_to(package)}:{node.lineno} {node.value!r}")
    assert found == []
