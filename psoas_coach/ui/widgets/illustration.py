"""Exercise illustrations on screen: a scalable view that keeps the drawing's 4:3 shape (pixmaps of the
drawings, for home's cards, come from ui.drawing_cache).

The drawings use a mid grey figure and an orange working leg, chosen to read on light and dark
neutral backgrounds. The session window takes strong phase colours (an orange "work" among them),
so the view puts each drawing on a neutral card that follows the app's light or dark palette."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPaintEvent, QPalette
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import QSizePolicy, QWidget

from psoas_coach.resources import exercise_svg, has_exercise_svg
from psoas_coach.ui.drawing_cache import ASPECT, fitted_rect  # the drawings' shape; their pixmaps are kept there

FILLING_MINIMUM = (96, 72)
"""The smallest a session screen's drawing gets before its screen scrolls (a short window, large text)."""
CARD_LIGHT = QColor("#F7F8FA")
CARD_DARK = QColor("#26282B")


def card_colour() -> QColor:
    """The neutral card behind a drawing: light or dark after the app palette, never a phase colour."""
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return CARD_DARK if window.lightness() < 128 else CARD_LIGHT


def exercise_renderer(exercise_id: str) -> QSvgRenderer | None:
    """A renderer for the exercise's drawing that keeps its aspect ratio, or None if it has none."""
    if not has_exercise_svg(exercise_id):
        return None
    renderer = QSvgRenderer(QByteArray(exercise_svg(exercise_id)))
    renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
    return renderer if renderer.isValid() else None


class IllustrationView(QSvgWidget):
    """Shows one exercise's drawing, scaled to the widget and never stretched. An exercise
    without a drawing leaves the view empty, so a screen can keep the view and just swap ids.

    By default it asks for the height its width needs (4:3); with *fills* it takes whatever box the layout
    gives it and fits the drawing inside, so a session screen's drawing shrinks to the window, never the
    window's content grows past it."""

    def __init__(self, exercise_id: str | None = None, parent: QWidget | None = None, *, fills: bool = False) -> None:
        super().__init__(parent)
        self._exercise_id: str | None = None
        self.fills = fills
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        policy.setHeightForWidth(not fills)
        self.setSizePolicy(policy)
        self.setMinimumSize(*(FILLING_MINIMUM if fills else (160, 120)))
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground)
        if exercise_id is not None:
            self.set_exercise(exercise_id)

    @property
    def exercise_id(self) -> str | None:
        return self._exercise_id

    def has_drawing(self) -> bool:
        """True when a drawing is loaded."""
        return self._exercise_id is not None and self.renderer().isValid()

    def set_exercise(self, exercise_id: str | None) -> None:
        """Show ``exercise_id``'s drawing (None or an id without a drawing clears the view)."""
        if exercise_id is not None and has_exercise_svg(exercise_id):
            self.load(QByteArray(exercise_svg(exercise_id)))
            self._exercise_id = exercise_id
        else:
            self.load(QByteArray())
            self._exercise_id = None
        self.renderer().setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        self.setVisible(self._exercise_id is not None)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """A rounded neutral card, then the drawing inside it, both kept at 4:3."""
        if not self.has_drawing():
            return
        card = fitted_rect(self.width(), self.height())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(card_colour())
        radius = card.width() * 0.04
        painter.drawRoundedRect(card, radius, radius)
        self.renderer().render(painter, card)
        painter.end()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(400, 300)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return not self.fills

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return round(width * ASPECT)
