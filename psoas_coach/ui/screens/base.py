"""What every step screen offers the session view: show a new step, refresh from the engine, and arrange
itself for a wide or a narrow view."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from psoas_coach.core.engine import SessionEngine
from psoas_coach.core.plan import Step


class StepScreen(QWidget):
    """A screen for some kinds of step. It reads the engine; it never changes it and owns no timer."""

    # True for the screens read from the mat (rings, counters, drawings): they fill the view and shrink
    # their drawings to fit it, and scroll only when even their smallest size does not fit (large text).
    # False for screens read like a page (briefing, summary): they take the height their text asks for.
    fills_view = False

    def show_step(self, step: Step, engine: SessionEngine) -> None:
        raise NotImplementedError

    def refresh(self, engine: SessionEngine) -> None:
        """Called a few times a second while the step is on screen."""

    def set_narrow(self, narrow: bool) -> None:
        """Stack the drawing under the ring or the counter in a narrow view (the session view decides, for
        every screen at once); side by side otherwise. Screens without a drawing stay as they are."""
