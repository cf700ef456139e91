"""Briefing: the program, what is needed, how long it takes, and the safety note."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from psoas_coach.core import safety
from psoas_coach.core.describe import dosage_text, minutes_text
from psoas_coach.core.engine import SessionEngine
from psoas_coach.core.plan import Step
from psoas_coach.i18n import _, content
from psoas_coach.ui.screens.base import StepScreen
from psoas_coach.ui.widgets.text import label


class BriefingScreen(StepScreen):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 24, 48, 24)
        self.title = label("", 2.6, bold=True, name="briefing-title")
        self.summary = label("", 1.3)
        self.exercises = label("", 1.3, name="briefing-exercises")
        self.equipment = label("", 1.2)
        self.safety = label(safety.BEFORE_YOU_START + " " + safety.DURING, 1.25, name="briefing-safety")
        self.safety.setStyleSheet("padding: 12px; border: 2px solid palette(mid); border-radius: 8px;")
        self.prompt = label(_("Press Enter to begin."), 1.6, bold=True)
        for w in (self.title, self.summary, self.exercises, self.equipment, self.safety):
            layout.addWidget(w)
        layout.addStretch(1)
        layout.addWidget(self.prompt)

    def show_step(self, step: Step, engine: SessionEngine) -> None:
        program = engine.plan.program
        self.title.setText(content(program.name))
        self.summary.setText(content(program.description) + "\n"
                             + _("Length: {minutes}.").format(minutes=minutes_text(engine.plan.timed_seconds)))
        lines = [f"{i}. {content(ex.name)} — {dosage_text(ex)}" for i, ex in enumerate(program.exercises, 1)]
        self.exercises.setText("\n".join(lines))
        gear = sorted({content(item) for ex in program.exercises for item in ex.equipment})
        self.equipment.setText(_("You need: {things}.").format(things=", ".join(gear)) if gear
                               else _("You need nothing but some floor space."))
