"""In a short window (1024x600, in German: home, the safety note, the briefing, the summary and History all
scroll), the focus ring goes around the focused control inside a scroll area (an item view's current item),
never around a scroll area or over the controls outside it, and Tab scrolls the focused control into view."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from psoas_coach import i18n
from psoas_coach.ui.main_window import MainWindow
from psoas_coach.ui.theme import FOCUS_WIDTH
from psoas_coach.ui.widgets.focus_ring import rings
from psoas_coach.ui.widgets.scrolling import focus_rect, scroll_areas_around
from tests.ui.test_i18n_layout import back_to_english
from tests.ui.test_text_scale import show
from tests.ui.test_window_scale import to_summary
from tests.window_fixtures import AppFactory

SMALL = (1024, 600)


@pytest.fixture
def german() -> Iterator[None]:
    i18n.set_language("de")
    yield
    back_to_english()


def settle(qtbot: QtBot, window: MainWindow) -> None:
    """Laid out, and the window active again (offscreen, starting a session takes the activation away)."""
    show(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def in_window(widget: QWidget, rect: QRect) -> QRect:
    return QRect(widget.mapTo(widget.window(), rect.topLeft()), rect.size())


def problems_with_focus(window: MainWindow) -> list[str]:
    """What is wrong with the focus as it is now: a scroll area with the ring, a focused control (or current item)
    left out of sight in a scroll area it fits in, or a ring that does not hug the control."""
    focused = QApplication.focusWidget()
    if focused is None or not rings(focused):
        return []
    name = focused.objectName() or type(focused).__name__
    problems = []
    if isinstance(focused, QScrollArea):
        problems.append(f"{name}: a scroll area has the keyboard")
    rect = in_window(focused, focus_rect(focused))
    for area in scroll_areas_around(focused):
        viewport = area.viewport()
        seen = in_window(viewport, viewport.rect())
        if rect.height() <= seen.height() and rect.width() <= seen.width() and not seen.contains(rect):
            problems.append(f"{name}: out of sight in {area.objectName() or type(area).__name__}")
    ring = window.focus_ring
    if not ring.isVisible():
        problems.append(f"{name}: no ring")
    else:
        margin = FOCUS_WIDTH + 1
        if not rect.adjusted(-margin, -margin, margin, margin).contains(ring.geometry()):
            problems.append(f"{name}: the ring {ring.geometry().getRect()} reaches past {rect.getRect()}")
    return problems


def tab_through(qtbot: QtBot, window: MainWindow, screen: str, stops: int = 24) -> dict[str, list[str]]:
    """Press Tab *stops* times (or until the focus comes round again), checking the focus at each stop."""
    seen: dict[str, list[str]] = {}
    first = QApplication.focusWidget()
    for stop in range(stops):
        focused = QApplication.focusWidget()
        assert focused is not None, screen
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        show(qtbot, window)
        problems = problems_with_focus(window)
        if problems:
            seen[f"{screen}, Tab {stop + 1}"] = problems
        if QApplication.focusWidget() is first:
            break
    return seen


@pytest.fixture
def window(qtbot: QtBot, app_factory: AppFactory, german: None) -> MainWindow:
    made = app_factory().window
    assert made is not None
    made.resize(*SMALL)
    show(qtbot, made)
    return made


def test_home_rings_the_chosen_card_only_where_it_can_be_seen_and_tab_reveals_each_control(
        qtbot: QtBot, window: MainWindow) -> None:
    programs, scroller = window.home.programs, window.home.findChild(QScrollArea, "home-scroll")
    assert scroller is not None and scroller.verticalScrollBar().maximum() > 0  # German at 1024x600 scrolls
    programs.focus_chosen()
    show(qtbot, window)
    ring = window.focus_ring
    viewport = in_window(scroller.viewport(), scroller.viewport().rect())
    margin = FOCUS_WIDTH + 1
    if ring.isVisible():  # never over Start and the last session line below the scroll area
        assert viewport.adjusted(-margin, -margin, margin, margin).contains(ring.geometry())
    qtbot.keyClick(programs.current(), Qt.Key.Key_Right)  # the next card: chosen, focused, scrolled into view
    show(qtbot, window)
    chosen = programs.current()
    assert programs.current_index() == 1 and chosen is not None and chosen.hasFocus()
    card = in_window(chosen, chosen.rect())
    seen = viewport.intersected(card)  # a card taller than the view shows its top and fills the view
    assert seen.top() == card.top() and seen.height() >= min(card.height(), viewport.height() - FOCUS_WIDTH * 4)
    assert card.width() < programs.width() / 1.5  # one card, not the whole group
    assert problems_with_focus(window) == []
    assert tab_through(qtbot, window, "home") == {}


def test_the_summary_and_every_history_tab_ring_the_control_in_sight(qtbot: QtBot, window: MainWindow) -> None:
    to_summary(window)
    settle(qtbot, window)
    window.session.summary.first_rating().setFocus()
    bad = tab_through(qtbot, window, "summary")
    window.save_ratings(5, 0, "")
    window.show_history()
    settle(qtbot, window)
    history = window.history
    assert history is not None
    for index, name in enumerate(("history sessions", "history calendar", "history trends")):
        history.show_tab(index)
        show(qtbot, window)
        assert not isinstance(QApplication.focusWidget(), QScrollArea), name
        bad.update(tab_through(qtbot, window, name))
    history.show_tab(0)
    row = in_window(history.list, focus_rect(history.list))
    assert row.width() > history.list.viewport().width() * 0.9  # the whole row of the current session
    assert row.height() < history.list.height() / 3
    assert bad == {}


def test_the_briefing_and_the_safety_note_scroll_from_the_keyboard_without_a_ring_around_them(
        qtbot: QtBot, app_factory: AppFactory, german: None) -> None:
    startup = app_factory(accept_safety=False)
    window = startup.window
    assert window is not None and startup.coaching is not None
    window.resize(SMALL[0], SMALL[1] - 60)  # the German note just fits 1024x600 now that no empty band sits on top
    safety = startup.coaching.safety
    safety.setFocus()
    show(qtbot, window)
    points = safety.scroller.verticalScrollBar()
    assert points.maximum() > 0 and points.value() == 0
    qtbot.keyClick(safety, Qt.Key.Key_Down)
    assert points.value() > 0
    assert not window.focus_ring.isVisible()  # the whole screen takes Enter: no ring around all of it
    assert tab_through(qtbot, window, "safety note") == {}
    startup.coaching.accept_safety()
    window.stack.setCurrentWidget(window.home)
    window.home.start_button.setFocus()
    window.start_program("foundation")  # the focus goes from home to the session's page, as Qt hands it on
    settle(qtbot, window)
    focused = QApplication.focusWidget()
    assert focused is not None and window.session.isAncestorOf(focused)
    assert not window.focus_ring.isVisible()  # a page given the keyboard is no control: no ring around it
    bar = window.session.scroller.verticalScrollBar()
    assert bar.maximum() > 0
    qtbot.keyClick(focused, Qt.Key.Key_PageDown)
    assert bar.value() > 0
    qtbot.keyClick(focused, Qt.Key.Key_Up)
    qtbot.keyClick(focused, Qt.Key.Key_PageUp)
    assert bar.value() == 0


def test_no_scroll_area_of_the_app_takes_the_keyboard_itself(window: MainWindow) -> None:
    window.show_history()
    areas = [w for w in window.findChildren(QAbstractScrollArea) if isinstance(w, QScrollArea)]
    assert {a.objectName() for a in areas} >= {"home-scroll", "session-scroll", "history-trends-scroll"}
    assert {a.objectName(): a.focusPolicy() for a in areas} == {a.objectName(): Qt.FocusPolicy.NoFocus for a in areas}
