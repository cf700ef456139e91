"""Values of the few Qt enums that the window needs before its first paint, by number.

Naming anything in PySide6's ``Qt`` namespace (even ``from PySide6.QtCore import Qt``) builds all of
its 93 Python enum types at once, about 13 ms; the first frame does not need them, so the code that
runs before it sets these through Qt properties or int arguments, and the rest of the app names
``Qt`` as usual (the namespace is built by a start-up step just after the first paint).
tests/ui/test_qt_values.py checks each number against PySide6 itself.
"""

from __future__ import annotations

PLAIN_TEXT = 0  # Qt.TextFormat.PlainText (QLabel's "textFormat" property)
ALIGN_CENTER = 0x0084  # Qt.AlignmentFlag.AlignCenter (QLabel's "alignment" property)
PRECISE_TIMER = 0  # Qt.TimerType.PreciseTimer (QTimer's "timerType" property)
TAB_FOCUS = 0x1  # Qt.FocusPolicy.TabFocus (QWidget's "focusPolicy" property)
USER_ROLE = 0x0100  # Qt.ItemDataRole.UserRole (an item's data role, an int in the C++ signature)
