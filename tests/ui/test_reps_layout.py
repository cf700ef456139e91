"""A rep set holds still and fits in every language: through every tempo phase (LIFT, HOLD, LOWER SLOWLY,
RELAX), paused and going again, and from rep 1 to rep 10, the counter, the drawing, the phase word and the leg keep their places, and
no word is cut off (German "LANGSAM SENKEN" and French "DESCENDEZ LENTEMENT" were, beside a two-digit count)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QApplication

from psoas_coach import i18n
from psoas_coach.core.plan import StepKind
from psoas_coach.ui.main_window import MainWindow
from tests.fakes import FakeClock
from tests.ui.layout_check import clipped
from tests.window_fixtures import AppFactory, step_to


@pytest.fixture(params=list(i18n.CODES))
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    yield i18n.set_language(request.param)
    i18n.set_language("en")


START = FakeClock().now()


def places(window: MainWindow) -> dict[str, QRect]:
    reps = window.session.reps
    return {name: QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
            for name, widget in (("count", reps.count), ("drawing", reps.illustration), ("phase", reps.phase),
                                 ("side", reps.side))}


@pytest.mark.parametrize("size", [QSize(1366, 768), None], ids=["1366x768", "smallest"])
def test_a_rep_set_holds_still_and_fits_in_every_language(language: str, size: QSize | None, app_factory: AppFactory,
                                                          clock: FakeClock) -> None:
    window = app_factory().window
    assert window is not None
    window.resize(size or window.minimumSize())
    window.start_program("foundation")
    engine = window.engine
    assert engine is not None
    step_to(window, StepKind.REPS)
    start = engine.step
    for _turn in range(5):  # the first layout of the set settles (the control bar's rows, the scroll bar)
        QApplication.processEvents()
    problems: dict[str, list[str]] = {}
    first: dict[str, QRect] | None = None
    counts = set()
    # the first two reps (every phase), then from 125 s on: reps 9 and 10 of each side (a two-digit count)
    for moment in [0.5 * i for i in range(1, 30)] + [125 + 0.5 * i for i in range(26)]:
        while clock.now() - START < moment:  # in short steps: a long silence would be taken for a suspend
            clock.advance(min(5.0, moment - (clock.now() - START)))
            window.driver.tick()
        if moment in (3.0, 3.5):  # paused, then going again: the banner above must not push the set down
            window.toggle_pause()
        QApplication.processEvents()
        assert engine.step is start
        reps = window.session.reps
        state = f"{reps.count.text()} {reps.phase.text()}"
        counts.add(reps.count.text())
        bad = clipped(reps)
        if bad:
            problems[state] = bad
        now = places(window)
        first = first or now
        assert now == first, f"{language}: the rep set moved at {state}: {first} -> {now}"
    assert "10" in counts
    assert problems == {}, f"{language} at {window.width()}x{window.height()}: cut off in the rep set: {problems}"
