"""history, schedule, programs list and the therapist report in German (--lang de and LANGUAGE=de)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from psoas_coach.app import main
from psoas_coach.store.sessions import SessionStore
from tests.report.test_report import _history


def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_programs_list_in_german(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run_cli(["--lang", "de", "programs", "list"], capsys)
    assert code == 0
    assert "Grundlagen · 3 Übungen · etwa" in out and "eingebaut" in out


def test_schedule_in_german_from_the_environment(capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANGUAGE", "de")
    code, out, _err = run_cli(["schedule", "--today", "2026-03-02"], capsys)
    assert code == 0
    assert out.startswith("Grundlagen heute: Ihre erste Einheit")
    assert "Diese Woche: 0 von 2-3 Trainingstagen." in out
    assert "Mo. 02.03.2026" in out or "Mi. 04.03.2026" in out


@pytest.mark.parametrize("argv", [["history", "--lang", "fr"], ["schedule", "--lang=fr", "--today", "2026-03-02"],
                                  ["programs", "list", "--lang", "fr"]])
def test_lang_may_follow_the_sub_command(argv: list[str], capsys: pytest.CaptureFixture[str],
                                         private_home: Path) -> None:
    """As --data-dir may: "psoas-coach history --lang fr" is what people type."""
    code, out, err = run_cli(argv, capsys)
    assert code == 0, err
    assert any(word in out for word in ("Aucune séance", "Fondations", "Cette semaine")), out


def test_history_in_german(capsys: pytest.CaptureFixture[str], private_home: Path) -> None:
    store = SessionStore(private_home / "sessions")
    store.save(_history()[0])
    code, out, _err = run_cli(["--lang", "de", "history"], capsys)
    assert code == 0
    header, row = out.splitlines()[:2]
    assert header.split() == ["Datum", "Programm", "Dauer", "Status", "Anstrengung", "Schmerz", "Notizen"]
    assert "Grundlagen" in row and "abgeschlossen" in row


def test_report_in_german(capsys: pytest.CaptureFixture[str], private_home: Path, tmp_path: Path, qapp: object) -> None:
    store = SessionStore(private_home / "sessions")
    for rec in _history():
        store.save(rec)
    output = tmp_path / "bericht.pdf"
    code, out, err = run_cli(["--lang", "de", "report", "--from", "2026-03-01", "--to", "2026-03-31",
                              "--output", str(output)], capsys)
    assert code == 0, err
    assert out.startswith(f"{output} geschrieben (9 Einheiten")
    text = subprocess.run(["pdftotext", str(output), "-"], capture_output=True, text=True, check=True).stdout
    for words in ("Psoas Coach: Bericht für Physiotherapeuten", "Regelmäßigkeit pro Woche", "Schmerzereignisse",
                  "Verlauf je Übung", "Marschieren in Rückenlage", "Schmerzstopp während", "kein Medizinprodukt"):
        assert words.lower() in text.lower().replace("\n", " "), words


@pytest.mark.parametrize(("code", "summary", "refusal"), [
    ("de", "0 neue Einheiten importiert; 2 konnten nicht verwendet werden.",
     ["{file}, Einheit {id}: Feld „exercises[0].sides[\"li\\nnks\"].reps“ sollte eine ganze Zahl sein, nicht \"viele\".",
      "{file}, Eintrag 2: kein Eintrag einer Einheit."]),
    ("fr", "0 nouvelle séance importée ; 2 n'ont pas pu être utilisées.",
     ["{file}, séance {id} : le champ « exercises[0].sides[\"li\\nnks\"].reps » devrait être un nombre entier, "
      "pas \"viele\".",
      "{file}, entrée 2 : ce n'est pas un enregistrement de séance."]),
])
def test_import_refusals_name_file_session_and_field_in_the_language(
        code: str, summary: str, refusal: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A hostile export: a side named with a newline, a text for a count, an entry that is no record at all."""
    import json

    from tests.store.helpers import make_record

    record = make_record(1)
    record["exercises"][0]["sides"] = {"li\nnks": dict(record["exercises"][0]["sides"]["left"], reps="viele")}
    source = tmp_path / "export.json"
    source.write_text(json.dumps([record, [1, 2]]), encoding="utf-8")
    code_, out, err = run_cli(["--lang", code, "import", str(source)], capsys)
    assert code_ == 1 and out.strip() == summary
    assert err.splitlines() == ["psoas-coach: " + line.format(file=source, id=record["id"]) for line in refusal]


def test_report_notes_a_session_file_it_could_not_read_in_german(capsys: pytest.CaptureFixture[str],
                                                                  private_home: Path, tmp_path: Path,
                                                                  qapp: object) -> None:
    """A session file that could not be read is missing from the therapist report: the command says so."""
    store = SessionStore(private_home / "sessions")
    store.save(_history()[0])
    (private_home / "sessions" / "kaputt.json").write_text("{", encoding="utf-8")
    code, _out, err = run_cli(["--lang", "de", "report", "--from", "2026-03-01", "--to", "2026-03-31",
                               "--output", str(tmp_path / "bericht.pdf")], capsys)
    assert code == 0
    assert err.strip() == (f"Hinweis: Die Einheitsdatei kaputt.json ist kein gültiges JSON; sie wurde nach "
                           f"{private_home / 'sessions' / 'corrupt'} verschoben, der restliche Verlauf wurde geladen.")
