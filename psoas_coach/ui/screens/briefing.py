"""Briefing: the program, each exercise with its drawing and dosage in large type, what is needed, and safety."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from psoas_coach.core import safety
from psoas_coach.core.describe import dosage_text, minutes_text
from psoas_coach.core.engine import SessionEngine
from psoas_coach.core.plan import Step
from psoas_coach.core.program import Exercise
from psoas_coach.i18n import _, content
from psoas_coach.ui.screens.base import StepScreen
from psoas_coach.ui.text_scale import design_size, follow_window
from psoas_coach.ui.theme import Space, Type
from psoas_coach.ui.widgets.card import Card
from psoas_coach.ui.widgets.flow_row import ColumnGrid
from psoas_coach.ui.widgets.illustration import IllustrationView
from psoas_coach.ui.widgets.text import label

CARD_MIN_WIDTH = 260
DRAWING_MAX_HEIGHT = 150


def exercise_card(number: int, exercise: Exercise) -> Card:
    """One exercise: its drawing, its number and name, and what the session asks of it."""
    card = Card(name="briefing-exercise")
    drawing = IllustrationView(exercise.id)
    design_size(drawing, min_width=120, min_height=90, max_height=DRAWING_MAX_HEIGHT)
    card.add(drawing)
    card.add(label(f"{number}. {content(exercise.name)}", Type.HEADLINE, bold=True, name="briefing-exercise-name"))
    card.add(label(dosage_text(exercise), Type.LEAD, name="briefing-dosage"))
    return card


class BriefingScreen(StepScreen):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        follow_window(self)  # its type and cards grow with the window, as the session's ring does
        layout = QVBoxLayout(self)
        layout.setContentsMargins(Space.XL, Space.M, Space.XL, Space.M)
        layout.setSpacing(Space.M)
        self.title = label("", Type.TITLE, bold=True, name="briefing-title")
        layout.addWidget(self.title)
        self.prompt = label(_("Press Enter to begin."), Type.HEADLINE, bold=True, name="briefing-prompt")
        self.summary = label("", Type.LEAD, name="briefing-summary")
        layout.addWidget(self.summary)
        self.exercises = ColumnGrid(CARD_MIN_WIDTH, spacing=Space.M)
        self.exercises.setObjectName("briefing-exercises")
        layout.addWidget(self.exercises)
        self.equipment = label("", Type.LEAD, name="briefing-equipment")
        layout.addWidget(self.equipment)
        self.safety = Card(name="briefing-safety-card", emphasis=True)
        self.safety_text = label(str(safety.BEFORE_YOU_START) + " " + str(safety.DURING), Type.BODY,
                                 name="briefing-safety")
        self.safety.add(self.safety_text)
        layout.addWidget(self.safety)
        layout.addWidget(self.prompt)
        layout.addStretch(1)

    def show_step(self, step: Step, engine: SessionEngine) -> None:
        program = engine.plan.program
        self.title.setText(content(program.name))
        self.summary.setText(content(program.description) + " "
                             + _("Length: {minutes}.").format(minutes=minutes_text(engine.plan.timed_seconds)))
        self.exercises.set_widgets([exercise_card(i, ex) for i, ex in enumerate(program.exercises, 1)])
        gear = sorted({content(item) for ex in program.exercises for item in ex.equipment})
        self.equipment.setText(_("You need: {things}.").format(things=", ".join(gear)) if gear
                               else _("You need nothing but some floor space."))
