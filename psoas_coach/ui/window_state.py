"""Window size, position, full screen and the last program, remembered between runs (an INI file in
the config dir, through QSettings, since geometry is Qt's own byte format)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

FILE_NAME = "window.ini"


class WindowState:
    def __init__(self, config_dir: Path) -> None:
        self.path = config_dir / FILE_NAME
        self.settings = QSettings(str(self.path), QSettings.Format.IniFormat)

    def restore_geometry(self, window: QMainWindow) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            window.restoreGeometry(geometry)

    @property
    def fullscreen(self) -> bool:
        return str(self.settings.value("window/fullscreen", "false")).lower() == "true"

    @property
    def last_program(self) -> str | None:
        program = self.settings.value("session/last_program")
        return str(program) if program else None

    def save(self, window: QMainWindow, last_program: str | None) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.settings.setValue("window/geometry", window.saveGeometry())
        self.settings.setValue("window/fullscreen", "true" if window.isFullScreen() else "false")
        if last_program:
            self.settings.setValue("session/last_program", last_program)
        self.settings.sync()
