"""The layout holds in every shipped language: on home, the briefing, a hold, a rep set, rest, next-up, the
summary, the first-run safety note, the sharp-pain stop and History, at 1366x768 and at the window's minimum
size, every visible label, button and check box fits, wraps or is deliberately elided."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from psoas_coach import i18n
from psoas_coach.core.plan import StepKind
from psoas_coach.ui.main_window import MainWindow
from tests.ui.layout_check import clipped
from tests.window_fixtures import AppFactory

SIZES = (QSize(1366, 768), None)  # None: the window's minimum size


def back_to_english() -> None:
    """English again, and Qt's own texts in the last language gone: they must not outlive the test."""
    i18n.set_language("en")
    from PySide6.QtCore import QCoreApplication, QTranslator

    app = QCoreApplication.instance()
    if app is not None:
        for translator in app.findChildren(QTranslator):
            QCoreApplication.removeTranslator(translator)
            translator.deleteLater()


@pytest.fixture(params=list(i18n.CODES))
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    yield i18n.set_language(request.param)
    back_to_english()


def at_each_size(window: MainWindow, screen: str, seen: dict[str, list[str]],
                 sizes: tuple[QSize | None, ...] = SIZES) -> None:
    """Lay *window* out at each of *sizes* and note what does not fit on *screen*."""
    for size in sizes:
        target = size or window.minimumSize()
        window.resize(target)
        QApplication.processEvents()
        QApplication.processEvents()
        assert window.size() == target
        problems = clipped(window)
        if problems:
            seen[f"{screen} at {target.width()}x{target.height()}"] = problems
    window.resize(SIZES[0])


def test_every_screen_fits_in_every_language(language: str, app_factory: AppFactory) -> None:
    first = app_factory(accept_safety=False)
    window = first.window
    assert window is not None and first.coaching is not None
    bad: dict[str, list[str]] = {}
    assert window.stack.currentWidget() is first.coaching.safety
    at_each_size(window, "safety note", bad, SIZES[:1])  # at the minimum size: the test below
    first.coaching.accept_safety()
    window.stack.setCurrentWidget(window.home)
    at_each_size(window, "home", bad)
    window.start_program("foundation")
    engine = window.engine
    assert engine is not None
    at_each_size(window, "briefing", bad)
    wanted = {StepKind.REPS: "rep set", StepKind.HOLD: "hold", StepKind.REST: "rest", StepKind.NEXT_UP: "next up"}
    visited: set[str] = set()
    while engine.step.kind is not StepKind.SUMMARY:
        window.next_step()
        name = wanted.get(engine.step.kind)
        if name and name not in visited:
            visited.add(name)
            at_each_size(window, name, bad)
    at_each_size(window, "summary", bad)
    window.save_ratings(None, None, "")
    window.show_history()
    at_each_size(window, "history", bad)
    window.stack.setCurrentWidget(window.home)
    window.start_program("foundation")
    window.next_step()
    window.pain_stop()
    at_each_size(window, "sharp-pain stop", bad)
    assert visited == set(wanted.values())
    assert bad == {}, f"{language}: text cut off on {bad}"


def test_the_safety_note_fits_at_the_minimum_size(language: str, app_factory: AppFactory) -> None:
    window = app_factory(accept_safety=False).window
    assert window is not None
    bad: dict[str, list[str]] = {}
    at_each_size(window, "safety note", bad, SIZES[1:])
    assert bad == {}, f"{language}: text cut off on {bad}"


GERMAN = "Beenden und zur Übersicht zurückkehren, ohne die Einheit zu speichern"


def test_the_check_finds_a_clipped_german_label(qtbot: QtBot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    narrow = QLabel(GERMAN)
    narrow.setFixedWidth(120)
    button = QPushButton(GERMAN)
    button.setFixedWidth(120)
    box = QCheckBox(GERMAN)
    box.setFixedWidth(120)
    wrapped = QLabel(GERMAN)
    wrapped.setWordWrap(True)
    wrapped.setFixedWidth(120)
    wrapped.setMinimumHeight(wrapped.heightForWidth(120))
    elided = QLabel(GERMAN[:12] + "…")
    elided.setProperty("elided", True)
    elided.setToolTip(GERMAN)
    elided.setFixedWidth(120)
    for widget in (narrow, button, box, wrapped, elided):
        layout.addWidget(widget)
    page.resize(900, 600)
    page.show()
    qtbot.waitExposed(page)
    assert clipped(page) == [f"QLabel: {GERMAN[:50]!r}", f"QPushButton: {GERMAN[:50]!r}",
                             f"QCheckBox: {GERMAN[:50]!r}"]
    for widget in (narrow, button):
        widget.setFixedWidth(widget.sizeHint().width() + 8)
    assert clipped(page) == [f"QCheckBox: {GERMAN[:50]!r}"]
    wrapped.setMinimumHeight(0)
    wrapped.setFixedHeight(wrapped.fontMetrics().height())  # wraps, but has no room for its lines
    QApplication.processEvents()
    assert f"QLabel: {GERMAN[:50]!r}" in clipped(page)
