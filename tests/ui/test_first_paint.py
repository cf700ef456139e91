"""StartUpSteps: start-up work after the first paint, one step per turn of the event loop."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from psoas_coach.ui.first_paint import StartUpSteps


@pytest.fixture
def window(qtbot: QtBot) -> QLabel:
    label = QLabel("Psoas Coach")
    qtbot.addWidget(label)
    return label


def test_nothing_runs_before_the_first_paint(window: QLabel) -> None:
    ran: list[str] = []
    steps = StartUpSteps(window)
    steps.add("a", lambda: ran.append("a"))
    QApplication.processEvents()
    assert ran == [] and steps.pending == ["a"]


def test_steps_run_in_order_one_per_turn_after_the_paint(window: QLabel, qtbot: QtBot) -> None:
    ran: list[str] = []
    left_when_run: list[list[str]] = []
    steps = StartUpSteps(window)

    def step(name: str) -> Callable[[], None]:
        def run() -> None:
            ran.append(name)
            left_when_run.append(steps.pending)
        return run

    for name in "abc":
        steps.add(name, step(name))
    window.show()
    qtbot.waitUntil(lambda: not steps.pending, timeout=3000)
    assert ran == ["a", "b", "c"] and steps.done == ["a", "b", "c"]
    # each step ran from its own timer, with the later ones still waiting: the loop turns in between
    assert left_when_run == [["b", "c"], ["c"], []]


def test_finish_runs_what_is_left_at_once_and_never_twice(window: QLabel, qtbot: QtBot) -> None:
    ran: list[str] = []
    steps = StartUpSteps(window)

    def finish_the_rest() -> None:  # a step may finish the rest itself
        ran.append("b")
        steps.finish()

    steps.add("a", lambda: ran.append("a"))
    steps.add("b", finish_the_rest)
    steps.add("c", lambda: ran.append("c"))
    steps.finish()
    assert ran == ["a", "b", "c"] and steps.pending == []
    window.show()
    qtbot.wait(50)  # the paint comes and finds nothing left: nothing runs again
    assert ran == ["a", "b", "c"]


def test_a_step_may_put_more_steps_right_after_itself(window: QLabel, qtbot: QtBot) -> None:
    ran: list[str] = []
    steps = StartUpSteps(window)
    steps.add("a", lambda: steps.then([("a1", lambda: ran.append("a1")), ("a2", lambda: ran.append("a2"))]))
    steps.add("b", lambda: ran.append("b"))
    window.show()
    qtbot.waitUntil(lambda: not steps.pending, timeout=3000)
    assert ran == ["a1", "a2", "b"]


@pytest.mark.parametrize("when", ["after the paint", "finish"])
def test_a_failing_step_is_reported_and_stops_no_other(window: QLabel, qtbot: QtBot, when: str) -> None:
    ran: list[str] = []
    steps = StartUpSteps(window)

    def broken() -> None:
        raise OSError("cache folder is read-only")

    steps.add("broken", broken)
    steps.add("b", lambda: ran.append("b"))
    with qtbot.captureExceptions() as raised:
        if when == "finish":
            steps.finish()  # a session asked for at once still starts
        else:
            window.show()
            qtbot.waitUntil(lambda: ran == ["b"], timeout=3000)
    assert ran == ["b"] and steps.pending == []
    assert [str(exc[1]) for exc in raised] == ["cache folder is read-only"]
