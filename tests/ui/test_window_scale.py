"""Home, the session's screens, the summary, the briefing, the safety note, History and the banners scale with the
window (a 4K screen without desktop scaling shows them at the same share of the screen as 1366x768 does), with the
user's text size on top; a resize re-lays them out only when the scale moves a step."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from psoas_coach.core.plan import StepKind
from psoas_coach.ui.main_window import MainWindow
from psoas_coach.ui.text_scale import TextScale
from psoas_coach.ui.theme import SCALE_STEP, Space, scale_of, window_scale
from tests.fakes import FakeClock
from tests.ui.layout_check import clipped
from tests.ui.test_text_scale import show
from tests.window_fixtures import AppFactory, step_to

BIG = (3840, 2160)
REFERENCE = (1366, 768)


@pytest.fixture
def text_scale(qapp: QApplication) -> Iterator[TextScale]:
    scale = TextScale(qapp, 100)
    yield scale
    scale.reset()  # the application font is shared by every test


def test_the_scale_is_the_share_of_the_reference_window_in_steps_never_below_one() -> None:
    assert window_scale(*REFERENCE) == 1.0
    assert window_scale(1024, 600) == 1.0  # a small window keeps the design's sizes and scrolls
    assert window_scale(1920, 1080) == 1.375
    assert window_scale(*BIG) == 2.75
    assert window_scale(3840, 1080) == 1.375  # the smaller of the two shares: an ultra-wide is not too tall


@given(st.integers(600, 8000), st.integers(400, 5000), st.integers(0, 400), st.integers(0, 400))
def test_the_scale_grows_with_the_window_in_whole_steps(width: int, height: int, more_w: int, more_h: int) -> None:
    scale = window_scale(width, height)
    assert scale >= 1.0 and (scale / SCALE_STEP).is_integer()
    assert window_scale(width + more_w, height + more_h) >= scale
    assert scale <= max(1.0, min(width / REFERENCE[0], height / REFERENCE[1]))  # never more than the window's


def sizes(window: MainWindow) -> dict[str, float]:
    """The point sizes of the main texts of home, the summary and History, and a card's width and a margin."""
    home, summary = window.home, window.session.summary
    assert window.history is not None
    margins = home.content_layout.contentsMargins()
    return {
        "home title": home.title.font().pointSizeF(),
        "home start": home.start_button.font().pointSizeF(),
        "home cards": home.programs.font().pointSizeF(),
        "summary headline": summary.headline.font().pointSizeF(),
        "summary chips": summary.effort.font().pointSizeF(),
        "history list": window.history.list.font().pointSizeF(),
        "history title": found(window.history, "history-title").font().pointSizeF(),
        "banner": window.question.question.font().pointSizeF(),
        "card width": float(home.programs.cards[0].width()),
        "chip height": float(summary.effort.chip_rects()[0].height()),
        "margin": float(margins.left()),
    }


def padding(button: QPushButton) -> int:
    return button.sizeHint().width() - button.fontMetrics().horizontalAdvance(button.text())


def found(parent: QWidget, name: str) -> QWidget:
    widget = parent.findChild(QWidget, name)
    assert widget is not None, name
    return widget


def to_summary(window: MainWindow) -> None:
    window.start_program("foundation")
    step_to(window, StepKind.SUMMARY)


def test_at_3840x2160_home_summary_and_history_are_substantially_larger_and_nothing_clips(
        qtbot: QtBot, app_factory: AppFactory, clock: FakeClock) -> None:
    window = app_factory().window
    assert window is not None
    window.resize(*REFERENCE)
    window.show_history()
    window.go_home()
    show(qtbot, window)
    small = sizes(window)
    assert window.history is not None
    export = window.history.export_button
    padding_before = padding(export)
    assert small["margin"] == Space.XL
    window.resize(*BIG)
    show(qtbot, window)
    assert window.scaler.scale == 2.75
    seen = {"home": clipped(window)}
    large = sizes(window)
    for name, value in small.items():
        assert large[name] >= 2.4 * value, name  # 2.75 times, give or take a font's rounding
    assert padding(export) >= 1.8 * padding_before  # the style's own (a few pixels stay)
    assert window.session.timer.title.font().pointSizeF() == pytest.approx(  # built later, at the window's scale
        QApplication.font().pointSizeF() * 2.2 * 2.75)
    to_summary(window)
    show(qtbot, window)
    seen["summary"] = clipped(window)
    window.save_ratings(5, 0, "")
    window.show_history()
    assert window.history is not None
    for index, name in enumerate(("history sessions", "history calendar", "history trends")):
        window.history.show_tab(index)
        show(qtbot, window)
        seen[name] = clipped(window)
    assert {screen: problems for screen, problems in seen.items() if problems} == {}
    sessions = window.history.list
    assert sessions.rowHeight(0) >= sessions.fontMetrics().height()  # rows grew with their text
    assert sessions.width() >= 0.35 * window.history.width()  # the list keeps its share of the width


def test_the_text_size_multiplies_on_top_and_a_smaller_window_goes_back_exactly(
        qtbot: QtBot, app_factory: AppFactory, text_scale: TextScale) -> None:
    window = app_factory().window
    assert window is not None
    window.resize(*REFERENCE)
    show(qtbot, window)
    title = window.home.title.font().pointSizeF()
    margin = window.home.content_layout.contentsMargins().left()
    window.resize(*BIG)
    show(qtbot, window)
    text_scale.set_percent(200)
    assert window.home.title.font().pointSizeF() == pytest.approx(title * 2 * 2.75)
    window.resize(1024, 600)  # never below the design's sizes
    show(qtbot, window)
    assert scale_of(window.home) == 1.0
    assert window.home.title.font().pointSizeF() == pytest.approx(title * 2)
    text_scale.set_percent(100)
    assert window.home.title.font().pointSizeF() == pytest.approx(title)
    assert window.home.content_layout.contentsMargins().left() == margin
    assert window.home.start_button.style() is QApplication.style()  # at scale 1: the application's own style


def test_a_resize_is_coalesced_and_relays_out_only_when_the_scale_moves_a_step(
        qtbot: QtBot, app_factory: AppFactory) -> None:
    window = app_factory().window
    assert window is not None
    window.resize(*REFERENCE)
    show(qtbot, window)
    passes = window.scaler.passes
    for width in range(1366, 1500, 4):  # a drag within one step: nothing to re-lay out
        window.resize(width, 768 + width - 1366)
        QApplication.processEvents()
    show(qtbot, window)
    assert window.scaler.passes == passes
    for step in range(1, 41):  # a fast drag to 4K: the events come quicker than the interval
        window.resize(1366 + step * 62, 768 + step * 35)
    assert window.scaler.timer.isActive()
    show(qtbot, window)
    assert window.scaler.passes == passes + 1 and window.scaler.scale == 2.75
    qtbot.waitUntil(lambda: not window.scaler.timer.isActive())  # the live path: the interval's timer, no flush
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: window.scaler.scale == 1.375)
    assert scale_of(window.home.start_button) == 1.375


def test_the_first_run_safety_note_and_the_briefing_follow_the_window(qtbot: QtBot, app_factory: AppFactory) -> None:
    startup = app_factory(accept_safety=False)
    window = startup.window
    assert window is not None and startup.coaching is not None
    safety = startup.coaching.safety
    title = found(safety, "safety-title")
    window.resize(*REFERENCE)
    show(qtbot, window)
    before = title.font().pointSizeF(), safety.accept_button.height()
    window.resize(*BIG)
    show(qtbot, window)
    assert clipped(window) == []
    assert title.font().pointSizeF() >= 2.4 * before[0] and safety.accept_button.height() >= 2.4 * before[1]
    safety.accepted.emit()
    window.start_program("foundation")
    show(qtbot, window)
    briefing = window.session.briefing
    assert scale_of(briefing.exercises.items[0]) == 2.75  # cards made after the scale was set get it too
    assert briefing.title.font().pointSizeF() == pytest.approx(window.home.title.font().pointSizeF())
    assert clipped(window) == []
