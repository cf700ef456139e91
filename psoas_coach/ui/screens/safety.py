"""The first-run safety screen: the article's caution, accepted once and kept."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from psoas_coach.i18n import _, lazy
from psoas_coach.ui.text_scale import follow_window
from psoas_coach.ui.theme import Space, Type
from psoas_coach.ui.widgets.buttons import primary_button
from psoas_coach.ui.widgets.card import Card
from psoas_coach.ui.widgets.flow_row import ColumnGrid
from psoas_coach.ui.widgets.focus_ring import NO_RING
from psoas_coach.ui.widgets.scrolling import ScrollArea, scroll_key
from psoas_coach.ui.widgets.text import MarkLabel, label

CAUTION = (
    lazy("If you already have discomfort in your back or hips, talk to a physical therapist before you start "
    "a new strengthening routine."),
    lazy("Stop at once if an exercise causes sharp pain in the lower back or groin: press P. Next time the coach "
    "will suggest a smaller range or less load, and to see a physical therapist if it happens again."),
    lazy("Keep a neutral pelvis: the lower back stays gently pressed to the floor. Move slowly and with control."),
)

MARKS = ("⚕", "✖", "⟂")  # see a therapist; stop (P); keep the pelvis neutral: each point has a sign of its own
POINT_MIN_WIDTH = 720  # one point under the other, two side by side on a large screen


class SafetyScreen(QWidget):
    """Shown until the user accepts; ``accepted`` fires on the button or Enter."""

    accepted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("safety-screen")
        follow_window(self)  # its type and cards grow with the window, as the session's ring does
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setProperty(NO_RING, True)  # the whole screen takes Enter: a ring around all of it says nothing
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, Space.L)
        outer.setSpacing(Space.M)
        # a short window (or large text, or a long language) scrolls the points rather than cut them off;
        # the button stays in view below them
        self.scroller = scroller = ScrollArea("safety-scroll")
        outer.addWidget(scroller, 1)
        content = QWidget()
        scroller.setWidget(content)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(Space.XL, Space.L, Space.XL, 0)
        layout.setSpacing(Space.M)
        layout.addWidget(label(_("Before your first session"), Type.TITLE, bold=True, name="safety-title"))
        self.points = ColumnGrid(POINT_MIN_WIDTH, spacing=Space.M)
        cards = []
        for mark, text in zip(MARKS, CAUTION):
            card = Card(row=True, name="safety-point", padding=Space.L)
            card.add(MarkLabel(mark, MARKS, Type.TITLE))  # every point's text starts at one x
            card.add(label(str(text), Type.HEADLINE), 1)
            cards.append(card)
        self.points.set_widgets(cards)
        layout.addWidget(self.points)
        layout.addStretch(1)
        below = QVBoxLayout()
        below.setContentsMargins(Space.XL, 0, Space.XL, 0)
        self.accept_button = primary_button(_("I understand — continue (Enter)"), "safety-accept", self)
        self.accept_button.clicked.connect(self.accepted.emit)
        below.addWidget(self.accept_button)
        self.status = label("", Type.BODY, name="safety-status")
        below.addWidget(self.status)
        outer.addLayout(below)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accepted.emit()
            return
        if scroll_key(self.scroller, event):  # the points scroll from the keyboard in a short window
            return
        super().keyPressEvent(event)
