"""A refused or unreadable record is told in the user's language: the schema checker's clauses, the history's
notice about files set aside, the autosave's refusal and a resume that cannot go on are whole sentences in
German or French, and still name the file and the field, with the value from the file kept as it was written."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from psoas_coach import i18n
from psoas_coach.core.engine import SessionEngine
from psoas_coach.core.plan import SessionPlan
from psoas_coach.store.schema import problems
from psoas_coach.store.sessions import SessionStore
from psoas_coach.store.unfinished import UnfinishedFile, check_unfinished
from tests.fakes import FakeClock
from tests.json_mutations import mutated
from tests.store.helpers import make_record

QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')  # a text from the file, quoted as JSON writes it

HOSTILE_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-10**6, max_value=10**6),
    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=60), st.just("\x1b[2J\n"),
    st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


def _texts(record: Any, code: str) -> list[str]:
    i18n.set_language(code)
    return [str(p) for p in problems(record)]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutated(make_record(1), HOSTILE_VALUES, least=1, most=4))
def test_every_schema_problem_reads_in_german_and_french_and_keeps_field_and_value(record: Any) -> None:
    english = problems(record)
    for code in ("de", "fr"):
        translated = _texts(record, code)
        assert len(translated) == len(english)
        for problem, text in zip(english, translated):
            assert text != str(problem), f"{code}: left in English: {text}"
            if problem.path:
                assert problem.field in text, f"{code}: the field is not named: {text}"
            for quoted in QUOTED.findall(str(problem)):
                assert quoted in text, f"{code}: the file's value {quoted} is not kept: {text}"
            assert "\x1b" not in text and "\n" not in text
        i18n.set_language("en")


@pytest.mark.parametrize(("code", "wanted"), [
    ("de", ["Feld „effort“ ist 42, größer als der größte erlaubte Wert 10",
            "Feld „exercises[0].sides.left.reps“ sollte eine ganze Zahl sein, nicht \"viele\"",
            "Feld „ended“ fehlt",
            "Feld „status“ sollte \"completed\", \"ended_early\" oder \"pain_stop\" sein, nicht \"fertig\""]),
    ("fr", ["le champ « effort » vaut 42, plus que le maximum permis (10)",
            "le champ « exercises[0].sides.left.reps » devrait être un nombre entier, pas \"viele\"",
            "le champ « ended » est absent",
            "le champ « status » devrait valoir \"completed\", \"ended_early\" ou \"pain_stop\", pas \"fertig\""]),
])
def test_the_schema_checker_speaks_the_language(code: str, wanted: list[str]) -> None:
    record = make_record(1, effort=42, status="fertig")
    record["exercises"][0]["sides"]["left"]["reps"] = "viele"
    del record["ended"]
    assert sorted(_texts(record, code)) == sorted(wanted)


def test_the_history_notice_is_german_and_french(tmp_path: Path) -> None:
    """The sentence History, home and the commands show for files set aside (it was English in every language)."""
    folder = tmp_path / "sessions"
    SessionStore(folder).save(make_record(1))
    (folder / "kaputt.json").write_text("{", encoding="utf-8")
    i18n.set_language("de")
    assert SessionStore(folder).load_all().notice() == (
        f"Die Einheitsdatei kaputt.json ist kein gültiges JSON; sie wurde nach {folder / 'corrupt'} verschoben, "
        "der restliche Verlauf wurde geladen.")
    for name in ("a.json", "b.json"):
        (folder / name).write_text("[", encoding="utf-8")
    (folder / "ordner.json").mkdir()
    i18n.set_language("fr")
    assert SessionStore(folder).load_all().notice() == (
        f"3 fichiers de séance n'ont pas pu être lus (2 étaient endommagés et ont été déplacés vers "
        f"{folder / 'corrupt'} et 1 n'était pas un fichier ordinaire et a été ignoré) ; le reste de l'historique "
        "a été chargé.")


def _autosave(record: dict[str, Any]) -> dict[str, Any]:
    return {"kind": "psoas-coach-unfinished", "version": 1, "session_id": record["id"], "program_id": "foundation",
            "finished": True, "engine": None, "record": record}


@pytest.mark.parametrize(("code", "wanted"), [
    ("de", "enthält ein unbrauchbares Einheitsprotokoll (Feld „record.exercises[0].sides.left.holds“ ist -3, "
           "kleiner als der kleinste erlaubte Wert 0)"),
    ("fr", "contient un enregistrement de séance inutilisable (le champ « record.exercises[0].sides.left.holds » "
           "vaut -3, moins que le minimum permis (0))"),
])
def test_an_unusable_autosave_names_the_field_in_the_language(tmp_path: Path, code: str, wanted: str) -> None:
    record = make_record(1)
    record["exercises"][0]["sides"]["left"]["holds"] = -3
    i18n.set_language(code)
    assert check_unfinished(_autosave(copy.deepcopy(record))) == wanted
    path = tmp_path / "unfinished" / "current.json"
    path.parent.mkdir()
    import json

    path.write_text(json.dumps(_autosave(record)), encoding="utf-8")
    left = UnfinishedFile(path, tmp_path / "corrupt")
    assert left.load() is None and left.problem is not None
    assert wanted in left.problem and str(tmp_path / "corrupt") in left.problem  # the file, where it went


def test_a_resume_that_cannot_go_on_says_why_in_german(foundation_plan: SessionPlan, clock: FakeClock) -> None:
    i18n.set_language("de")
    with pytest.raises(ValueError) as refused:
        SessionEngine.restore(foundation_plan, clock, {"snapshot_version": 1, "plan_steps": ["nope"]})
    assert str(refused.value) == "die gespeicherte Einheit passt nicht mehr zu diesem Programm"


def test_a_partly_read_record_names_its_fields_in_words_of_the_language() -> None:
    """History's "parts of this session's file could not be read (...)" had "ended is not text" in German."""
    from psoas_coach.store.session_check import check_record, problems_of

    i18n.set_language("de")
    record = check_record(make_record(1, ended=5, updated=[1]))
    assert problems_of(record) == ["Endzeit ist kein Text", "Zeit der letzten Änderung ist kein Text"]
