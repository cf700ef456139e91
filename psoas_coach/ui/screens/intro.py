"""Exercise intro: name, setup, form cues and what to watch for, with time to get into position."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from psoas_coach.core.describe import dosage_text, tempo_text
from psoas_coach.core.engine import SessionEngine
from psoas_coach.core.plan import Step
from psoas_coach.i18n import _, content
from psoas_coach.ui.screens.base import StepScreen
from psoas_coach.ui.widgets.adaptive_grid import AdaptiveGrid, Block
from psoas_coach.ui.widgets.countdown_ring import CountdownRing
from psoas_coach.ui.widgets.illustration import IllustrationView
from psoas_coach.ui.widgets.text import label


class IntroScreen(StepScreen):
    fills_view = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 16, 40, 16)
        self.kicker = label("", 1.2, name="intro-kicker")
        self.name = label("", 2.8, bold=True, name="intro-name")
        self.setup = label("", 1.6, name="intro-setup")
        self.dosage = label("", 1.3, bold=True)
        self.cues = label("", 1.2)
        self.watch = label("", 1.1)
        words = Block(self.kicker, self.name, self.setup, self.dosage, self.cues, self.watch)
        self.illustration = IllustrationView(fills=True)
        self.illustration.setObjectName("intro-illustration")
        self.illustration.setMinimumSize(0, 0)  # in a low window the words of the set-up matter more
        self.ring = CountdownRing()
        self.ring.setObjectName("intro-ring")
        get_ready = label(_("Get into position"), 1.4, bold=True, center=True)
        self.ring.set_caption("", get_ready.text())  # the ring is named for what the words above it say
        timer = Block(get_ready, self.ring, grow=1)
        # side by side: the words over the drawing, the ring beside them; stacked: the words across the top,
        # the ring and the drawing side by side under them
        self.grid = grid = AdaptiveGrid()
        grid.place(words, (0, 0, 1, 1), (0, 0, 1, 2))
        grid.place(self.illustration, (1, 0, 1, 1), (1, 1, 1, 1))
        grid.place(timer, (0, 1, 2, 1), (1, 0, 1, 1))
        grid.set_stretches(False, rows=(0, 1), columns=(2, 1))
        grid.set_stretches(True, rows=(0, 1), columns=(1, 1))
        outer.addLayout(grid, 1)
        self.set_narrow(False)

    def set_narrow(self, narrow: bool) -> None:
        self.grid.arrange(narrow)

    def show_step(self, step: Step, engine: SessionEngine) -> None:
        ex = step.exercise
        assert ex is not None
        count = len(engine.plan.program.exercises)
        self.kicker.setText(_("Exercise {number} of {count}").format(number=step.exercise_index + 1, count=count))
        self.name.setText(content(ex.name))
        setup = content(ex.setup)
        if ex.default_variant:
            variant = next(v for v in ex.variants if v.id == ex.default_variant)
            setup = _("{setup} ({variant} version.)").format(setup=content(variant.setup),
                                                            variant=content(variant.name))
        self.setup.setText(setup)
        self.dosage.setText(" · ".join(t for t in (dosage_text(ex), tempo_text(ex)) if t))
        self.cues.setText("\n".join(f"• {content(c)}" for c in ex.cues))
        self.watch.setText(_("Watch for: {signs}").format(signs=" ".join(content(c) for c in ex.compensations)))
        self.illustration.set_exercise(ex.id)
        self.refresh(engine)

    def refresh(self, engine: SessionEngine) -> None:
        self.ring.set_time(engine.remaining(), engine.step.duration)
