"""Banners (on home's first frame, so no Qt enum is named here: ui/qt_values): notices and non-urgent questions inside the window, never a dialog that takes the keyboard away.

A notice banner shows the latest few lines; a question banner asks one yes/no question (Y or N, or its
buttons; Enter answers with the focused button) and calls back with the answer. Only ending a session
early still asks through a dialog (main_window), because it cannot wait.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from psoas_coach.i18n import _
from psoas_coach.ui.text_scale import design_size, follow_window, set_scaled_font
from psoas_coach.ui.theme import TOUCH, Space, Type
from psoas_coach.ui.widgets.card import Card
from psoas_coach.ui.widgets.flow_row import FlowRow
from psoas_coach.ui.widgets.text import label

MAX_NOTICES = 3
INFO_MARK = "ℹ"  # noqa: RUF001 - the information sign, so a notice is not told by its colour alone
QUESTION_MARK = "?"


class NoticeBanner(Card):
    """One to three plain lines, newest first, so one notice never hides another; hidden when empty."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, row=True, name=f"{name}-banner", padding=Space.S)
        follow_window(self)
        self.mark = label(INFO_MARK, Type.LEAD, bold=True, wrap=False)
        self.mark.setAccessibleName(_("Notice"))
        self.add(self.mark)
        self.notice = label("", Type.BODY, name=name)
        self.add(self.notice, 1)
        self.lines: list[str] = []
        self.hide()

    def set_notice(self, text: str) -> None:
        if not text:
            self.lines = []
        elif text not in self.lines:
            self.lines = [text, *self.lines][:MAX_NOTICES]
        self.notice.setText("\n".join(self.lines))
        self.setVisible(bool(self.lines))


class QuestionBanner(Card):
    """Asks one yes/no question at a time; the answer goes to the callback given with it."""

    def __init__(self, window: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent, name="question-banner", padding=Space.M, emphasis=True)
        follow_window(self)  # its type grows with the window, as the screens around it do
        top = QWidget()
        row = QHBoxLayout(top)
        row.setContentsMargins(0, 0, 0, 0)
        mark = label(QUESTION_MARK, Type.HEADLINE, bold=True, wrap=False)
        mark.setAccessibleName(_("Question"))
        row.addWidget(mark)
        self.question = label("", Type.LEAD, name="question-text")
        row.addWidget(self.question, 1)
        self.add(top)
        buttons = FlowRow()
        self.yes_button = QPushButton()
        self.yes_button.setObjectName("question-yes")
        self.no_button = QPushButton()
        self.no_button.setObjectName("question-no")
        for button in (self.yes_button, self.no_button):
            set_scaled_font(button, Type.LEAD, bold=True)
            design_size(button, min_height=TOUCH)
            button.setAutoDefault(True)  # Enter answers with the focused button
            buttons.add(button)
        self.add(buttons)
        self.yes_button.clicked.connect(lambda: self.answer(True))
        self.no_button.clicked.connect(lambda: self.answer(False))
        self._callback: Callable[[bool], None] | None = None
        self.shortcuts = []
        for key, value in (("Y", True), ("N", False)):
            shortcut = QShortcut(QKeySequence(key), window)
            shortcut.setEnabled(False)
            shortcut.activated.connect(lambda v=value: self.answer(v))
            self.shortcuts.append(shortcut)
        self.hide()

    @property
    def pending(self) -> bool:
        return self._callback is not None

    def ask(self, question: str, yes: str, no: str, answered: Callable[[bool], None]) -> None:
        """Show *question* with *yes* (Y) and *no* (N) and take the keyboard; *answered* gets the answer."""
        self.question.setText(question)
        self.yes_button.setText(_("{answer} (Y)").format(answer=yes))
        self.no_button.setText(_("{answer} (N)").format(answer=no))
        self._callback = answered
        for shortcut in self.shortcuts:
            shortcut.setEnabled(True)
        self.show()
        self.yes_button.setFocus()

    def answer(self, value: bool) -> None:
        callback, self._callback = self._callback, None
        for shortcut in self.shortcuts:
            shortcut.setEnabled(False)
        self.hide()
        if callback is not None:
            callback(value)


class BannerSlot(QWidget):
    """The room a banner takes at the top of a window, its margins included, shown only while the banner is:
    a hidden banner in a layout with margins would still leave a band of the window's colour above the page
    (a session's phase colour would start 16 px below the window's top edge)."""

    def __init__(self, banner: QWidget, left: int, top: int, right: int, bottom: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.banner = banner
        box = QHBoxLayout(self)
        box.setContentsMargins(left, top, right, bottom)
        box.addWidget(banner)
        self.setVisible(not banner.isHidden())
        banner.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        # ShowToParent and HideToParent come with the banner's own show() and hide(), also while the slot is
        # hidden (when a plain Show would not come)
        if watched is self.banner and event.type() in (QEvent.Type.ShowToParent, QEvent.Type.HideToParent):
            self.setVisible(not self.banner.isHidden())
        return super().eventFilter(watched, event)
