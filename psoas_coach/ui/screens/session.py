"""The session view: the screen for the current step, the phase colour, captions and the control bar."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QToolButton, QVBoxLayout, QWidget

from psoas_coach.core.engine import Outcome, SessionEngine, SessionState
from psoas_coach.core.plan import Step, StepKind
from psoas_coach.i18n import _, content, labelled
from psoas_coach.ui.accessibility import Announcer, order_tabs, set_name, spoken_text
from psoas_coach.ui.screens.base import StepScreen
from psoas_coach.ui.screens.briefing import BriefingScreen
from psoas_coach.ui.screens.intro import IntroScreen
from psoas_coach.ui.screens.reps import RepsScreen
from psoas_coach.ui.screens.summary import SummaryScreen
from psoas_coach.ui.screens.timer import TimerScreen
from psoas_coach.ui.text_scale import design_size, follow_window, set_scaled_font
from psoas_coach.ui.theme import LIGHT, PHASE_MARKS, PHASE_NAMES, PhaseColour, Theme, apply_phase, phase_colour
from psoas_coach.ui.widgets.adaptive_grid import is_narrow, least_height
from psoas_coach.ui.widgets.flow_row import FlowRow
from psoas_coach.ui.widgets.scrolling import ScrollArea, scroll_key
from psoas_coach.ui.widgets.text import label


class CurrentPageStack(QStackedWidget):
    """A stack as tall as the page it shows: in the scroll area, a long briefing must not make the rep
    set scroll (QStackedWidget asks every page for its height). A page that fills the view (a ring, a
    counter, a drawing) asks only for its smallest height, so it shrinks to the view and scrolls only
    when even that does not fit."""

    def _page(self) -> QWidget | None:
        return self.currentWidget()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        page = self._page()
        return page is not None and page.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        page = self._page()
        if page is None:
            return -1
        return least_height(page, width) if isinstance(page, StepScreen) and page.fills_view else page.heightForWidth(width)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        page = self._page()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        page = self._page()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()


class SessionView(QWidget):
    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None, *, theme: Theme = LIGHT,
                 announcer: Announcer | None = None, reduced_motion: bool = False) -> None:
        super().__init__(parent)
        self.engine: SessionEngine | None = None
        self.theme = theme
        self.announcer = announcer if announcer is not None else Announcer(self)
        # every step screen's words, the header, captions and the keys' buttons grow with the window, as the
        # ring and the rep counter do (those two size themselves to the room they are given)
        follow_window(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        header = QHBoxLayout()
        self.phase_badge = label("", 1.5, bold=True, wrap=False, name="phase-badge")
        self.program_label = label("", 1.1, wrap=False)
        self.paused_label = label(_("PAUSED — press Space to resume"), 1.6, bold=True, wrap=False, name="paused")
        keep = self.paused_label.sizePolicy()
        keep.setRetainSizeWhenHidden(True)  # the header keeps its height: pausing must not move the screen below
        self.paused_label.setSizePolicy(keep)
        self.paused_label.hide()
        header.addWidget(self.phase_badge)
        header.addStretch(1)
        header.addWidget(self.paused_label)
        header.addStretch(1)
        header.addWidget(self.program_label)
        layout.addLayout(header)
        self.stack = CurrentPageStack()
        self.briefing = BriefingScreen()
        self.intro = IntroScreen()
        self.reps = RepsScreen()
        self.timer = TimerScreen()
        self.summary = SummaryScreen()
        for screen in (self.briefing, self.intro, self.reps, self.timer, self.summary):
            self.stack.addWidget(screen)
        # at a large text size a screen may be taller than the window: it scrolls rather than cut text off
        self.scroller = ScrollArea("session-scroll")
        self.scroller.setWidget(self.stack)
        self.scroller.viewport().setAutoFillBackground(False)  # the phase colour shows through
        self.scroller.installEventFilter(self)  # every screen is arranged for the view's shape (arrange)
        layout.addWidget(self.scroller, 1)
        self.caption = label("", 1.8, bold=True, center=True, name="caption")
        design_size(self.caption, min_height=self.caption.fontMetrics().height() * 2)
        layout.addWidget(self.caption)
        self.control_bar = FlowRow()  # one row, or more when large text needs them
        self.control_bar.setObjectName("control-bar")
        self.buttons: dict[str, QToolButton] = {}
        for action in actions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            set_scaled_font(button, 1.15, bold=True)
            design_size(button, min_height=44)
            button.setObjectName(f"button-{action.objectName()}")
            button.setAccessibleName(spoken_text(action.text()))
            action.changed.connect(lambda b=button, a=action: set_name(b, spoken_text(a.text())))
            action.changed.connect(self.fit_control_bar)  # Mute and Unmute differ in length
            self.buttons[action.objectName()] = button
            self.control_bar.add(button)
        self.control_bar.installEventFilter(self)
        layout.addWidget(self.control_bar)
        self.reps.reduced_motion = reduced_motion
        for ring in (self.timer.ring, self.intro.ring):
            ring.reduced_motion = reduced_motion

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.scroller and event.type() == QEvent.Type.Resize:
            self.arrange()
        elif isinstance(watched, FlowRow) and event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange):
            self.fit_control_bar()
        return super().eventFilter(watched, event)

    def fit_control_bar(self) -> None:
        """Every button on one row: each says what it does and its key on one line where that fits (1366x768),
        else with its key under its words ("Pause / resume" over "(Space)"), which keeps a 1024x600 window's bar,
        German's too, on one row of the same height; only if even that does not fit, a second row."""
        bar = self.control_bar
        buttons = [b for b in bar.items if isinstance(b, QToolButton)]
        wide = {b: (b.defaultAction().text() if b.defaultAction() is not None else b.text()) for b in buttons}
        for button, text in wide.items():
            if button.text() != text:
                button.setText(text)
        if bar.columns_for(max(1, bar.width())) < len(buttons):
            for button, text in wide.items():
                words, key = text.rsplit(" (", 1) if " (" in text else (text, "")
                button.setText(f"{words}\n({key}" if key else words)

    def arrange(self) -> None:
        """Every step screen side by side, or stacked in a narrow (or tall) view: one rule for all of them,
        from the space the screens are shown in (the scroll area, less the header, captions and buttons)."""
        view = self.scroller.maximumViewportSize()
        narrow = is_narrow(view.width(), view.height())
        for index in range(self.stack.count()):
            screen = self.stack.widget(index)
            if isinstance(screen, StepScreen):
                screen.set_narrow(narrow)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        """Up, Down, Page Up and Page Down scroll a screen taller than the window (a long briefing)."""
        if not scroll_key(self.scroller, event):
            super().keyPressEvent(event)

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
        self.caption.setText(text)  # in the tree for review; cues come every few seconds, so never announced

    def _on_step(self, step: Step) -> None:
        assert self.engine is not None
        colour = phase_colour(step.kind)
        if step.kind is StepKind.SUMMARY and self.engine.outcome is Outcome.PAIN_STOP:
            colour = PhaseColour.PAIN
        apply_phase(self, colour, self.theme)
        # the word and a mark of its own shape: no phase is told by colour alone
        self.phase_badge.setText(f"{PHASE_MARKS[colour]} {str(PHASE_NAMES[colour]).upper()}".strip())
        set_name(self.phase_badge, str(PHASE_NAMES[colour]))
        if step.kind is StepKind.SUMMARY:
            self.show_caption("")  # the summary speaks for itself; a stale form cue would mislead
        screen = self.screen_for(step.kind)
        self.stack.setCurrentWidget(screen)
        screen.show_step(step, self.engine)
        order_tabs(self)
        self.announcer.say(self, self.step_announcement(step))

    def step_announcement(self, step: Step) -> str:
        """What a new step is announced as: its phase, what it is and where in the session."""
        assert self.engine is not None
        if step.kind is StepKind.BRIEFING:
            return f"{self.briefing.title.text()}. {self.briefing.prompt.text()}"
        if step.kind is StepKind.INTRO:
            return f"{labelled(self.intro.kicker.text(), self.intro.name.text())}. {self.intro.setup.text()}"
        if step.kind is StepKind.SUMMARY:
            return self.summary.headline.text()
        phase = self.phase_badge.accessibleName()
        what = content(step.exercise.name) if step.kind is StepKind.REPS and step.exercise else step.title
        parts = [phase, "" if what.lower() == phase.lower() else what, step.position_label.replace(" · ", ", ")]
        return ". ".join(p for p in parts if p)

    def _on_state(self, state: SessionState) -> None:
        self.paused_label.setVisible(state is SessionState.PAUSED)
        if state is SessionState.PAUSED and self.isVisible():
            self.announcer.say(self, self.paused_label.text())
        elif state is SessionState.RUNNING:
            self.announcer.forget()
        # After the session only the summary's own buttons make sense; the bar would only distract.
        self.control_bar.setVisible(state is not SessionState.FINISHED)

    def phase(self) -> str:
        return str(self.property("phase") or "")
