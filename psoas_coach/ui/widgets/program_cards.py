"""Programs as cards in a list: name, length, the drawing of each exercise and their names.

The list stays a list (arrow keys choose, Enter starts, each item is read out by its text); a delegate
paints each item as a card from the theme's tokens, as wide as the window allows, side by side.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QListView, QListWidget, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from psoas_coach.resources import exercise_svg, has_exercise_svg
from psoas_coach.ui.painting import draw_text
from psoas_coach.ui.qt_values import ALIGN_LEFT, USER_ROLE, WORD_WRAP, own_viewport
from psoas_coach.ui.text_scale import design_size
from psoas_coach.ui.theme import PhaseColour, Radius, Space, Surface, Type, current_theme, px, scale_of, surface
from psoas_coach.ui.widgets.card import paint_surface

NAME_ROLE = USER_ROLE + 1  # the program's name
LENGTH_ROLE = USER_ROLE + 2  # "12 min"
EXERCISES_ROLE = USER_ROLE + 3  # [(exercise id, name), ...]
MIN_CARD_WIDTH = 300
MAX_CARD_WIDTH = 620
Index = QModelIndex | QPersistentModelIndex
ASPECT = 300 / 400  # height over width of every exercise drawing (as widgets.illustration)


def scaled(font: QFont, factor: float, *, bold: bool = False) -> QFont:
    """*font* (the list's, at Type.BODY) at another step of the type scale."""
    result = QFont(font)
    result.setPointSizeF(font.pointSizeF() * factor / Type.BODY)
    result.setBold(bold)
    return result


class ProgramCardDelegate(QStyledItemDelegate):
    """Paints one program as a card; its size follows the view's width, the text size and the view's scale."""

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self.view = view
        self._pixmaps: dict[tuple[str, int, float], QPixmap] = {}

    def px(self, size: float) -> int:
        return px(self.view, size)

    def card_width(self) -> int:
        count = max(1, self.view.count())
        gap = self.px(Space.M)
        room = self.view.viewport().width() - gap * 2
        per_row = max(1, min(count, (room + gap) // (self.px(MIN_CARD_WIDTH) + gap)))
        width = (room - gap * (per_row - 1)) // per_row
        return max(self.px(MIN_CARD_WIDTH), min(self.px(MAX_CARD_WIDTH), width))

    def _fonts(self) -> tuple[QFont, QFont, QFont]:
        base = self.view.font()
        return scaled(base, Type.HEADLINE, bold=True), scaled(base, Type.LEAD), base

    def _thumb(self, width: int, count: int) -> tuple[int, int]:
        """A drawing's size: a row of up to four across the card, no taller than a third of the list."""
        per_row = min(max(1, count), 4)
        w = (width - 2 * self.px(Space.M) - (per_row - 1) * self.px(Space.S)) // per_row
        w = min(w, round(max(self.px(90), self.view.viewport().height() // 3) / ASPECT))
        return w, round(w * ASPECT)

    def _names_height(self, text: str, width: int, font: QFont) -> int:
        rect = QFontMetrics(font).boundingRect(QRect(0, 0, width, 10_000), WORD_WRAP, text)
        return rect.height()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802 (Qt override)
        width = self.card_width()
        name_font, lead_font, body_font = self._fonts()
        exercises = index.data(EXERCISES_ROLE) or []
        m, s = self.px(Space.M), self.px(Space.S)
        inner = width - 2 * m
        _w, thumb_h = self._thumb(width, len(exercises))
        rows = (len(exercises) + 3) // 4
        names = ", ".join(n for _i, n in exercises)
        height = (m + self._names_height(str(index.data(NAME_ROLE)), inner, name_font)
                  + QFontMetrics(lead_font).height() + s
                  + rows * (thumb_h + s) + self._names_height(names, inner, body_font) + m)
        return QSize(width, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        theme = current_theme(self.view)
        chosen = bool(option.state & QStyle.StateFlag.State_Selected)
        card = QRectF(option.rect)
        plain = surface(theme, PhaseColour.NEUTRAL)
        colours = Surface(plain.fill, plain.text, theme.accent if chosen else plain.edge)
        painter.save()
        m, s = self.px(Space.M), self.px(Space.S)
        paint_surface(painter, card, colours, self.px(Radius.CARD), (4.0 if chosen else 1.0) * scale_of(self.view))
        name_font, lead_font, body_font = self._fonts()
        left = int(card.left()) + m
        inner = int(card.width()) - 2 * m
        y = int(card.top()) + m
        name = str(index.data(NAME_ROLE))
        name_h = self._names_height(name, inner, name_font)
        painter.setFont(name_font)
        draw_text(painter, QRect(left, y, inner, name_h), WORD_WRAP, name, theme.text)
        y += name_h
        painter.setFont(lead_font)
        lead_h = QFontMetrics(lead_font).height()
        draw_text(painter, QRect(left, y, inner, lead_h), ALIGN_LEFT, str(index.data(LENGTH_ROLE)), theme.text)
        y += lead_h + s
        exercises = index.data(EXERCISES_ROLE) or []
        thumb_w, thumb_h = self._thumb(int(card.width()), len(exercises))
        ratio = self.view.devicePixelRatioF()
        for i, (exercise_id, _name) in enumerate(exercises):
            x = left + (i % 4) * (thumb_w + s)
            top = y + (i // 4) * (thumb_h + s)
            tile = QRectF(x, top, thumb_w, thumb_h)
            paint_surface(painter, tile, Surface(theme.alternate_base, theme.text, theme.card_border), self.px(Radius.CHIP))
            painter.drawPixmap(QRect(x, top, thumb_w, thumb_h), self._pixmap(exercise_id, thumb_w, thumb_h, ratio))
        y += ((len(exercises) + 3) // 4) * (thumb_h + s)
        painter.setFont(body_font)
        names = ", ".join(n for _i, n in exercises)
        draw_text(painter, QRect(left, y, inner, int(card.bottom()) - y), WORD_WRAP, names, theme.muted_text)
        painter.restore()

    def _pixmap(self, exercise_id: str, width: int, height: int, ratio: float) -> QPixmap:
        key = (exercise_id, width, ratio)
        if key not in self._pixmaps:
            self._pixmaps[key] = drawing_pixmap(exercise_id, width, height, ratio)
        return self._pixmaps[key]


def drawing_pixmap(exercise_id: str, width: int, height: int, ratio: float) -> QPixmap:
    """The exercise's drawing at 4:3 in a width x height pixmap (transparent around it); empty without one.
    On home's first frame, so it names no Qt enum (widgets.illustration does, for the session's views)."""
    pixmap = QPixmap(round(width * ratio), round(height * ratio))
    pixmap.fill(QColor(0, 0, 0, 0))
    if has_exercise_svg(exercise_id):
        renderer = QSvgRenderer(QByteArray(exercise_svg(exercise_id)))
        w = min(width, height / ASPECT)
        area = QRectF((width - w) / 2, (height - w * ASPECT) / 2, w, w * ASPECT)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(ratio, ratio)
        renderer.render(painter, area)
        painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def make_card_list(view: QListWidget) -> ProgramCardDelegate:
    """Turn *view* into a row of program cards (wrapping to more rows in a narrow window)."""
    view.setViewMode(QListView.ViewMode.ListMode)
    view.setFlow(QListView.Flow.LeftToRight)
    view.setWrapping(True)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    design_size(view, spacing=Space.S)  # the gaps between the cards grow with the screen
    view.setFrameShape(QListWidget.Shape.NoFrame)
    own_viewport(view).setAutoFillBackground(False)
    view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
    delegate = ProgramCardDelegate(view)
    view.setItemDelegate(delegate)
    return delegate
