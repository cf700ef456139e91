"""The desktop's contrast preference, read without building PySide6's Qt namespace before the first frame.

``QAccessibilityHints.contrastPreference()`` (Qt 6.10+) returns a ``Qt.ContrastPreference``, and the
first value of any enum in the ``Qt`` namespace makes PySide6 build all 93 of its enum types (about
13 ms of a start-up that is otherwise 1.5 times a bare window). Where Qt's own library exports that
getter under the Itanium C++ ABI (Linux: a plain, non-virtual const member function, stable through
Qt 6), it is called through ctypes with the hints object's address and its int is compared; anywhere
else (another platform or ABI, a Qt without the symbol) PySide6's call answers, with the same result
at the usual cost. The preference is read once, at start-up, before any widget is built.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from PySide6.QtGui import QGuiApplication

HIGH_CONTRAST = 1  # Qt.ContrastPreference.HighContrast (tests/ui/test_qt_values.py checks it)
QT_GUI_LIBRARY = "libQt6Gui.so.6"  # already loaded by PySide6.QtGui: opened with RTLD_NOLOAD, never loaded anew
GETTER = "_ZNK19QAccessibilityHints18contrastPreferenceEv"  # QAccessibilityHints::contrastPreference() const


def native_getter() -> Callable[[int], int] | None:
    """Qt's own C++ getter, taking the hints object's address; None where it cannot be called that way."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        library = ctypes.CDLL(QT_GUI_LIBRARY, mode=os.RTLD_NOLOAD | os.RTLD_LAZY)
        getter = getattr(library, GETTER)
    except (OSError, AttributeError):
        return None
    getter.restype = ctypes.c_int  # enum class Qt::ContrastPreference: an int
    getter.argtypes = [ctypes.c_void_p]  # `this`
    return getter


def desktop_wants_high_contrast(app: QGuiApplication) -> bool:
    """True when the desktop asks applications for high contrast (where the platform tells Qt)."""
    style_hints = app.styleHints()  # held: the accessibility hints live inside it
    hints = style_hints.accessibility()
    getter = native_getter()
    if getter is not None:
        import shiboken6

        address = shiboken6.getCppPointer(hints)[0]
        return getter(address) == HIGH_CONTRAST
    from PySide6.QtCore import Qt

    return bool(hints.contrastPreference() == Qt.ContrastPreference.HighContrast)
