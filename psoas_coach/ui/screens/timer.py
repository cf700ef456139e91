"""Holds, work intervals, rests and side switches: a large countdown ring, and what comes next."""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QVBoxLayout, QWidget

from psoas_coach.core.describe import dosage_text
from psoas_coach.core.engine import SessionEngine
from psoas_coach.core.plan import Step, StepKind
from psoas_coach.i18n import _, content, lazy
from psoas_coach.ui.screens.base import FillingDrawing, FillingRing, StepScreen
from psoas_coach.ui.widgets.text import label

RING_CAPTIONS = {
    StepKind.HOLD: lazy("hold"),
    StepKind.WORK: lazy("go"),
    StepKind.RELEASE: lazy("release"),
    StepKind.REST: lazy("rest"),
    StepKind.NEXT_UP: lazy("rest"),
    StepKind.SWITCH: lazy("switch sides"),
}

NARROW_WIDTH = 900  # below this the ring and the drawing stack instead of standing side by side


class TimerScreen(StepScreen):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 8, 40, 8)
        self.title = label("", 2.2, bold=True, center=True, name="timer-title")
        self.position = label("", 1.4, center=True, name="timer-position")
        layout.addWidget(self.title)
        layout.addWidget(self.position)
        self.row = row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.ring = FillingRing()
        self.ring.setObjectName("timer-ring")
        row.addWidget(self.ring, 3)
        self.next_panel = QFrame()
        self.next_panel.setObjectName("next-up")
        self.next_panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel = QVBoxLayout(self.next_panel)
        self.next_kicker = label(_("Next up"), 1.3, bold=True)
        self.next_name = label("", 2.0, bold=True, name="next-name")
        self.next_detail = label("", 1.25)
        self.next_illustration = FillingDrawing()
        self.next_illustration.setObjectName("next-illustration")
        self.next_illustration.setMinimumSize(0, 0)  # in a low window the words of what comes next matter more
        for w in (self.next_kicker, self.next_name, self.next_detail):
            panel.addWidget(w)
        panel.addWidget(self.next_illustration, 1)
        row.addWidget(self.next_panel, 2)
        self.illustration = FillingDrawing()
        self.illustration.setObjectName("timer-illustration")
        row.addWidget(self.illustration, 2)
        layout.addLayout(row, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        """Side by side in a wide window; in a narrow (or tall) one the drawing and what comes next go below
        the ring, so the ring keeps its size."""
        super().resizeEvent(event)
        narrow = self.width() < NARROW_WIDTH or self.width() < self.height()
        direction = QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        if self.row.direction() != direction:
            self.row.setDirection(direction)

    def show_step(self, step: Step, engine: SessionEngine) -> None:
        self.title.setText(step.title)
        self.position.setText(step.position_label)
        self.ring.set_caption(str(RING_CAPTIONS.get(step.kind, "")))
        nxt = step.next_exercise
        if step.kind is StepKind.NEXT_UP and nxt is not None:
            self.next_name.setText(content(nxt.name))
            self.next_detail.setText(f"{content(nxt.setup)}\n{dosage_text(nxt)}")
            self.next_illustration.set_exercise(nxt.id)
            self.next_panel.show()
        elif step.kind in (StepKind.REST, StepKind.SWITCH) and step.next_label:
            self.next_name.setText(step.next_label)
            self.next_detail.setText(content(step.exercise.cues[0]) if step.exercise else "")
            self.next_illustration.set_exercise(None)
            self.next_panel.show()
        else:
            self.next_panel.hide()
        # during the work itself, the drawing of the exercise sits beside the ring
        show_drawing = self.next_panel.isHidden() and step.exercise is not None
        self.illustration.set_exercise(step.exercise.id if show_drawing and step.exercise else None)
        self.refresh(engine)

    def refresh(self, engine: SessionEngine) -> None:
        self.ring.set_time(engine.remaining(), engine.step.duration)
