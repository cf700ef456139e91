"""Text size: 100 % to 200 % of the desktop's font on keys, kept between runs, and at 200 % every label
of every screen fits or wraps at 1366x768 (nothing cut off)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from psoas_coach.core.plan import StepKind
from psoas_coach.core.program import ProgramLibrary
from psoas_coach.store.settings import DisplaySettings, SettingsStore
from psoas_coach.ui.main_window import MainWindow
from psoas_coach.ui.text_scale import TextScale, add_text_size_actions
from tests.ui.layout_check import clipped


@pytest.fixture
def scale(qapp: QApplication) -> Iterator[TextScale]:
    text_scale = TextScale(qapp, 100)
    yield text_scale
    text_scale.reset()  # the application font is shared by every test


def show(qtbot: QtBot, window: MainWindow) -> None:
    """Let the window settle: a scale still waiting for its interval applied, and the layouts it changed."""
    window.scaler.flush()
    for _ in range(4):  # a changed minimum climbs one layout per pass of the event loop
        QApplication.processEvents()


def test_keys_change_the_size_in_steps_within_100_and_200(qapp: QApplication, scale: TextScale, tmp_path: Path) -> None:
    window = QWidget()
    kept: list[int] = []
    actions = {a.objectName(): a for a in add_text_size_actions(window, scale, kept.append)}
    base = scale.desktop_font.pointSizeF()
    for _ in range(6):
        actions["text-bigger"].trigger()
    assert scale.percent == 200 and kept == [125, 150, 175, 200]
    assert QApplication.font().pointSizeF() == pytest.approx(base * 2)
    actions["text-smaller"].trigger()
    assert scale.percent == 175
    actions["text-reset"].trigger()
    assert scale.percent == 100 and QApplication.font().pointSizeF() == pytest.approx(base)
    assert "Ctrl++" in [k.toString() for k in actions["text-bigger"].shortcuts()]


def test_the_size_is_kept_between_runs(tmp_path: Path) -> None:
    settings = SettingsStore(tmp_path)
    assert settings.display() == DisplaySettings()
    settings.save_display(DisplaySettings(text_scale=175, theme="high-contrast", reduced_motion=True))
    again = SettingsStore(tmp_path).display()
    assert (again.text_scale, again.theme, again.reduced_motion) == (175, "high-contrast", True)
    settings.save_display(DisplaySettings(text_scale=900, theme="pink"))
    assert SettingsStore(tmp_path).display() == DisplaySettings(text_scale=200)  # out of range: held in it


def test_existing_text_follows_a_new_scale(qtbot: QtBot, scale: TextScale, window_factory: Callable[..., MainWindow],
                                           library: ProgramLibrary) -> None:
    window = window_factory(library)
    before = window.home.start_button.font().pointSizeF()
    scale.set_percent(200)
    assert window.home.start_button.font().pointSizeF() == pytest.approx(before * 2)
    assert window.session.timer.title.font().pointSizeF() == pytest.approx(  # built after the change
        QApplication.font().pointSizeF() * 2.2)


def test_at_200_percent_every_screen_fits_or_wraps_at_1366x768(qtbot: QtBot, scale: TextScale,
                                                               window_factory: Callable[..., MainWindow],
                                                               library: ProgramLibrary) -> None:
    scale.set_percent(200)
    window = window_factory(library)
    window.resize(1366, 768)
    qtbot.waitExposed(window)
    seen: dict[str, list[str]] = {}
    show(qtbot, window)
    seen["home"] = clipped(window)
    window.start_program("foundation")
    engine = window.engine
    assert engine is not None
    show(qtbot, window)
    seen["briefing"] = clipped(window)
    wanted = {StepKind.INTRO: "intro", StepKind.REPS: "reps", StepKind.HOLD: "hold", StepKind.REST: "rest",
              StepKind.NEXT_UP: "next up", StepKind.SWITCH: "switch"}
    while engine.step.kind is not StepKind.SUMMARY:
        window.next_step()
        name = wanted.get(engine.step.kind)
        if name and name not in seen:
            show(qtbot, window)
            seen[name] = clipped(window)
    show(qtbot, window)
    seen["summary"] = clipped(window)
    window.save_ratings(None, None, "")
    window.show_history()
    show(qtbot, window)
    seen["history"] = clipped(window)
    assert set(seen) >= {"home", "briefing", "intro", "reps", "hold", "rest", "summary", "history"}
    bad = {screen: problems for screen, problems in seen.items() if problems}
    assert bad == {}
