"""The History screen on its own: list and detail, notes, delete with undo, weeks, charts, problems."""

from __future__ import annotations

import errno
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCharts import QAbstractBarSeries, QChartView
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableWidgetItem, QWidget
from pytestqt.qtbot import QtBot

from psoas_coach import atomic, i18n
from psoas_coach.store.migrations import CURRENT_VERSION
from psoas_coach.store.sessions import SessionStore, encode
from psoas_coach.ui.screens.history import HistoryScreen
from psoas_coach.ui.widgets.charts import WeeksView
from tests.store.helpers import make_record

TODAY = date(2026, 1, 14)  # a Wednesday; make_record(n) starts on 2026-01-(n+1)


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    store = SessionStore(tmp_path / "sessions")
    for n in (1, 4, 8, 11, 12):
        store.save(make_record(n, status="completed", notes=f"note {n}"))
    store.save(make_record(9, status="pain_stop", pain=6,
                           pain_stop={"exercise_id": "supine-marching", "side": "left", "at": "2026-01-10T07:40:00+01:00"}))
    return store


@pytest.fixture
def screen(qtbot: QtBot, store: SessionStore) -> HistoryScreen:
    screen = HistoryScreen(store, today=lambda: TODAY)
    qtbot.addWidget(screen)
    screen.resize(1200, 700)
    screen.reload()
    screen.show()
    return screen


def _cell(screen: HistoryScreen, row: int, column: int) -> str:
    return str(screen.model.index(row, column).data())


def _text(item: QTableWidgetItem | None) -> str:
    assert item is not None, "no item in that cell"
    return item.text()


def test_list_newest_first_with_detail(screen: HistoryScreen) -> None:
    assert screen.model.rowCount() == 6
    assert _cell(screen, 0, 0) == "2026-01-13 07:30" and _cell(screen, 0, 3) == "completed"
    assert _cell(screen, 2, 3) == "partial, pain stop" and _cell(screen, 2, 4) == "⚠ pain 6/10"
    assert screen.detail.title.text().startswith("Tue 2026-01-13, 07:30 · Foundation")
    assert screen.detail.notes.toPlainText() == "note 12"
    screen.select_row(2)
    assert screen.detail.pain_line.text() == "✖ Stopped for sharp pain at Supine Marching, left side."
    table = screen.detail.table
    assert table.rowCount() == 2 and _text(table.item(0, 1)) == "Left" and _text(table.item(0, 5)) == "pain stop"


def test_edit_notes_saves_to_the_store(screen: HistoryScreen, store: SessionStore, qtbot: QtBot) -> None:
    assert not screen.detail.save_button.isEnabled()
    screen.detail.notes.setPlainText("Left hip tight; tell the therapist.")
    assert screen.detail.save_button.isEnabled()
    qtbot.mouseClick(screen.detail.save_button, Qt.MouseButton.LeftButton)
    assert screen.notice.text() == "Notes saved."
    saved = {r["id"]: r for r in store.load_all().sessions}[make_record(12)["id"]]
    assert saved["notes"] == "Left hip tight; tell the therapist."
    assert saved["updated"] > make_record(12)["updated"]
    assert not screen.detail.save_button.isEnabled()


def test_refused_notes_save_is_one_sentence(screen: HistoryScreen, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", full)
    screen.detail.notes.setPlainText("kept")
    screen.detail.save_button.click()
    assert "because the disk is full. Your notes are still in the box." in screen.notice.text()
    assert screen.detail.notes.toPlainText() == "kept"


def test_delete_then_undo(screen: HistoryScreen, store: SessionStore, qtbot: QtBot) -> None:
    gone = make_record(11)["id"]
    screen.select_row(1)
    screen.detail.delete_button.click()
    assert screen.model.rowCount() == 5 and screen.undo_bar.isVisible()
    assert screen.undo_text.text() == "Deleted the session of 2026-01-12."
    assert gone not in {r["id"] for r in store.load_all().sessions}
    qtbot.keyClick(screen.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not screen.undo_bar.isVisible() and screen.model.rowCount() == 6
    second = screen.model.record(1)
    assert second is not None and second["id"] == gone
    assert gone in {r["id"] for r in store.load_all().sessions}
    qtbot.keyClick(screen.list, Qt.Key.Key_Delete)
    assert screen.model.rowCount() == 5 and screen.undo_bar.isVisible()


def test_week_view_against_the_target(screen: HistoryScreen) -> None:
    assert screen.week_line.text() == "This week: 2 of 2-3 training days, on target. Rest days count too."
    lines = [screen.weeks_list.item(i).text() for i in range(4)]
    assert lines == [
        "Week of 2026-01-12: 2 of 2-3 training days (2 sessions) · on target",
        "Week of 2026-01-05: 3 of 2-3 training days (3 sessions, 1 partial) · on target",
        "Week of 2025-12-29: 1 of 2-3 training days (1 session) · below target",
        "Week of 2025-12-22: 0 of 2-3 training days · below target",
    ]


def test_charts_are_built_when_their_tab_shows(screen: HistoryScreen, qtbot: QtBot) -> None:
    assert screen.findChildren(QChartView) == [] and screen.trends_page.charts() == []
    screen.tabs.setCurrentIndex(1)
    weeks_view = next(v for v in screen.findChildren(QChartView) if v.objectName() == "chart-weeks")
    bars = weeks_view.chart().series()[0]
    assert isinstance(bars, QAbstractBarSeries)
    assert [bars.barSets()[0].at(i) for i in range(9, 12)] == [1, 3, 2]  # training days, last three weeks
    assert isinstance(weeks_view, WeeksView)
    labels = weeks_view.labels
    assert len(set(labels)) == len(labels) == 12  # a label per week, none repeated
    qtbot.waitUntil(lambda: bool(weeks_view.shown()))  # named once laid out: as many as fit, the latest always
    assert weeks_view.shown()[-1] == labels[-1] and set(weeks_view.shown()) <= set(labels)
    qtbot.keyClick(screen.list, Qt.Key.Key_C)
    assert screen.tabs.currentIndex() == 2
    titles = [w.text() for w in screen.trends_page.findChildren(QLabel, "history-trend-title")]
    assert titles == ["Supine Marching · left", "Supine Marching · right", "Effort and pain (0-10)"]
    reps = [c for c in screen.trends_page.charts() if c.objectName() == "trend-reps"]
    assert len(reps) == 2 and len(reps[0].points) == 6  # one point per session, per side


def text_top(label: QLabel, within: QWidget) -> int:
    """Where *label*'s first line is drawn, in *within*'s coordinates: a label given more height than its text
    needs draws it lower (Qt centres it vertically)."""
    room = label.height() - label.heightForWidth(label.width())
    align = label.alignment()
    offset = (room if align & Qt.AlignmentFlag.AlignBottom else
              room // 2 if align & Qt.AlignmentFlag.AlignVCenter else 0)
    return label.mapTo(within, label.rect().topLeft()).y() + offset


def test_the_trend_titles_of_a_row_line_up(screen: HistoryScreen, qtbot: QtBot) -> None:
    """A card beside a taller one (effort and pain has two charts) is stretched to the row's height: its title
    stays at its top, level with its neighbours', rather than pushed down into the middle of the room."""
    screen.show_tab(2)
    titles = screen.trends_page.findChildren(QLabel, "history-trend-title")
    qtbot.waitUntil(lambda: all(t.isVisible() for t in titles))
    cards = [card for card in (t.parentWidget() for t in titles) if card is not None]
    assert len({c.y() for c in cards}) == 1, "expected the three cards in one row"
    assert len({c.height() for c in cards}) == 1  # stretched to the same height
    tops = {t.text(): text_top(t, screen) for t in titles}
    assert len(set(tops.values())) == 1, f"the titles' text starts at different heights: {tops}"
    first, box = cards[0], cards[0].layout()
    assert box is not None and text_top(titles[0], first) == box.contentsMargins().top()


def test_trend_axes_name_each_day_once_and_say_when_there_is_nothing(qtbot: QtBot) -> None:
    from datetime import datetime

    from psoas_coach.ui.widgets.trend_chart import TrendChart, axis_dates

    same_day = [(datetime(2026, 11, 29, 8), 3.0), (datetime(2026, 11, 29, 18), 5.0)]
    assert axis_dates(same_day) == ["Nov 29"]  # never "Nov 29, Nov 29"
    assert axis_dates([(datetime(2026, 11, 1), 1.0), *same_day]) == ["Nov 1", "Nov 29"]
    empty = TrendChart([], "No session has a rated effort yet.")
    qtbot.addWidget(empty)
    assert empty.accessibleName() == "No session has a rated effort yet."
    assert TrendChart(same_day, "-").describe() == "Nov 29: 5"


def test_the_calendar_marks_days_and_enter_opens_the_chosen_days_session(screen: HistoryScreen, qtbot: QtBot) -> None:
    qtbot.keyClick(screen.list, Qt.Key.Key_W)
    calendar = screen.calendar_page.calendar
    assert screen.tabs.currentIndex() == 1 and calendar.hasFocus()
    assert calendar.chosen == TODAY and calendar.accessibleName().endswith(": no session")
    qtbot.keyClick(calendar, Qt.Key.Key_Left)  # Tuesday 13th: the newest session
    assert "1 session" in calendar.accessibleName()
    for _ in range(3):
        qtbot.keyClick(calendar, Qt.Key.Key_Left)  # back to Saturday 10th: the pain stop
    assert "(1 partial)" in calendar.accessibleName()
    qtbot.keyClick(calendar, Qt.Key.Key_Return)
    assert screen.tabs.currentIndex() == 0 and screen.detail.pain_line.isVisible()


def test_corrupt_and_newer_files(qtbot: QtBot, store: SessionStore) -> None:
    (store.folder / "broken.json").write_text("{", encoding="utf-8")
    future = make_record(13, schema_version=CURRENT_VERSION + 1)
    store.path_for(future).write_bytes(encode(future))
    screen = HistoryScreen(store, today=lambda: TODAY)
    qtbot.addWidget(screen)
    screen.reload()
    assert screen.notice.text().startswith("The session file broken.json is not valid JSON; it was moved to")
    assert screen.detail.record is not None and screen.detail.record["id"] == future["id"]
    assert not screen.detail.delete_button.isEnabled() and screen.detail.notes.isReadOnly()
    assert screen.detail.read_only_line.isVisibleTo(screen)


def test_empty_history(qtbot: QtBot, tmp_path: Path) -> None:
    screen = HistoryScreen(SessionStore(tmp_path / "none"), today=lambda: TODAY)
    qtbot.addWidget(screen)
    screen.reload()
    screen.tabs.setCurrentIndex(2)
    assert screen.detail.title.text().startswith("No session yet")
    assert screen.week_line.text() == "This week: 0 of 2-3 training days; 2 more to reach the target."


def test_home_button_and_escape(screen: HistoryScreen, qtbot: QtBot) -> None:
    with qtbot.waitSignal(screen.home_requested, timeout=1000):
        screen.home_button.click()
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    with qtbot.waitSignal(screen.home_requested, timeout=1000):
        qtbot.keyClick(screen.list, Qt.Key.Key_Escape)


def test_export_from_the_screen(qtbot: QtBot, store: SessionStore, tmp_path: Path) -> None:
    asked: list[str] = []
    answer: list[str | None] = [str(tmp_path / "out.json")]

    def choose(_parent: object, suggested: str) -> str | None:
        asked.append(suggested)
        return answer[0]

    screen = HistoryScreen(store, today=lambda: TODAY, choose_file=choose)
    qtbot.addWidget(screen)
    screen.reload()
    screen.export_button.click()
    assert asked[0].endswith("psoas-coach-sessions-2026-01-14.csv")
    assert screen.notice.text() == f"Exported 6 sessions to {tmp_path / 'out.json'}."
    assert '"format": "psoas-coach-sessions"' in (tmp_path / "out.json").read_text(encoding="utf-8")
    answer[0] = str(tmp_path / "sheet")
    screen.export_button.click()
    assert (tmp_path / "sheet.csv").read_text(encoding="utf-8").startswith("session_id,started")
    answer[0] = str(tmp_path / "missing-folder" / "x.csv")
    screen.export_button.click()
    assert screen.notice.text() == f"Could not write {tmp_path / 'missing-folder' / 'x.csv'} because the folder does not exist."
    answer[0] = None
    screen.export_button.click()  # cancelled: nothing happens
    assert screen.notice.text().startswith("Could not write")


@pytest.mark.parametrize("code", [c for c in i18n.CODES if c != i18n.SOURCE_LANGUAGE])
def test_the_pain_stop_is_placed_in_words_of_the_language(code: str, qtbot: QtBot, tmp_path: Path) -> None:
    """Where a session stopped for pain reads in the reader's language, never as the record's ids."""
    store = SessionStore(tmp_path / "sessions")
    store.save(make_record(9, status="pain_stop", pain=6, pain_stop={
        "exercise_id": "supine-marching", "side": "right", "at": "2026-01-10T07:40:00+01:00"}))
    i18n.set_language(code)
    try:
        screen = HistoryScreen(store, today=lambda: TODAY)
        qtbot.addWidget(screen)
        screen.reload()
        screen.select_row(0)
        line = screen.detail.pain_line.text()
        assert i18n.content("Supine Marching") in line and i18n._("Right side").lower() in line
        assert "supine-marching" not in line and "right" not in line
    finally:
        i18n.set_language("en")
