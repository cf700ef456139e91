"""The quick rating after each exercise: pelvis neutral (1 yes, 2 mostly, 3 no), then last reps hard (1 yes, 2 no).

One keystroke per question, or a click; Enter skips what is left. The answers feed the coaching rules.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from psoas_coach.core.history import Control
from psoas_coach.i18n import LazyText, _, content, lazy
from psoas_coach.ui.focus_handover import HandsFocusOn
from psoas_coach.ui.text_scale import follow_window, set_scaled_font
from psoas_coach.ui.widgets.text import label

CONTROL_CHOICES = ((Qt.Key.Key_1, lazy("1 · Yes"), Control.YES), (Qt.Key.Key_2, lazy("2 · Mostly"), Control.MOSTLY),
                   (Qt.Key.Key_3, lazy("3 · No"), Control.NO))
HARD_CHOICES = ((Qt.Key.Key_1, lazy("1 · Yes, hard"), True), (Qt.Key.Key_2, lazy("2 · No, easy"), False))


class QuickRating(HandsFocusOn, QFrame):
    """Asks the two questions about one exercise; emits ``rated`` once both are answered (or skipped). It has the
    keyboard while it asks; as it hides, the focus goes on to the next control (the summary's first field)."""

    rated = Signal(str, object, object)  # exercise id, Control | None, bool | None
    finished = Signal()  # both questions answered or skipped; the panel hides itself

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quick-rating")
        follow_window(self)  # read from the mat at any window size, as the ring is
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.exercise_id = ""
        self.hand_on = False
        self.control: Control | None = None
        self.hard: bool | None = None
        self._question = 0  # 0: pelvis, 1: last reps, 2: done
        layout = QVBoxLayout(self)
        self.title = label("", 1.3, bold=True, name="rating-title")
        layout.addWidget(self.title)
        self.control_row, self.control_buttons = self._row(_("Pelvis neutral the whole time?"), CONTROL_CHOICES, 0)
        self.hard_row, self.hard_buttons = self._row(_("Were the last reps hard?"), HARD_CHOICES, 1)
        layout.addWidget(self.control_row)
        layout.addWidget(self.hard_row)
        self.hint = label(_("Press a number key or click; answers are optional."), 1.0, name="rating-hint")
        layout.addWidget(self.hint)
        self.hide()

    def _row(self, question: str, choices: tuple[tuple[Qt.Key, LazyText, object], ...], index: int
             ) -> tuple[QWidget, list[QPushButton]]:
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(label(question, 1.3), 1)
        buttons = []
        for number, (_key, text, value) in enumerate(choices, 1):
            button = QPushButton(str(text))
            answer = str(text).split(" · ", 1)[-1]  # the chip's words without its key number
            # named by question and answer, so the chip means something heard on its own
            button.setAccessibleName(f"{question} {answer}")
            button.setAccessibleDescription(_("Key {number}").format(number=number))
            set_scaled_font(button, 1.2, bold=True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setCheckable(True)
            button.clicked.connect(lambda _checked=False, v=value, i=index: self.answer(i, v))
            box.addWidget(button)
            buttons.append(button)
        return row, buttons

    def ask(self, exercise_id: str, name: str, *, hand_on: bool = False) -> None:
        """Show the questions for one exercise and take the keyboard. With *hand_on* (on the summary, whose
        own ratings wait below), a number these questions have no answer for ends them and goes on to what
        takes the keyboard next: a 7 meant for the effort is not swallowed."""
        self.hand_on = hand_on
        self.exercise_id = exercise_id
        self.control, self.hard, self._question = None, None, 0
        self.title.setText(_("{exercise}: how did it go?").format(exercise=content(name)))
        for button in self.control_buttons + self.hard_buttons:
            button.setChecked(False)
        self._mark()
        self.show()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def asking(self) -> bool:
        return self.isVisible() and self._question < 2

    def answer(self, question: int, value: object) -> None:
        if question == 0:
            assert value is None or isinstance(value, Control)
            self.control = value
            for button, choice in zip(self.control_buttons, CONTROL_CHOICES):
                button.setChecked(choice[2] is value)
            self._question = max(self._question, 1)
        else:
            assert value is None or isinstance(value, bool)
            self.hard = value
            for button, option in zip(self.hard_buttons, HARD_CHOICES):
                button.setChecked(option[2] is value)
            self._question = 2
        self._mark()
        self.rated.emit(self.exercise_id, self.control, self.hard)
        if self._question >= 2:
            self.done()

    def skip(self) -> None:
        """Leave the unanswered questions empty and close."""
        if self.isVisible():
            self._question = 2
            self.done()

    def done(self) -> None:
        self.hide()
        self.finished.emit()

    def _mark(self) -> None:
        self.control_row.setEnabled(self._question == 0)
        self.hard_row.setEnabled(self._question == 1)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            self.skip()
            event.ignore()  # let the window act on Enter too (next / save)
            return
        choices = CONTROL_CHOICES if self._question == 0 else HARD_CHOICES if self._question == 1 else ()
        for choice_key, _text, value in choices:
            if key == choice_key:
                self.answer(self._question, value)
                return
        if self.hand_on and event.text().isdigit() and self.isVisible():
            self.skip()  # the summary's rating takes the keyboard (ui.coaching), and this key with it
            target = QApplication.focusWidget()
            if target is not None and target is not self:
                QApplication.sendEvent(target, QKeyEvent(event.type(), event.key(), event.modifiers(), event.text()))
            return
        super().keyPressEvent(event)
