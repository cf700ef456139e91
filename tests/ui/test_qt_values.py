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


ENUM_COUNTER = textwrap.dedent("""
    import enum
    created = []
    _new = enum.EnumType.__new__
    def _counting_new(mcls, name, bases, namespace, **kw):
        created.append(name)
        return _new(mcls, name, bases, namespace, **kw)
    enum.EnumType.__new__ = _counting_new
""")

FIRST_FRAME = ENUM_COUNTER + textwrap.dedent("""
    import sys
    import PySide6.QtCore
    from psoas_coach.app import build_gui
    from psoas_coach.cli import parse_args
    from psoas_coach.core import coaching
    from psoas_coach.paths import resolve_paths
    from psoas_coach.store.coaching_store import CoachingStore
    from psoas_coach.ui import first_paint
    from psoas_coach.ui.widgets.program_cards import ProgramCard
    from psoas_coach.ui.widgets.week_strip import WeekStrip

    painted = set()
    for cls in (WeekStrip, ProgramCard):
        method = "paintEvent"
        def watch(self, *a, _orig=getattr(cls, method), _name=cls.__name__):
            painted.add(_name)
            return _orig(self, *a)
        setattr(cls, method, watch)
    seen = []
    def after_first_frame(steps):
        seen.append("built" if "Qt" in PySide6.QtCore.__dict__ else "not-built")
        PySide6.QtWidgets.QApplication.instance().quit()
    first_paint.StartUpSteps._on_painted = after_first_frame

    args = parse_args(["--data-dir", sys.argv[1], "--theme", sys.argv[2]])
    paths = resolve_paths(args.data_dir)
    CoachingStore(paths.data).update(coaching.accept_safety, "2026-01-01T08:00:00+00:00")  # a returning user
    before = len(created)
    window = build_gui(args, paths)
    assert window is not None and window.isVisible()
    built = "built" if "Qt" in PySide6.QtCore.__dict__ else "not-built"
    PySide6.QtWidgets.QApplication.instance().exec()
    style = "built" if "PixelMetric" in created else "not-built"  # QStyle's enum types
    print("painted:" + ",".join(sorted(painted)), "enums:%d" % len(created), "window:" + built, "frame:" + seen[0],
          "style:" + style)
""")

BARE_WINDOW = ENUM_COUNTER + textwrap.dedent("""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
    app = QApplication([])
    window = QMainWindow()
    window.setCentralWidget(QLabel("Psoas Coach"))
    window.resize(1366, 768)
    window.show()
    QTimer.singleShot(300, app.quit)
    app.exec()
    print("enums:%d" % len(created))
""")

# PySide6 builds a Python enum type (about 0.2 ms each) for each C++ enum the first time the app reaches
# its class, an overload that could take it, or an object whose type it must look up; the bare window
# builds 43. Home's first frame may build this many more (about 55 now: fonts, actions, events, palettes,
# painting); painting with a pen, or an unwrapped viewport, adds 60-90 at once, naming QStyle (its
# drawItemText, a QProxyStyle subclass) 15.
FIRST_FRAME_EXTRA_ENUM_TYPES = 65
STYLE_ENUM_TYPES = 15


def run_script(script: str, *args: str) -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", script, *args], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    return out.stdout.split("\n")[-2]


def test_homes_first_frame_builds_no_qt_namespace_and_few_enum_types(tmp_path: Path) -> None:
    """About 13 ms that a bare window never pays: nothing until the first frame is painted may name Qt,
    in any theme; and the frame builds few other enum types beyond the bare window's."""
    floor = int(run_script(BARE_WINDOW).split(":")[1])
    for theme_name in ("system", "dark", "high-contrast"):
        fields = dict(f.split(":") for f in run_script(FIRST_FRAME, str(tmp_path / theme_name), theme_name).split())
        assert fields["painted"] == "ProgramCard,WeekStrip", fields  # the frame did paint home
        assert fields["window"] == "not-built", (theme_name, fields)
        assert fields["frame"] == "not-built", (theme_name, fields)
        # a chosen theme sets the Fusion style (setStyle names QStyle); the system's look needs no style
        extra = FIRST_FRAME_EXTRA_ENUM_TYPES + (0 if theme_name == "system" else STYLE_ENUM_TYPES)
        assert int(fields["enums"]) - floor <= extra, (theme_name, fields, floor)
        if theme_name == "system":
            assert fields["style"] == "not-built", fields  # text is painted without QStyle
