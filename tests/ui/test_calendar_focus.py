"""History's month calendar with the keyboard: the app's focus ring goes around the chosen day alone, and the
calendar marks that day no other way meanwhile (one focus mark, not the ring around the months plus a mark of its
own); without the keyboard it marks the chosen day in the text's colour, never taken for the focus ring. In light
and in high contrast."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from pytestqt.qtbot import QtBot

from psoas_coach.store.sessions import SessionStore
from psoas_coach.ui.main_window import MainWindow
from psoas_coach.ui.theme import FOCUS_WIDTH, current_theme
from psoas_coach.ui.widgets.month_calendar import MonthCalendar
from tests.store.helpers import make_record
from tests.ui.test_text_scale import show
from tests.window_fixtures import AppFactory

TODAY = date(2026, 1, 20)


def in_window(widget: MonthCalendar, rect: QRect) -> QRect:
    return QRect(widget.mapTo(widget.window(), rect.topLeft()), rect.size())


def calendar_of(qtbot: QtBot, app_factory: AppFactory, tmp_path: Path, theme: str) -> tuple[MainWindow, MonthCalendar]:
    store = SessionStore(tmp_path / "sessions")
    for n in (3, 5, 12, 13):  # 2026-01-04, -06, -13, -14
        store.save(make_record(n, status="completed"))
    window = app_factory(tmp_path, theme=theme, today=lambda: TODAY).window
    assert window is not None
    window.resize(1366, 768)
    window.show_history()
    assert window.history is not None
    window.history.show_tab(1)  # the calendar takes the keyboard
    show(qtbot, window)
    calendar = window.history.calendar_page.calendar
    assert calendar.hasFocus() and calendar.chosen == TODAY
    return window, calendar


@pytest.mark.parametrize("theme", ["light", "high-contrast"])
def test_the_focus_ring_alone_marks_the_chosen_day(qtbot: QtBot, app_factory: AppFactory, app_look: None,
                                                   tmp_path: Path, theme: str) -> None:
    window, calendar = calendar_of(qtbot, app_factory, tmp_path, theme)
    ring = window.focus_ring
    for key, day in ((None, TODAY), (Qt.Key.Key_Up, TODAY - timedelta(days=7)), (Qt.Key.Key_Left, TODAY - timedelta(days=8))):
        if key is not None:
            qtbot.keyClick(calendar, key)
            show(qtbot, window)
        assert calendar.chosen == day
        cell = in_window(calendar, calendar._cells()[day].toAlignedRect())
        margin = FOCUS_WIDTH + 1
        assert ring.isVisible() and ring.geometry().contains(cell), "the ring goes around the chosen day"
        assert cell.adjusted(-margin - 1, -margin - 1, margin + 1, margin + 1).contains(ring.geometry()), (
            f"the ring {ring.geometry().getRect()} is not the chosen day's {cell.getRect()}: it rings the months")
    assert window.focus_ring.colour().upper() == current_theme(window).focus.upper()

    # the calendar draws the chosen day as it would any other while it has the keyboard: the ring is the one mark
    chosen = calendar.chosen
    rect = calendar._cells()[chosen].toAlignedRect()
    focused_mark = calendar.grab(rect).toImage()
    calendar.choose(chosen + timedelta(days=1))
    show(qtbot, window)
    unchosen = calendar.grab(rect).toImage()
    assert unchosen == focused_mark, "the calendar marks the focused chosen day itself, beside the focus ring"

    # without the keyboard it marks the chosen day itself, in the text's colour (not the focus ring's)
    calendar.choose(chosen)
    window.history.home_button.setFocus()  # type: ignore[union-attr]
    show(qtbot, window)
    assert not calendar.hasFocus()
    marked = calendar.grab(rect).toImage()
    assert marked != unchosen
    colours = {marked.pixelColor(x, rect.height() // 2).name().upper() for x in range(0, 3)}
    assert current_theme(window).text.upper() in colours and current_theme(window).focus.upper() not in colours
