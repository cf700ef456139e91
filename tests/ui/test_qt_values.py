"""The Qt enum values the window sets by number before its first paint are Qt's own, and the widgets
built with them behave as with the named enums."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from psoas_coach.ui import qt_values
from psoas_coach.ui.widgets.text import label

ROOT = Path(__file__).resolve().parents[2]


def test_each_number_is_the_named_enum() -> None:
    assert qt_values.PLAIN_TEXT == Qt.TextFormat.PlainText.value
    assert qt_values.ALIGN_CENTER == Qt.AlignmentFlag.AlignCenter.value
    assert qt_values.PRECISE_TIMER == Qt.TimerType.PreciseTimer.value
    assert qt_values.TAB_FOCUS == Qt.FocusPolicy.TabFocus.value
    assert qt_values.USER_ROLE == Qt.ItemDataRole.UserRole.value


def test_properties_set_by_number_take_effect(qtbot: QtBot) -> None:
    text = label("<b>not bold</b>", center=True)
    qtbot.addWidget(text)
    assert text.textFormat() == Qt.TextFormat.PlainText
    assert text.alignment() == Qt.AlignmentFlag.AlignCenter
    timer = QTimer()
    timer.setProperty("timerType", qt_values.PRECISE_TIMER)
    assert timer.timerType() == Qt.TimerType.PreciseTimer
    button = QPushButton()
    qtbot.addWidget(button)
    button.setProperty("focusPolicy", qt_values.TAB_FOCUS)
    assert button.focusPolicy() == Qt.FocusPolicy.TabFocus


BUILD_WITHOUT_QT_NAMES = """
import enum, gc, sys
from psoas_coach.app import build_gui
from psoas_coach.cli import parse_args
from psoas_coach.paths import resolve_paths
from psoas_coach.store.coaching_store import CoachingStore
CoachingStore(resolve_paths(sys.argv[1]).data).accept_safety("2026-11-25T09:00:00+00:00")
args = parse_args(["--data-dir", sys.argv[1], "--mute"])
window = build_gui(args, resolve_paths(args.data_dir))
names = {t.__qualname__ for t in gc.get_objects() if isinstance(t, enum.EnumType)}
print("Qt namespace built" if "Qt.AlignmentFlag" in names else "not built")
"""


def test_building_the_window_names_nothing_in_the_qt_namespace(tmp_path: Path) -> None:
    """Everything built before the first paint keeps off PySide6's Qt namespace (13 ms of enum types)."""
    done = subprocess.run([sys.executable, "-c", BUILD_WITHOUT_QT_NAMES, str(tmp_path)], capture_output=True,
                          text=True, cwd=ROOT, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "not built"
