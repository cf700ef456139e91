"""What assistive technology hears beyond the widgets themselves: polite announcements of a new step
(never per tick), names built from the visible text, and a tab order that follows each screen.

Announcements and the app's own voice never say the same thing twice: while the voice is heard (not
muted, and a speech engine with an audio output is in use), it speaks every step and cue, and the
screen reader is told nothing unasked (the tree stays current for review). When the voice is not
heard (muted, captions only), each new step (and a pause) is announced once, politely, instead. The
cues inside a step (tempo words every second or two, form cues) are never announced: they would
flood the screen reader; the caption line holds the latest one for review.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QAbstractButton, QLayout, QScrollArea, QStackedWidget, QTabWidget, QWidget

from psoas_coach.i18n import ngettext


def spoken_text(visible: str) -> str:
    """The visible text without its decorative arrows and marks, for an accessible name."""
    for mark in ("▶", "◀", "▲", "■", "●", "★", "✖", "…"):
        visible = visible.replace(mark, "")
    return " ".join(visible.split())


def set_name(widget: QWidget, name: str, description: str | None = None) -> None:
    """Set the accessible name (and description) only when it changes: no event per refresh."""
    if widget.accessibleName() != name:
        widget.setAccessibleName(name)
    if description is not None and widget.accessibleDescription() != description:
        widget.setAccessibleDescription(description)


def seconds_left_text(seconds: int) -> str:
    return ngettext("{seconds} second left", "{seconds} seconds left", seconds).format(seconds=seconds)


def announce(widget: QWidget, text: str) -> None:
    """One polite announcement (Qt 6.8's QAccessibleAnnouncementEvent) on behalf of *widget*."""
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)


class Announcer(QObject):
    """Announces each new step once, only while the app's own voice is not heard."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.voice_on: Callable[[], bool] = lambda: False  # the composition root says when the voice is heard
        self.sent: list[str] = []  # every announcement made, for tests and the log
        self._last = ""

    def say(self, widget: QWidget, text: str) -> bool:
        """Announce *text* unless the voice speaks it, it is empty, or it was the last thing announced."""
        text = text.strip()
        if not text or text == self._last or self.voice_on():
            return False
        self._last = text
        self.sent.append(text)
        announce(widget, text)
        return True

    def forget(self) -> None:
        """The next text is announced even if it repeats the last one (a second pause, say)."""
        self._last = ""


def focusable_in_layout_order(root: QWidget) -> list[QWidget]:
    """The widgets under *root* that Tab can reach, in the order their layouts place them (reading order)."""
    from PySide6.QtCore import Qt  # here, not at the top: home is built before the first paint (qt_values)

    found: list[QWidget] = []

    def visit_layout(layout: QLayout) -> None:
        for i in range(layout.count()):
            item = layout.itemAt(i)
            if item is None:
                continue
            child_widget, child_layout = item.widget(), item.layout()
            if child_widget is not None:
                visit_widget(child_widget)
            elif child_layout is not None:
                visit_layout(child_layout)

    def visit_widget(widget: QWidget) -> None:
        if widget.isHidden() and widget is not root:
            return
        if isinstance(widget, (QTabWidget, QStackedWidget, QScrollArea)):
            if isinstance(widget, QTabWidget):
                visit_widget(widget.tabBar())
            inner = widget.widget() if isinstance(widget, QScrollArea) else widget.currentWidget()
            if inner is not None:
                visit_widget(inner)
            return
        if widget is not root and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            found.append(widget)
            return  # a focusable widget's own parts (a spin box's line edit) are its business
        layout = widget.layout()
        if layout is not None:
            visit_layout(layout)
        else:
            for child in widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
                visit_widget(child)

    visit_widget(root)
    return found


def name_buttons(root: QWidget) -> None:
    """Buttons whose visible text carries arrows or marks get a name without them ("Home (Esc)")."""
    for button in root.findChildren(QAbstractButton):
        spoken = spoken_text(button.text())
        if spoken != button.text() and not button.accessibleName():
            button.setAccessibleName(spoken)


def order_tabs(root: QWidget) -> list[QWidget]:
    """Make Tab follow *root*'s reading order (and name its buttons plainly); returns the chain."""
    name_buttons(root)
    chain = focusable_in_layout_order(root)
    for first, second in zip(chain, chain[1:]):
        QWidget.setTabOrder(first, second)
    return chain
