"""The real dialogs the window asks through: a yes/no question, a save-file chooser, running a dialog.

Each is a plain function handed to the window's objects (``ui.startup.Seams``), so tests hand in their own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from psoas_coach.i18n import _

if TYPE_CHECKING:  # imported when first used: the window is built before its first paint without them
    from PySide6.QtWidgets import QDialog

AskFn = Callable[[QWidget, str, str], bool]
ChooseFileFn = Callable[[QWidget, str], "str | None"]
RunDialogFn = Callable[["QDialog"], bool]


def ask_yes_no(parent: QWidget, title: str, question: str) -> bool:
    from PySide6.QtWidgets import QMessageBox

    answer = QMessageBox.question(parent, title, question, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def choose_session_export(parent: QWidget, suggested: str) -> str | None:
    from PySide6.QtWidgets import QFileDialog

    path, _filter = QFileDialog.getSaveFileName(parent, _("Export the session"), suggested, _("JSON files (*.json)"))
    return path or None


def choose_report_file(parent: QWidget, suggested: str) -> str | None:
    from PySide6.QtWidgets import QFileDialog

    path, _filter = QFileDialog.getSaveFileName(parent, _("Save the report"), suggested, _("PDF files (*.pdf)"))
    return path or None


def run_dialog(dialog: QDialog) -> bool:
    from PySide6.QtWidgets import QDialog

    return dialog.exec() == QDialog.DialogCode.Accepted
