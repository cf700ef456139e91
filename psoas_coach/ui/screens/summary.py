"""Summary: what was done per exercise and side (a card each), then effort (1-10) and pain (0-10) as large
chips, and notes to save."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QLineEdit, QVBoxLayout, QWidget

from psoas_coach.core import safety
from psoas_coach.core.describe import clock_text
from psoas_coach.core.engine import Outcome, SessionEngine
from psoas_coach.core.history import stop_place
from psoas_coach.core.names import exercise_name
from psoas_coach.core.plan import Step
from psoas_coach.core.summary import ExerciseTotals, summarize
from psoas_coach.i18n import _, content, lazy, ngettext, number
from psoas_coach.ui.screens.base import StepScreen
from psoas_coach.ui.text_scale import design_size, follow_window, set_scaled_font
from psoas_coach.ui.theme import TOUCH, Space, Type
from psoas_coach.ui.widgets.buttons import primary_button, secondary_button
from psoas_coach.ui.widgets.card import Card
from psoas_coach.ui.widgets.flow_row import ColumnGrid, FlowRow
from psoas_coach.ui.widgets.rating_chips import RatingChips
from psoas_coach.ui.widgets.text import label

RESULT_MIN_WIDTH = 240

HEADLINES = {
    Outcome.COMPLETED: lazy("Session complete. Well done."),
    Outcome.ENDED_EARLY: lazy("Session ended early. What you did is kept."),
    Outcome.PAIN_STOP: safety.PAIN_STOP_TITLE,
}


def side_lines(t: ExerciseTotals) -> list[str]:
    """What was done of one exercise, a line per side ("left: 3/3 sets, 30 reps")."""
    if not t.sides:
        return [_("not reached")]
    lines = []
    for side, s in t.sides.items():
        prefix = "" if side == "both" else (_("left") if side == "left" else _("right")) + ": "
        if t.kind == "reps":
            lines.append(prefix + ngettext("{done}/{target} sets, {reps} rep", "{done}/{target} sets, {reps} reps",
                                           s.reps).format(done=s.sets_completed, target=t.target_sets, reps=s.reps))
        elif t.kind == "hold":
            lines.append(prefix + ngettext("{done}/{target} sets, {holds} hold, {seconds} s held",
                                           "{done}/{target} sets, {holds} holds, {seconds} s held", s.holds).format(
                done=s.sets_completed, target=t.target_sets, holds=s.holds, seconds=number(s.hold_seconds)))
        else:
            lines.append(prefix + _("{done}/{target} rounds, {seconds} s").format(
                done=s.sets_completed, target=t.target_sets, seconds=number(s.work_seconds)))
    return lines


def totals_lines(totals: list[ExerciseTotals]) -> list[str]:
    """One line per exercise, its sides joined (the words a screen reader and the report read)."""
    lines = []
    for t in totals:
        name = exercise_name(t.exercise_id, t.name)
        if not t.sides:
            lines.append(_("{exercise}: not reached").format(exercise=name))
        else:
            lines.append(f"{name} — " + "; ".join(side_lines(t)))
    return lines


def result_card(t: ExerciseTotals) -> Card:
    """One exercise's result: its name, then a line per side."""
    card = Card(name="summary-result", padding=Space.S + Space.XS)
    card.add(label(exercise_name(t.exercise_id, t.name), Type.BODY, bold=True, name="summary-result-name"))
    card.add(label("\n".join(side_lines(t)), Type.SMALL, name="summary-result-sides"))
    return card


RATE_PROMPT = lazy("Rate the session (arrow keys or a number), then press Enter to save.")
PAIN_PROMPT = lazy("How strong was the pain (0-10)? Rate it, then press Enter to save.")


class SummaryScreen(StepScreen):
    save_requested = Signal(object, object, str)  # effort 1-10 or None, pain 0-10 or None, notes
    home_requested = Signal()
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        follow_window(self)  # its type and chips grow with the window, as the session's ring does
        layout = QVBoxLayout(self)
        layout.setContentsMargins(Space.XL, Space.S, Space.XL, Space.S)
        layout.setSpacing(Space.S + Space.XS)
        self.headline = label("", Type.TITLE, bold=True, name="summary-headline")
        self.advice_card = Card(name="summary-advice-card", emphasis=True)
        self.advice = label(str(safety.PAIN_STOP_ADVICE), Type.LEAD, bold=True, name="summary-advice")
        self.advice_card.add(self.advice)
        self.duration = label("", Type.LEAD, name="summary-duration")
        self.results = ColumnGrid(RESULT_MIN_WIDTH, spacing=Space.S)
        self.results.setObjectName("summary-results")
        self.totals = self.results  # what was done, per exercise and side
        for w in (self.headline, self.advice_card, self.duration, self.results):
            layout.addWidget(w)
        ratings = QGridLayout()
        ratings.setHorizontalSpacing(Space.L)
        ratings.setVerticalSpacing(Space.S)
        self.effort = RatingChips(1, 10)
        self.effort.setObjectName("summary-effort")
        self.pain = RatingChips(0, 10)
        self.pain.setObjectName("summary-pain")
        self.notes = QLineEdit()
        self.notes.setObjectName("summary-notes")
        self.notes.setPlaceholderText(_("How did it feel? Anything to tell your physical therapist?"))
        design_size(self.notes, min_height=TOUCH)
        for chips in (self.effort, self.pain):
            set_scaled_font(chips, Type.LEAD, bold=True)
        set_scaled_font(self.notes, Type.LEAD)
        fields: tuple[tuple[str, QWidget], ...] = ((_("Effort (1 easy – 10 maximal)"), self.effort),
                                                   (_("Any pain (0 none – 10 worst)"), self.pain), (_("Notes"), self.notes))
        for row, (text, widget) in enumerate(fields):
            ratings.addWidget(label(text, Type.LEAD, bold=True), row, 0, Qt.AlignmentFlag.AlignVCenter)
            ratings.addWidget(widget, row, 1)
            widget.setAccessibleName(text)  # a screen reader names the field by the words beside it
        ratings.setColumnStretch(0, 1)
        ratings.setColumnStretch(1, 3)
        layout.addLayout(ratings)
        self.buttons = FlowRow()
        self.save_button = primary_button(_("Save (Enter)"), "summary-save", self)
        self.home_button = secondary_button(_("Back to start"), "summary-home", self)
        self.export_button = secondary_button(_("Export this session…"), "summary-export", self)
        self.export_button.hide()
        for b in (self.save_button, self.export_button, self.home_button):
            self.buttons.add(b)
        layout.addWidget(self.buttons)
        self.pain_first = False  # after a pain stop the pain is asked first
        self.status = label("", Type.BODY, name="summary-status")
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.save_button.clicked.connect(self._emit_save)
        self.home_button.clicked.connect(self.home_requested.emit)
        self.export_button.clicked.connect(self.export_requested.emit)
        self.notes.returnPressed.connect(self._emit_save)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._emit_save()
            return
        super().keyPressEvent(event)

    def ratings(self) -> tuple[int | None, int | None]:
        """(effort, pain) as chosen; None for one left at "not rated"."""
        return self.effort.rating(), self.pain.rating()

    def _emit_save(self) -> None:
        effort, pain = self.ratings()
        self.save_requested.emit(effort, pain, self.notes.text().strip())

    def show_step(self, step: Step, engine: SessionEngine) -> None:
        outcome = engine.outcome or Outcome.ENDED_EARLY
        self.headline.setText(str(HEADLINES[outcome]))
        self.advice_card.setVisible(outcome is Outcome.PAIN_STOP)
        result = engine.result
        if result is not None:
            where = ""
            pain = result.pain_stop
            if pain is not None and pain.exercise_id is not None:
                name = engine.plan.program.exercise(pain.exercise_id).name
                where = " · " + _("stopped during {exercise}").format(
                    exercise=stop_place(pain.exercise_id, pain.side, name))
            self.duration.setText(f"{content(engine.plan.program.name)} · "
                                  f"{clock_text(result.ended_wall - result.started_wall)}{where}")
            totals = summarize(result)
            self.results.set_widgets([result_card(t) for t in totals])
            self.results.setAccessibleDescription("\n".join(totals_lines(totals)))
        self.pain_first = outcome is Outcome.PAIN_STOP
        self.status.setText(self.prompt)
        self.first_rating().setFocus()

    def first_rating(self) -> RatingChips:
        """The rating asked first: the pain after a pain stop, otherwise the effort."""
        return self.pain if self.pain_first else self.effort

    @property
    def prompt(self) -> str:
        return str(PAIN_PROMPT if self.pain_first else RATE_PROMPT)

    def set_status(self, text: str) -> None:
        self.status.setText(text)

    def offer_export(self, offer: bool) -> None:
        """Shown only while the disk refuses the session, so it can be kept elsewhere."""
        self.export_button.setVisible(offer)

    def reset(self) -> None:
        self.export_button.hide()
        self.effort.clear_rating()
        self.pain.clear_rating()
        self.notes.clear()
