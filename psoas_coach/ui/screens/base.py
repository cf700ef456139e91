"""What every step screen offers the session view: show a new step, refresh from the engine."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

from psoas_coach.core.engine import SessionEngine
from psoas_coach.core.plan import Step
from psoas_coach.ui.widgets.countdown_ring import CountdownRing
from psoas_coach.ui.widgets.illustration import IllustrationView


class StepScreen(QWidget):
    """A screen for some kinds of step. It reads the engine; it never changes it and owns no timer."""

    def show_step(self, step: Step, engine: SessionEngine) -> None:
        raise NotImplementedError

    def refresh(self, engine: SessionEngine) -> None:
        """Called a few times a second while the step is on screen."""


# A step screen's ring and drawings fill the height that is left and ask for no more than their minimum, so
# the screen's height is what its words need: the session scrolls only when the words do not fit, never
# because a ring or a drawing wanted to be large (a rest with the quick rating below it showed half a ring).


class FillingRing(CountdownRing):
    """The countdown ring of a step screen: as large as the room left, asking for its minimum."""

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(super().sizeHint().width(), self.minimumHeight())


class FillingDrawing(IllustrationView):
    """An exercise drawing of a step screen: as large as the room left (kept 4:3 when painted), asking for
    its minimum."""

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(super().sizeHint().width(), self.minimumHeight())

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return False
