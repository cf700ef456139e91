"""A panel that hides itself while it has the keyboard focus hands it to the next control in reading order, so
a screen reader never loses its place: the quick rating on the summary and during a rest, a banner answered."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFrame, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from psoas_coach.core.plan import StepKind
from psoas_coach.ui.focus_handover import HandsFocusOn
from tests.ui.test_coaching_ui import _coached
from tests.window_fixtures import AppFactory, step_to


class Panel(HandsFocusOn, QFrame):
    """A panel with one button, as a banner is."""

    def __init__(self) -> None:
        super().__init__()
        self.button = QPushButton("in the panel")
        QVBoxLayout(self).addWidget(self.button)


def screen(qtbot: QtBot, *names: str) -> tuple[QWidget, dict[str, QWidget]]:
    """A shown window of buttons and one Panel (named "panel"), top to bottom in *names*' order."""
    window = QWidget()
    qtbot.addWidget(window)
    column = QVBoxLayout(window)
    made: dict[str, QWidget] = {}
    for name in names:
        made[name] = Panel() if name == "panel" else QPushButton(name)
        column.addWidget(made[name])
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window, made


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def test_the_focus_goes_to_the_next_control_below_the_panel(qtbot: QtBot) -> None:
    window, made = screen(qtbot, "first", "panel", "second", "third")
    panel = made["panel"]
    assert isinstance(panel, Panel)
    panel.button.setFocus()
    made["second"].setEnabled(False)  # one that cannot take it is passed over
    panel.hide()
    assert focused() is made["third"]


def test_the_last_panel_wraps_round_to_the_top_as_tab_does(qtbot: QtBot) -> None:
    window, made = screen(qtbot, "first", "second", "panel")
    panel = made["panel"]
    assert isinstance(panel, Panel)
    panel.button.setFocus()
    panel.hide()
    assert focused() is made["first"]


def test_with_nothing_else_to_focus_the_window_keeps_it(qtbot: QtBot) -> None:
    window, made = screen(qtbot, "panel")
    panel = made["panel"]
    assert isinstance(panel, Panel)
    panel.button.setFocus()
    panel.hide()
    assert focused() is window  # not the hidden button: Qt would leave it there


def test_a_panel_without_the_focus_leaves_it_where_it_is(qtbot: QtBot) -> None:
    window, made = screen(qtbot, "first", "panel", "second")
    made["second"].setFocus()
    made["panel"].hide()
    assert focused() is made["second"]


def test_the_quick_rating_hands_the_focus_on_during_a_rest_and_on_the_summary(
        qtbot: QtBot, app_factory: AppFactory) -> None:
    coaching = _coached(app_factory)
    window = coaching.window
    window.start_program("foundation")
    step_to(window, StepKind.NEXT_UP)
    assert coaching.rating.hasFocus()
    for key in (Qt.Key.Key_1, Qt.Key.Key_2):
        qtbot.keyClick(coaching.rating, key)
    shown = focused()
    assert shown is not None and shown.isVisible()  # a rest has no control that takes focus: the view around it
    step_to(window, StepKind.SUMMARY)
    summary = window.session.summary
    for answers in ((Qt.Key.Key_3, Qt.Key.Key_1), (Qt.Key.Key_Escape,)):
        assert coaching.rating.hasFocus()
        for key in answers:
            qtbot.keyClick(coaching.rating, key)
        assert focused() is summary.effort  # the summary's first field, in its reading order
        coaching.rating.ask("standing-hip-flexion", "Standing Hip Flexion")  # asked again: skipped this time


def test_an_answered_banner_hands_the_focus_on(qtbot: QtBot, app_factory: AppFactory) -> None:
    window = app_factory().window
    assert window is not None
    answers: list[bool] = []
    window.question.ask("Resume?", "Resume", "Start over", answers.append)
    assert window.question.yes_button.hasFocus()
    qtbot.keyClick(window.question.yes_button, Qt.Key.Key_Space)
    assert answers == [True]
    shown = focused()
    assert shown is not None and shown.isVisible() and not window.question.isAncestorOf(shown)
