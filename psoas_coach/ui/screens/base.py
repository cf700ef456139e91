"""What every step screen offers the session view: show a new step, refresh from the engine."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from psoas_coach.core.engine import SessionEngine
from psoas_coach.core.plan import Step


class StepScreen(QWidget):
    """A screen for some kinds of step. It reads the engine; it never changes it and owns no timer."""

    def show_step(self, step: Step, engine: SessionEngine) -> None:
        raise NotImplementedError

    def refresh(self, engine: SessionEngine) -> None:
        """Called a few times a second while the step is on screen."""
