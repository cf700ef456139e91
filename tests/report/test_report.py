"""The therapist report: its content from scripted weeks, and the PDF opened with pdftotext and its text checked."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from psoas_coach import i18n
from psoas_coach.core import coaching
from psoas_coach.core.program import load_library
from psoas_coach.report.data import build_report
from psoas_coach.store.coaching_store import CoachingStore, Decision
from psoas_coach.store.sessions import SessionStore
from tests.coaching_history import record
from tests.commands.test_programs_command import run_cli

MON = date(2026, 3, 2)
NOTE = "Twinge in the left groin on the third hold."


def _history() -> list[dict[str, Any]]:
    foundation = load_library().get("foundation")
    out = []
    for offset in (0, 2, 4, 7, 9, 14, 16, 18, 21, 40):
        kwargs: dict[str, Any] = {}
        if offset == 9:
            kwargs = dict(pain_stop=("straight-leg-raise", "left"), pain=5, notes=NOTE)
        if offset == 16:
            kwargs = dict(pain=4, control="mostly")
        out.append(record(foundation, MON + timedelta(days=offset), effort=6, **kwargs))
    return out


def test_report_data() -> None:
    decision = Decision("k", "progress", "foundation", "supine-marching", True, "2026-03-05T10:00:00+00:00",
                        "3 x 10 done twice with effort 7 or less and no pain: 2 more reps per side.")
    data = build_report(_history(), MON, MON + timedelta(days=27), [decision])
    assert len(data.sessions) == 9  # the session on day 40 is outside
    assert [w.sessions for w in data.weeks] == [3, 2, 3, 1]
    assert data.weeks_on_target == 3
    assert data.programs == ["Foundation (9)"]
    assert [e.text for e in data.pain_events] == [
        "Pain stop during Controlled Straight Leg Raise, left side; pain rated 5 of 10.",
        "Pain rated 4 of 10 after the session.",
    ]
    assert data.notes == [(MON + timedelta(days=9), NOTE)]
    marching = data.exercises[0]
    assert marching.unit == "reps per side" and marching.points[0].value == 30 and marching.points[0].target == "3 x 10"
    slr = data.exercises[1]
    assert slr.unit == "hold seconds per side" and not slr.points[4].done_in_full
    assert len(data.exercises[2].points) == 8  # not reached in the pain-stop session
    assert data.level_changes == [(date(2026, 3, 5), decision.reason)]


def test_empty_period_still_makes_a_report() -> None:
    data = build_report([], MON, MON + timedelta(days=6))
    assert data.sessions == [] and [w.sessions for w in data.weeks] == [0]


def _pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; scripts/setup.sh installs it")
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return out.stdout


def test_report_command_writes_a_pdf_with_the_content(private_home: Path, tmp_path: Path, qapp: Any,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    store = SessionStore(private_home / "sessions")
    for rec in _history():
        store.save(rec)
    levels = CoachingStore(private_home)
    from psoas_coach.core.progression import Proposal, ProposalKind

    levels.update(coaching.decide, Proposal("p1", ProposalKind.PROGRESS, "foundation", "Supine Marching: 2 more reps per side.",
                           exercise_id="supine-marching"), True, "2026-03-05T10:00:00+00:00")
    output = tmp_path / "for-my-therapist.pdf"
    code, out, err = run_cli(["report", "--from", "2026-03-01", "--to", "2026-03-31", "--output", str(output)], capsys)
    assert code == 0, err
    assert out.strip() == f"Wrote {output} (9 sessions, 2026-03-01 to 2026-03-31)."
    assert output.read_bytes().startswith(b"%PDF")
    text = _pdf_text(output)
    for expected in (
        "Psoas Coach: report for a physical therapist",
        "2026-03-01 to 2026-03-31 · 9 sessions · 3 of 6 weeks with 2-3 training days",
        "Program: Foundation (9)",
        "Adherence per week", "Training days per week", "Week of 2026-03-02: 3 of 2-3 training days",
        "Pain stop during Controlled Straight Leg Raise, left side; pain rated 5 of 10.",
        "Pain rated 4 of 10 after the session.",
        "Effort and pain after each session",
        "Per-exercise progression", "Supine Marching", "Controlled Straight Leg Raise", "Standing Hip Flexion",
        "3 x 6 holds of 5 s", "mostly",
        "Level changes accepted", "Supine Marching: 2 more reps per side.",
        "stopped for pain", NOTE,
    ):
        assert expected in text, expected
    assert "2026-04-11" not in text  # outside the period


def test_a_german_report_writes_dates_and_numbers_in_german(private_home: Path, tmp_path: Path, qapp: Any,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    """No English month and no decimal point in a German report: the weeks as History writes them, the
    chart's ticks with a decimal comma."""
    store = SessionStore(private_home / "sessions")
    advanced = load_library().get("advanced")  # 10 reps per side of supine marching: ticks of 2.5 up to 10
    store.save(record(advanced, MON + timedelta(days=3), effort=5))
    output = tmp_path / "bericht.pdf"
    i18n.set_language("de")
    try:
        code, _out, err = run_cli(["report", "--from", "2026-03-01", "--to", "2026-03-31", "--output", str(output)],
                                  capsys)
    finally:
        i18n.set_language("en")
    assert code == 0, err
    text = _pdf_text(output)
    assert "Woche vom 02.03.2026: 1 von 2-3 Trainingstagen" in text
    assert "7,5" in text and "7.5" not in text and "2.5" not in text
    for english in ("Mar ", "Apr "):
        assert english not in text


def test_report_rejects_a_reversed_period(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["report", "--from", "2026-03-31", "--to", "2026-03-01", "--output", "x.pdf"], capsys)
    assert code == 2 and err.strip() == "The report's first day 2026-03-31 is after its last day 2026-03-01."


def test_report_into_a_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["report", "--output", str(tmp_path / "nope" / "r.pdf")], capsys)
    assert code == 1 and "does not exist" in err and len(err.strip().splitlines()) == 1


def test_bad_date_is_explained(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        run_cli(["report", "--from", "March"], capsys)
    assert "YYYY-MM-DD" in capsys.readouterr().err


@pytest.mark.parametrize("code", ["pt_BR", "de", "en"])
def test_the_charts_dates_never_run_together(code: str, private_home: Path, tmp_path: Path, qapp: Any,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """Fourteen sessions in six weeks: under the effort and pain chart the dates are named as many as fit apart
    (each whole, the last always), never drawn into one another ("9 de nov.12 de nov.")."""
    store = SessionStore(private_home / "sessions")
    foundation = load_library().get("foundation")
    days = [MON + timedelta(days=3 * k) for k in range(14)]
    for day in days:
        store.save(record(foundation, day, effort=5))
    output = tmp_path / "report.pdf"
    i18n.set_language(code)
    try:
        code_, _out, err = run_cli(["report", "--from", "2026-03-01", "--to", "2026-04-30", "--output", str(output)],
                                   capsys)
        labels = [i18n.day_month_text(day) for day in days]
    finally:
        i18n.set_language("en")
    assert code_ == 0, err
    text = _pdf_text(output)
    glued = [f"{a}{b}" for a in labels for b in labels if f"{a}{b}" in text]
    assert glued == [], f"dates drawn into one another: {glued}"
    assert labels[-1] in text  # the latest session is always named
