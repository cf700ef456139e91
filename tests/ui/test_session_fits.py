"""At the desktop's text size a session step fits the window without scrolling, in every language: the
countdown ring and the drawings give way to the words (in a low window the drawing of an intro or of what
comes next shrinks away first), so a rest with the quick rating below it, or an intro with a long French
name, never shows half a ring beside a scroll bar."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from psoas_coach import i18n
from psoas_coach.core.plan import StepKind
from tests.window_fixtures import AppFactory


@pytest.fixture(params=list(i18n.CODES))
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    yield i18n.set_language(request.param)
    i18n.set_language("en")


@pytest.mark.parametrize("size", [QSize(1366, 768), QSize(1024, 600)], ids=["1366x768", "1024x600"])
def test_every_step_fits_without_scrolling(language: str, size: QSize, app_factory: AppFactory) -> None:
    window = app_factory().window
    assert window is not None
    window.resize(size.expandedTo(window.minimumSize()))
    scrolled: dict[str, int] = {}
    for program in ("foundation", "advanced"):
        window.start_program(program)
        engine = window.engine
        assert engine is not None
        while engine.step.kind is not StepKind.SUMMARY:
            window.next_step()
            QApplication.processEvents()
            QApplication.processEvents()
            reach = window.session.scroller.verticalScrollBar().maximum()
            if reach > 0 and engine.step.kind is not StepKind.SUMMARY:
                scrolled.setdefault(f"{program} {engine.step.kind.value}: {engine.step.title}", reach)
        window.save_ratings(None, None, "")
    assert scrolled == {}, f"{language} at {window.width()}x{window.height()}: steps that scroll (px): {scrolled}"


def test_the_summary_with_the_last_exercises_questions_fits_without_scrolling(language: str,
                                                                              app_factory: AppFactory) -> None:
    """After a completed session the last exercise's two questions sit under the summary; at 1366x768 both fit in
    every language (the rating chips' two-row minimum, meant for their narrowest width, made it scroll)."""
    startup = app_factory()
    window = startup.window
    assert window is not None and startup.coaching is not None
    window.resize(1366, 768)
    window.start_program("foundation")
    engine = window.engine
    assert engine is not None
    while engine.step.kind is not StepKind.SUMMARY:
        startup.coaching.rating.skip()  # each earlier exercise's questions left unanswered
        window.next_step()
    for _ in range(3):
        QApplication.processEvents()
    assert startup.coaching.rating.asking, "the last exercise's questions should be up"
    summary, scroller = window.session.summary, window.session.scroller
    assert summary.heightForWidth(summary.width()) <= scroller.viewport().height()  # it does fit
    assert scroller.verticalScrollBar().maximum() == 0, f"{language}: the summary scrolls"
