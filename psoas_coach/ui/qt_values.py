"""The few Qt enum values that home needs before its first paint, by number.

Naming anything in PySide6's ``Qt`` namespace (even ``from PySide6.QtCore import Qt``), or calling
anything that returns one of its enums, makes PySide6 build all of its 93 Python enum types at once:
about 13 ms, which a bare window never pays. The code that runs before the first paint sets these
through Qt properties or int arguments instead, and the rest of the app names ``Qt`` as usual (the
``qt enums`` start-up step builds the namespace just after the first paint).
``own_viewport`` keeps home's scroll areas from sending PySide6 through every QtWidgets class.
tests/ui/test_qt_values.py checks each number against PySide6, and that home's first frame names no ``Qt``
and builds few enum types.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractScrollArea, QWidget

PLAIN_TEXT = 0  # Qt.TextFormat.PlainText (QLabel's "textFormat" property)
ALIGN_CENTER = 0x0084  # Qt.AlignmentFlag.AlignCenter (QLabel's "alignment" property)
PRECISE_TIMER = 0  # Qt.TimerType.PreciseTimer (QTimer's "timerType" property)
TAB_FOCUS = 0x1  # Qt.FocusPolicy.TabFocus (QWidget's "focusPolicy" property)
USER_ROLE = 0x0100  # Qt.ItemDataRole.UserRole (an item's data role: an int in the C++ signature)
NO_FOCUS = 0x0  # Qt.FocusPolicy.NoFocus
CLICK_FOCUS = 0x2  # Qt.FocusPolicy.ClickFocus
STRONG_FOCUS = 0xB  # Qt.FocusPolicy.StrongFocus
ALIGN_LEFT = 0x0001  # Qt.AlignmentFlag.AlignLeft (QPainter.drawText takes the flags as an int)
ALIGN_HCENTER = 0x0004  # Qt.AlignmentFlag.AlignHCenter
ALIGN_TOP = 0x0020  # Qt.AlignmentFlag.AlignTop
WORD_WRAP = 0x1000  # Qt.TextFlag.TextWordWrap


def own_viewport(area: QAbstractScrollArea) -> QWidget:
    """Give *area* a viewport made here and return it. Qt's own viewport has no Python wrapper yet, and the
    first time one is reached (``viewport()``, or ``parentWidget()`` from inside the area), PySide6 looks
    for its type through every QtWidgets class and builds their enum types: 65 of them, about 10 ms, in
    home's first frame."""
    viewport = QWidget()
    area.setViewport(viewport)
    return viewport
