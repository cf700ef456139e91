"""Home's first frame names no Qt enum: ui/qt_values' numbers are Qt's, the desktop's contrast is read
without the enum, and building the window leaves PySide6's Qt namespace unbuilt until a step after it."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from psoas_coach.ui import desktop_contrast, qt_values, theme

ROOT = Path(__file__).resolve().parents[2]


def test_each_number_is_qts_own() -> None:
    assert qt_values.PLAIN_TEXT == Qt.TextFormat.PlainText.value
    assert qt_values.ALIGN_CENTER == Qt.AlignmentFlag.AlignCenter.value
    assert qt_values.PRECISE_TIMER == Qt.TimerType.PreciseTimer.value
    assert qt_values.TAB_FOCUS == Qt.FocusPolicy.TabFocus.value
    assert qt_values.USER_ROLE == Qt.ItemDataRole.UserRole.value
    assert qt_values.NO_FOCUS == Qt.FocusPolicy.NoFocus.value
    assert qt_values.ALIGN_LEFT == Qt.AlignmentFlag.AlignLeft.value
    assert qt_values.ALIGN_HCENTER == Qt.AlignmentFlag.AlignHCenter.value
    assert qt_values.ALIGN_TOP == Qt.AlignmentFlag.AlignTop.value
    assert qt_values.WORD_WRAP == Qt.TextFlag.TextWordWrap.value
    assert theme.COLOR_SCHEME_LIGHT == Qt.ColorScheme.Light.value
    assert theme.COLOR_SCHEME_DARK == Qt.ColorScheme.Dark.value
    assert desktop_contrast.HIGH_CONTRAST == Qt.ContrastPreference.HighContrast.value


def test_the_contrast_preference_read_without_the_enum_is_qts(qapp: QApplication) -> None:
    style_hints = qapp.styleHints()
    expected = style_hints.accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast
    if sys.platform.startswith("linux"):
        assert desktop_contrast.native_getter() is not None  # the quick path is the one taken here
    assert desktop_contrast.desktop_wants_high_contrast(qapp) == expected


def test_without_the_native_getter_pyside_answers(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(desktop_contrast, "native_getter", lambda: None)
    style_hints = qapp.styleHints()
    expected = style_hints.accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast
    assert desktop_contrast.desktop_wants_high_contrast(qapp) == expected


BUILD_HOME = textwrap.dedent("""
    import sys
    import PySide6.QtCore
    from psoas_coach.app import build_gui
    from psoas_coach.cli import parse_args
    from psoas_coach.core import coaching
    from psoas_coach.paths import resolve_paths
    from psoas_coach.store.coaching_store import CoachingStore

    args = parse_args(["--data-dir", sys.argv[1], "--theme", sys.argv[2]])
    paths = resolve_paths(args.data_dir)
    CoachingStore(paths.data).update(coaching.accept_safety, "2026-01-01T08:00:00+00:00")  # a returning user
    window = build_gui(args, paths)
    assert window is not None and window.isVisible()
    print("built" if "Qt" in PySide6.QtCore.__dict__ else "not built")
""")


def test_building_the_window_builds_no_qt_enum_types(tmp_path: Path) -> None:
    """About 13 ms that a bare window never pays: nothing before the first paint may name Qt."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for theme_name in ("system", "dark", "high-contrast"):
        out = subprocess.run([sys.executable, "-c", BUILD_HOME, str(tmp_path / theme_name), theme_name],
                             cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr[-3000:]
        assert out.stdout.split()[-2:] == ["not", "built"], (theme_name, out.stdout, out.stderr[-2000:])
