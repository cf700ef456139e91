"""The real dialogs the window asks through: a yes/no question, a save-file chooser, running a dialog.

Each is a plain function handed to the window's objects (``ui.startup.Seams``), so tests hand in their own.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from psoas_coach.i18n import _

AskFn = Callable[[QWidget, str, str], bool]
ChooseFileFn = Callable[[QWidget, str], "str | None"]
RunDialogFn = Callable[[QDialog], bool]


def ask_yes_no(parent: QWidget, title: str, question: str) -> bool:
    answer = QMessageBox.question(parent, title, question, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def choose_session_export(parent: QWidget, suggested: str) -> str | None:
    path, _filter = QFileDialog.getSaveFileName(parent, _("Export the session"), suggested, _("JSON files (*.json)"))
    return path or None


def choose_report_file(parent: QWidget, suggested: str) -> str | None:
    path, _filter = QFileDialog.getSaveFileName(parent, _("Save the report"), suggested, _("PDF files (*.pdf)"))
    return path or None


def run_dialog(dialog: QDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted
