"""The window icon carries every packaged size."""

from __future__ import annotations

from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from psoas_coach.resources import ICON_SIZES
from psoas_coach.ui.widgets.app_icon import app_icon


def test_app_icon_has_every_size(qtbot: QtBot) -> None:
    icon = app_icon()
    assert not icon.isNull()
    assert sorted(s.width() for s in icon.availableSizes()) == sorted(ICON_SIZES)
    assert icon.pixmap(QSize(48, 48)).size() == QSize(48, 48)
