"""`psoas-coach schedule`: today's line from the stored history, the coming sessions and the .ics file."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest

from psoas_coach.core import coaching
from psoas_coach.core.program import load_library
from psoas_coach.store.coaching_store import CoachingStore
from psoas_coach.store.sessions import SessionStore
from tests.coaching_history import record
from tests.commands.test_programs_command import run_cli

WED = date(2026, 3, 4)


def _store_sessions(home: Path, *days: date) -> None:
    program = load_library().get("foundation")
    store = SessionStore(home / "sessions")
    for day in days:
        store.save(record(program, day))


def test_rest_day_after_yesterday(private_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _store_sessions(private_home, WED - timedelta(days=2), WED - timedelta(days=1))
    code, out, _ = run_cli(["schedule", "--today", WED.isoformat()], capsys)
    assert code == 0
    first = out.splitlines()[0]
    assert first == ("Rest day: you trained yesterday, and muscles get stronger while they recover. "
                     "This week: 2 of 2-3 training days.")
    assert "  Fri 2026-03-06" in out


def test_ics_file_of_the_coming_weeks(private_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    CoachingStore(private_home).update(coaching.set_current_program, "advanced")
    target = tmp_path / "coach.ics"
    code, out, _ = run_cli(["schedule", "--today", WED.isoformat(), "--weeks", "2", "--days", "tue,thu",
                            "--time", "07:15", "--ics", str(target)], capsys)
    assert code == 0 and f"Wrote 4 sessions to {target}" in out
    cal = icalendar.Calendar.from_ical(target.read_bytes())
    starts = [e.decoded("DTSTART") for e in cal.walk("VEVENT")]
    assert starts == [datetime(2026, 3, 5, 7, 15), datetime(2026, 3, 10, 7, 15), datetime(2026, 3, 12, 7, 15),
                      datetime(2026, 3, 17, 7, 15)]
    assert all("Advanced" in str(e.get("SUMMARY")) for e in cal.walk("VEVENT"))


@pytest.mark.parametrize(
    ("argv", "message"),
    [(["schedule", "--days", "mon,tue"], "Leave a rest day"), (["schedule", "--program", "yoga"], "no program 'yoga'")],
)
def test_bad_options_say_so_in_one_sentence(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(argv, capsys)
    assert code != 0 and message in err and len(err.strip().splitlines()) == 1


def test_bad_time_is_an_argparse_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        run_cli(["schedule", "--time", "25:99"], capsys)
    assert "--time needs HH:MM" in capsys.readouterr().err


def test_unwritable_ics_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["schedule", "--ics", str(tmp_path / "missing" / "x.ics")], capsys)
    assert code == 1 and err.startswith("Could not write")
