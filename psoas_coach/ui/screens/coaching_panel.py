"""The home screen's coaching part: today's line, proposals to accept or decline, and the control status."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from psoas_coach.i18n import _, content, labelled
from psoas_coach.ui.qt_values import TAB_FOCUS
from psoas_coach.ui.text_scale import design_size, fit_to_parent, set_scaled_font
from psoas_coach.ui.theme import TOUCH, Type
from psoas_coach.ui.widgets.buttons import text_button
from psoas_coach.ui.widgets.text import label

if TYPE_CHECKING:  # the panel is on home at the first paint; the rules load after it
    from psoas_coach.core.progression import ControlStatus, Proposal


class ProposalRow(QWidget):
    """One proposal: its reason in one sentence, Accept and Decline."""

    decided = Signal(object, bool)  # Proposal, accepted

    def __init__(self, proposal: Proposal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.proposal = proposal
        self.setObjectName("proposal-row")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        words = labelled(content(proposal.exercise_name), proposal.reason) if proposal.exercise_name else proposal.reason
        self.text = label(words, Type.BODY, name="proposal-text")
        row.addWidget(self.text, 1)
        self.accept_button = text_button(_("Accept"))
        self.accept_button.setObjectName("proposal-accept")
        self.decline_button = text_button(_("Decline"))
        self.decline_button.setObjectName("proposal-decline")
        for button in (self.accept_button, self.decline_button):
            set_scaled_font(button, Type.BODY, bold=True)
            design_size(button, min_height=TOUCH)
            row.addWidget(button)
        self.accept_button.clicked.connect(lambda: self.decided.emit(self.proposal, True))
        self.decline_button.clicked.connect(lambda: self.decided.emit(self.proposal, False))


class CoachingPanel(QWidget):
    """Sits on the home screen. The controller fills it; it only shows and reports clicks and keys."""

    decided = Signal(object, bool)  # Proposal, accepted
    range_notes_requested = Signal()
    report_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coaching-panel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.today = label("", Type.TITLE, bold=True, name="home-today")  # read from the mat, 2 m away
        # one line kept for today's advice, which comes just after the first paint: home does not jump
        design_size(self.today, min_height=self.today.fontMetrics().lineSpacing())
        layout.addWidget(self.today)
        self.proposals_title = label(_("Suggested for next time (A accepts, D declines the first):"), Type.BODY, bold=True,
                                     name="proposals-title")
        layout.addWidget(self.proposals_title)
        self.proposals_box = QVBoxLayout()
        layout.addLayout(self.proposals_box)
        self.control = label("", Type.SMALL, name="home-control")
        layout.addWidget(self.control)
        tools = QHBoxLayout()
        self.range_button = text_button(_("Range notes…"))
        self.range_button.setObjectName("home-range-notes")
        self.report_button = text_button(_("Report for a therapist…"))
        self.report_button.setObjectName("home-report")
        for button in (self.range_button, self.report_button):
            button.setProperty("focusPolicy", TAB_FOCUS)  # by number: on home's first frame (qt_values)
            set_scaled_font(button, Type.BODY)
            design_size(button, min_height=TOUCH)
            tools.addWidget(button)
        tools.addStretch(1)
        layout.addLayout(tools)
        self.range_button.clicked.connect(self.range_notes_requested.emit)
        self.report_button.clicked.connect(self.report_requested.emit)
        self.rows: list[ProposalRow] = []
        accept = QShortcut(QKeySequence("A"), self)
        accept.activated.connect(lambda: self._decide_first(True))
        decline = QShortcut(QKeySequence("D"), self)
        decline.activated.connect(lambda: self._decide_first(False))
        self.set_proposals([])

    def set_today(self, text: str) -> None:
        self.today.setText(text)

    def set_control(self, statuses: Sequence[ControlStatus], program_name: str) -> None:
        """The Foundation -> Advanced rule, shown as progress per exercise."""
        if not statuses or all(s.good_sessions == 0 for s in statuses):
            self.control.setText("")
            self.control.setVisible(False)
            return
        parts = "; ".join(s.text for s in statuses)
        self.control.setText(_("Control in {program} (4 good sessions over 14 days each moves you on): {parts}.")
                             .format(program=content(program_name), parts=parts))
        self.control.setVisible(True)

    def set_proposals(self, proposals: Sequence[Proposal]) -> None:
        for row in self.rows:
            self.proposals_box.removeWidget(row)
            row.hide()  # off the screen at once; deleted when the event loop runs
            row.deleteLater()
        self.rows = []
        for proposal in proposals:
            row = ProposalRow(proposal)
            row.decided.connect(self.decided.emit)
            self.proposals_box.addWidget(row)
            row.setVisible(True)  # a child added to a shown panel stays hidden unless told
            self.rows.append(row)
        fit_to_parent(self.rows)
        self.proposals_title.setVisible(bool(self.rows))

    def _decide_first(self, accepted: bool) -> None:
        if self.rows:
            self.decided.emit(self.rows[0].proposal, accepted)
