"""Holds, work intervals, rests and side switches: a large countdown ring, and what comes next."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from psoas_coach.core.describe import dosage_text
from psoas_coach.core.engine import SessionEngine
from psoas_coach.core.plan import Step, StepKind
from psoas_coach.i18n import _, content, lazy
from psoas_coach.ui.screens.base import StepScreen
from psoas_coach.ui.theme import Space
from psoas_coach.ui.widgets.adaptive_grid import AdaptiveGrid
from psoas_coach.ui.widgets.countdown_ring import CountdownRing
from psoas_coach.ui.widgets.illustration import IllustrationView
from psoas_coach.ui.widgets.text import label

RING_CAPTIONS = {
    StepKind.HOLD: lazy("hold"),
    StepKind.WORK: lazy("go"),
    StepKind.RELEASE: lazy("release"),
    StepKind.REST: lazy("rest"),
    StepKind.NEXT_UP: lazy("rest"),
    StepKind.SWITCH: lazy("switch sides"),
}


class TimerScreen(StepScreen):
    fills_view = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 8, 40, 8)
        self.title = label("", 2.2, bold=True, center=True, name="timer-title")
        self.position = label("", 1.4, center=True, name="timer-position")
        layout.addWidget(self.title)
        layout.addWidget(self.position)
        self.ring = CountdownRing()
        self.ring.setObjectName("timer-ring")
        self.next_panel = QFrame()
        self.next_panel.setObjectName("next-up")
        self.next_panel.setFrameShape(QFrame.Shape.StyledPanel)
        self.next_kicker = label(_("Next up"), 1.3, bold=True)
        self.next_name = label("", 2.0, bold=True, name="next-name")
        self.next_detail = label("", 1.25)
        self.next_illustration = IllustrationView(fills=True)
        self.next_illustration.setObjectName("next-illustration")
        self.next_illustration.setMinimumSize(0, 0)  # in a low window the words of what comes next matter more
        # what comes next: its words over its drawing beside the ring, or beside its drawing under the ring
        self.panel_grid = panel = AdaptiveGrid(self.next_panel)
        panel.setContentsMargins(Space.S, Space.S, Space.S, Space.S)
        for row, widget in enumerate((self.next_kicker, self.next_name, self.next_detail)):
            panel.place(widget, (row, 0, 1, 1), (row, 0, 1, 1))
        panel.place(self.next_illustration, (3, 0, 1, 1), (0, 1, 4, 1))
        panel.set_stretches(False, rows=(0, 0, 0, 1))
        panel.set_stretches(True, rows=(0, 0, 0, 1), columns=(1, 1))
        self.illustration = IllustrationView(fills=True)
        self.illustration.setObjectName("timer-illustration")
        # the ring, and beside it (or under it) the drawing of the exercise or what comes next: one at a time
        self.grid = grid = AdaptiveGrid()
        grid.place(self.ring, (0, 0, 1, 1), (0, 0, 1, 1))
        for beside_ring in (self.next_panel, self.illustration):
            grid.place(beside_ring, (0, 1, 1, 1), (1, 0, 1, 1))
        grid.set_stretches(False, rows=(1,), columns=(1, 1))  # a landscape view's height limits the ring
        grid.set_stretches(True, rows=(3, 2), columns=(1,))
        layout.addLayout(grid, 1)
        self.set_narrow(False)

    def set_narrow(self, narrow: bool) -> None:
        self.grid.arrange(narrow)
        self.panel_grid.arrange(narrow)
        self._fit_panel()

    def _fit_panel(self) -> None:
        """What comes next without a drawing: a panel just the size of its words, centred beside the ring, or
        under it with the ring taking the room a drawing would have had."""
        self.panel_grid.restretch()
        self.grid.restretch()
        words_only = not self.next_panel.isHidden() and self.next_illustration.isHidden()
        align = Qt.AlignmentFlag.AlignVCenter if words_only else Qt.AlignmentFlag(0)
        self.grid.setAlignment(self.next_panel, align)
        if words_only and self.grid.narrow:
            self.panel_grid.setColumnStretch(1, 0)
            self.grid.setRowStretch(1, 0)

    def show_step(self, step: Step, engine: SessionEngine) -> None:
        self.title.setText(step.title)
        self.position.setText(step.position_label)
        self.position.setVisible(bool(step.position_label))  # an empty line would take room from the ring
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
        self._fit_panel()
        self.refresh(engine)

    def refresh(self, engine: SessionEngine) -> None:
        self.ring.set_time(engine.remaining(), engine.step.duration)
