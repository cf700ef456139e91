"""The app icon as a QIcon, from the packaged PNG sizes (crisp when small) and the SVG (any size)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QIcon, QPixmap

from psoas_coach.resources import ICON_SIZES, icon_png


def app_icon() -> QIcon:
    """Every packaged size of the icon; Qt picks the nearest for title bars, docks and task bars."""
    icon = QIcon()
    for size in ICON_SIZES:
        pixmap = QPixmap()
        if pixmap.loadFromData(QByteArray(icon_png(size)), "PNG"):
            icon.addPixmap(pixmap)
    return icon
