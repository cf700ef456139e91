"""The first-run safety screen: the article's caution, accepted once and kept."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from psoas_coach.i18n import _, lazy
from psoas_coach.ui.text_scale import set_scaled_font
from psoas_coach.ui.widgets.text import label

CAUTION = (
    lazy("If you already have discomfort in your back or hips, talk to a physical therapist before you start "
    "a new strengthening routine."),
    lazy("Stop at once if an exercise causes sharp pain in the lower back or groin: press P. Next time the coach "
    "will suggest a smaller range or less load, and to see a physical therapist if it happens again."),
    lazy("Keep a neutral pelvis: the lower back stays gently pressed to the floor. Move slowly and with control."),
)


class SafetyScreen(QWidget):
    """Shown until the user accepts; ``accepted`` fires on the button or Enter."""

    accepted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("safety-screen")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 32, 64, 32)
        layout.setSpacing(20)
        layout.addWidget(label(_("Before your first session"), 2.6, bold=True, name="safety-title"))
        for text in CAUTION:
            layout.addWidget(label(str(text), 1.5))
        layout.addStretch(1)
        self.accept_button = QPushButton(_("I understand — continue (Enter)"))
        self.accept_button.setObjectName("safety-accept")
        set_scaled_font(self.accept_button, 1.6, bold=True)
        self.accept_button.setMinimumHeight(56)
        self.accept_button.clicked.connect(self.accepted.emit)
        layout.addWidget(self.accept_button)
        self.status = label("", 1.1, name="safety-status")
        layout.addWidget(self.status)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accepted.emit()
            return
        super().keyPressEvent(event)
