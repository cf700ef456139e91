"""The range notes dialog: a note per exercise of one program ("knee only to hip height").

A module of its own, imported when the dialog opens: the coaching panel is on home's first frame, and
a QDialog subclass made at import would build the dialog classes' enum types before it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from psoas_coach.i18n import _, content

if TYPE_CHECKING:
    from psoas_coach.core.levels import ExerciseLevel
    from psoas_coach.core.program import Program


class RangeNotesDialog(QDialog):
    """A range note per exercise of one program ("knee only to hip height"), shown on its intro screen."""

    def __init__(self, program: Program, levels: dict[str, ExerciseLevel], parent: QWidget | None = None) -> None:
        from psoas_coach.core.levels import level_for

        super().__init__(parent)
        self.setWindowTitle(_("Range notes — {program}").format(program=content(program.name)))
        self.program = program
        form = QFormLayout(self)
        self.edits: dict[str, QLineEdit] = {}
        for ex in program.exercises:
            edit = QLineEdit(level_for(ex, levels).range_note)
            edit.setObjectName(f"range-{ex.id}")
            edit.setPlaceholderText(_("e.g. Lift only until the lower back starts to move."))
            form.addRow(content(ex.name), edit)
            self.edits[ex.id] = edit
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def notes(self) -> dict[str, str]:
        return {ex_id: edit.text().strip() for ex_id, edit in self.edits.items()}
