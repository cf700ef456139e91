"""Window size, position, full screen and the last program, remembered between runs (an INI file in
the config dir, through QSettings, since geometry is Qt's own byte format)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

from psoas_coach.i18n import _
from psoas_coach.paths import ensure_private_dir
from psoas_coach.store.aside import set_aside

FILE_NAME = "window.ini"


MAX_FILE_BYTES = 64 * 1024


class WindowState:
    def __init__(self, config_dir: Path) -> None:
        self.path = config_dir / FILE_NAME
        self.problem: str | None = None
        self._set_aside_if_unusable()
        self.settings = QSettings(str(self.path), QSettings.Format.IniFormat)

    def _set_aside_if_unusable(self) -> None:
        """Qt reads whatever is at the path: a FIFO would hang start-up, /dev/zero would fill memory. Anything
        but a small regular file is set aside first (and the window starts at its default size)."""
        try:
            info = os.lstat(self.path)
        except OSError:
            return
        if stat.S_ISREG(info.st_mode) and info.st_size <= MAX_FILE_BYTES:
            return
        aside = set_aside(self.path)
        if aside is not None:
            self.problem = _("{path} was not a small regular file, so it was moved to {file}.").format(
                path=self.path, file=aside.name)
        else:
            self.problem = _("{path} was not a small regular file, so it was ignored.").format(path=self.path)

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
        try:
            ensure_private_dir(self.path.parent)
        except OSError:
            return  # a window's size is not worth a message
        self.settings.setValue("window/geometry", window.saveGeometry())
        self.settings.setValue("window/fullscreen", "true" if window.isFullScreen() else "false")
        if last_program:
            self.settings.setValue("session/last_program", last_program)
        self.settings.sync()
        if os.name == "posix" and self.path.is_file() and not self.path.is_symlink():
            try:
                os.chmod(self.path, 0o600)  # Qt writes it with the umask's permissions
            except OSError:
                pass
