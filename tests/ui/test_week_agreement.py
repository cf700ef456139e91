"""Home, History, the report, `schedule` and `history` agree on every week: several sessions on one day
count once, and sessions on both sides of a week boundary fall in their own weeks (core.weeks)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from psoas_coach.cli import parse_args
from psoas_coach.core.program import ProgramLibrary
from psoas_coach.core.weeks import week_start, week_text
from psoas_coach.i18n import date_text
from psoas_coach.paths import resolve_paths
from psoas_coach.report.data import build_report
from psoas_coach.store.sessions import SessionStore
from psoas_coach.ui.screens.coaching_panel import CoachingPanel
from tests.coaching_history import record
from tests.ui.test_resume import _app_window


def _cli(argv: list[str], home: Path, capsys: pytest.CaptureFixture[str]) -> str:
    args = parse_args(["--data-dir", str(home), *argv])
    assert args.func(args, resolve_paths(args.data_dir)) == 0
    return capsys.readouterr().out


def test_every_screen_and_command_counts_the_week_alike(
    qtbot: QtBot, library: ProgramLibrary, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    today = date.today()
    monday = week_start(today)
    program = library.get("foundation")
    history = [record(program, today, hour=h) for h in range(6, 13)]  # seven sessions today: one training day
    history += [record(program, monday - timedelta(days=1), hour=23),  # last Sunday, late
                record(program, monday - timedelta(days=4))]  # last Thursday
    if today != monday:
        history.append(record(program, monday, hour=0))  # this Monday, just after midnight
    expected = 1 if today == monday else 2
    store = SessionStore(tmp_path / "sessions")
    for rec in history:
        store.save(rec)
    sentence = week_text(expected)  # "This week: 2 of 2-3 training days"

    # the CLI: schedule (today's line) and history (its last line)
    assert sentence + "." in _cli(["schedule"], tmp_path, capsys).splitlines()[0]
    assert _cli(["history"], tmp_path, capsys).splitlines()[-1].startswith(sentence)
    # the week before, from its own Sunday: two training days (Thursday and the late Sunday)
    assert week_text(2) + "." in _cli(["schedule", "--today", str(monday - timedelta(days=1))], tmp_path, capsys)

    # the report: the same count for this week and the week before
    report = build_report(store.load_all().sessions, monday - timedelta(days=7), today)
    assert [w.sessions for w in report.weeks] == [2, expected]
    assert report.weeks[-1].text == week_text(expected, f"Week of {date_text(monday)}")  # as History writes it

    # the window: home's line and History's line and weeks list
    window = _app_window(tmp_path)
    qtbot.addWidget(window)
    window.finish_start_up()
    panel = window.findChild(CoachingPanel)
    assert panel is not None
    qtbot.waitUntil(lambda: bool(panel.today.text()))
    assert panel.today.text().endswith(sentence + ".")
    window.show_history()
    assert window.history is not None
    assert window.history.week_line.text().startswith(sentence)
    weeks = [window.history.weeks_list.item(i).text() for i in range(2)]
    assert weeks[0].startswith(week_text(expected, f"Week of {date_text(monday)}"))  # History writes dates as the language does
    assert weeks[1].startswith(week_text(2, f"Week of {date_text(monday - timedelta(days=7))}") + " (2 sessions)")
    window.close()
