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
