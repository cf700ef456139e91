"""The session view: the screen for the current step, the phase colour, captions and the control bar."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QToolButton, QVBoxLayout, QWidget

from psoas_coach.core.engine import Outcome, SessionEngine, SessionState
from psoas_coach.core.plan import Step, StepKind
from psoas_coach.i18n import content
from psoas_coach.ui.screens.base import StepScreen
from psoas_coach.ui.screens.briefing import BriefingScreen
from psoas_coach.ui.screens.intro import IntroScreen
from psoas_coach.ui.screens.reps import RepsScreen
from psoas_coach.ui.screens.summary import SummaryScreen
from psoas_coach.ui.screens.timer import TimerScreen
from psoas_coach.ui.theme import PHASE_NAMES, PhaseColour, apply_phase, phase_colour, scaled_font
from psoas_coach.ui.widgets.text import label


class SessionView(QWidget):
    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine: SessionEngine | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        header = QHBoxLayout()
        self.phase_badge = label("", 1.5, bold=True, wrap=False, name="phase-badge")
        self.program_label = label("", 1.1, wrap=False)
        self.paused_label = label("PAUSED — press Space to resume", 1.6, bold=True, wrap=False, name="paused")
        self.paused_label.hide()
        header.addWidget(self.phase_badge)
        header.addStretch(1)
        header.addWidget(self.paused_label)
        header.addStretch(1)
        header.addWidget(self.program_label)
        layout.addLayout(header)
        self.stack = QStackedWidget()
        self.briefing = BriefingScreen()
        self.intro = IntroScreen()
        self.reps = RepsScreen()
        self.timer = TimerScreen()
        self.summary = SummaryScreen()
        for screen in (self.briefing, self.intro, self.reps, self.timer, self.summary):
            self.stack.addWidget(screen)
        layout.addWidget(self.stack, 1)
        self.caption = label("", 1.8, bold=True, center=True, name="caption")
        self.caption.setMinimumHeight(self.caption.fontMetrics().height() * 2)
        layout.addWidget(self.caption)
        self.control_bar = QWidget()
        self.control_bar.setObjectName("control-bar")
        bar = QHBoxLayout(self.control_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QToolButton] = {}
        for action in actions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setFont(scaled_font(self.font(), 1.15, bold=True))
            button.setMinimumHeight(44)
            button.setObjectName(f"button-{action.objectName()}")
            self.buttons[action.objectName()] = button
            bar.addWidget(button)
        layout.addWidget(self.control_bar)

    def screen_for(self, kind: StepKind) -> StepScreen:
        return {
            StepKind.BRIEFING: self.briefing,
            StepKind.INTRO: self.intro,
            StepKind.REPS: self.reps,
            StepKind.SUMMARY: self.summary,
        }.get(kind, self.timer)

    def bind(self, engine: SessionEngine) -> None:
        if self.engine is not None:
            self.engine.signals.step_changed.disconnect(self._on_step)
            self.engine.signals.state_changed.disconnect(self._on_state)
        self.engine = engine
        engine.signals.step_changed.connect(self._on_step)
        engine.signals.state_changed.connect(self._on_state)
        self.program_label.setText(content(engine.plan.program.name))
        self.summary.reset()
        self.show_caption("")
        self._on_state(engine.state)
        if engine.state is not SessionState.READY:  # a resumed session: show where it stopped
            self._on_step(engine.step)

    def current_screen(self) -> StepScreen:
        widget = self.stack.currentWidget()
        assert isinstance(widget, StepScreen)
        return widget

    def refresh(self) -> None:
        if self.engine is not None and self.engine.state is not SessionState.FINISHED:
            self.current_screen().refresh(self.engine)

    def show_caption(self, text: str) -> None:
        self.caption.setText(text)

    def _on_step(self, step: Step) -> None:
        assert self.engine is not None
        colour = phase_colour(step.kind)
        if step.kind is StepKind.SUMMARY and self.engine.outcome is Outcome.PAIN_STOP:
            colour = PhaseColour.PAIN
        apply_phase(self, colour)
        self.phase_badge.setText(PHASE_NAMES[colour].upper())
        if step.kind is StepKind.SUMMARY:
            self.show_caption("")  # the summary speaks for itself; a stale form cue would mislead
        screen = self.screen_for(step.kind)
        self.stack.setCurrentWidget(screen)
        screen.show_step(step, self.engine)

    def _on_state(self, state: SessionState) -> None:
        self.paused_label.setVisible(state is SessionState.PAUSED)
        # After the session only the summary's own buttons make sense; the bar would only distract.
        self.control_bar.setVisible(state is not SessionState.FINISHED)

    def phase(self) -> str:
        return str(self.property("phase") or "")
