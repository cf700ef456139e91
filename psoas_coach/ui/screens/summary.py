"""Summary: what was done per exercise and side, then effort (1-10), pain (0-10) and notes to save."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from psoas_coach.core import safety
from psoas_coach.core.describe import clock_text
from psoas_coach.core.engine import Outcome, SessionEngine
from psoas_coach.core.names import exercise_name
from psoas_coach.core.plan import Side, Step
from psoas_coach.core.summary import ExerciseTotals, summarize
from psoas_coach.i18n import _, content, lazy, number
from psoas_coach.ui.screens.base import StepScreen
from psoas_coach.ui.text_scale import set_scaled_font
from psoas_coach.ui.widgets.text import label

HEADLINES = {
    Outcome.COMPLETED: lazy("Session complete. Well done."),
    Outcome.ENDED_EARLY: lazy("Session ended early. What you did is kept."),
    Outcome.PAIN_STOP: safety.PAIN_STOP_TITLE,
}


def totals_lines(totals: list[ExerciseTotals]) -> list[str]:
    lines = []
    for t in totals:
        name = exercise_name(t.exercise_id, t.name)
        if not t.sides:
            lines.append(_("{exercise}: not reached").format(exercise=name))
            continue
        parts = []
        for side, s in t.sides.items():
            prefix = "" if side == "both" else (_("left") if side == "left" else _("right")) + ": "
            if t.kind == "reps":
                parts.append(prefix + _("{done}/{target} sets, {reps} reps").format(
                    done=s.sets_completed, target=t.target_sets, reps=s.reps))
            elif t.kind == "hold":
                parts.append(prefix + _("{done}/{target} sets, {holds} holds, {seconds} s held").format(
                    done=s.sets_completed, target=t.target_sets, holds=s.holds, seconds=number(s.hold_seconds)))
            else:
                parts.append(prefix + _("{done}/{target} rounds, {seconds} s").format(
                    done=s.sets_completed, target=t.target_sets, seconds=number(s.work_seconds)))
        lines.append(f"{name} — " + "; ".join(parts))
    return lines


NOT_RATED = lazy("not rated")
RATE_PROMPT = lazy("Rate the session (arrow keys or a number), then press Enter to save.")
PAIN_PROMPT = lazy("How strong was the pain (0-10)? Rate it, then press Enter to save.")


class RatingBox(QSpinBox):
    """A *low*-*high* rating that starts as "not rated" (the value just below *low*), so nothing is
    recorded that the user did not say: an Enter pressed by habit saves no made-up effort or pain.
    Arrow keys step from "not rated" to *low*; a typed number replaces "not rated"."""

    def __init__(self, low: int, high: int) -> None:
        super().__init__()
        self.setRange(low - 1, high)
        self.setSpecialValueText(str(NOT_RATED))  # shown for the minimum
        self.setValue(low - 1)

    def rating(self) -> int | None:
        return None if self.value() == self.minimum() else self.value()

    def clear_rating(self) -> None:
        self.setValue(self.minimum())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if self.rating() is None and event.text().isdigit():
            self.selectAll()  # the digit replaces the words instead of being appended to them
        super().keyPressEvent(event)


class SummaryScreen(StepScreen):
    save_requested = Signal(object, object, str)  # effort 1-10 or None, pain 0-10 or None, notes
    home_requested = Signal()
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 16, 48, 16)
        self.headline = label("", 2.4, bold=True, name="summary-headline")
        self.advice = label(str(safety.PAIN_STOP_ADVICE), 1.5, bold=True, name="summary-advice")
        # only shown on the pain colour, whose text is white
        self.advice.setStyleSheet("color: white; background: rgba(0, 0, 0, 0.25); padding: 12px;"
                                  " border: 3px solid white; border-radius: 8px;")
        self.duration = label("", 1.2)
        self.totals = label("", 1.15, name="summary-totals")
        for w in (self.headline, self.advice, self.duration, self.totals):
            layout.addWidget(w)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # large text: the label above its field
        self.effort = RatingBox(1, 10)
        self.effort.setObjectName("summary-effort")
        self.pain = RatingBox(0, 10)
        self.pain.setObjectName("summary-pain")
        self.notes = QLineEdit()
        self.notes.setObjectName("summary-notes")
        self.notes.setPlaceholderText(_("How did it feel? Anything to tell your physical therapist?"))
        for field in (self.effort, self.pain, self.notes):
            set_scaled_font(field, 1.5)
        for text, field in ((_("Effort (1 easy – 10 maximal)"), self.effort), (_("Any pain (0 none – 10 worst)"), self.pain),
                            (_("Notes"), self.notes)):
            form.addRow(label(text, 1.3), field)
            field.setAccessibleName(text)  # a screen reader names the field by the words beside it
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(_("Save (Enter)"))
        self.save_button.setObjectName("summary-save")
        self.home_button = QPushButton(_("Back to start"))
        self.home_button.setObjectName("summary-home")
        self.export_button = QPushButton(_("Export this session…"))
        self.export_button.setObjectName("summary-export")
        self.export_button.hide()
        for b in (self.save_button, self.export_button, self.home_button):
            set_scaled_font(b, 1.4, bold=True)
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self.pain_first = False  # after a pain stop the pain is asked first
        self.status = label("", 1.2, name="summary-status")
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
        self.advice.setVisible(outcome is Outcome.PAIN_STOP)
        result = engine.result
        if result is not None:
            where = ""
            pain = result.pain_stop
            if pain is not None and pain.exercise_id is not None:
                stopped = content(engine.plan.program.exercise(pain.exercise_id).name)
                if pain.side in ("left", "right"):
                    where = " · " + _("stopped during {exercise}, {side}").format(
                        exercise=stopped, side=Side(pain.side).side_label.lower())
                else:
                    where = " · " + _("stopped during {exercise}").format(exercise=stopped)
            self.duration.setText(f"{content(engine.plan.program.name)} · "
                                  f"{clock_text(result.ended_wall - result.started_wall)}{where}")
            self.totals.setText("\n".join(totals_lines(summarize(result))))
        self.pain_first = outcome is Outcome.PAIN_STOP
        self.status.setText(self.prompt)
        self.first_rating().setFocus()

    def first_rating(self) -> RatingBox:
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
