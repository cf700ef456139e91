"""Programs as cards: name, length, the drawing of each exercise and their names, side by side.

Each card is a checkable button in one exclusive group, so a screen reader reads the programs as radio
buttons ("Foundation — 12 min, radio button, checked") with the exercises as the description. The chosen
card is the one Tab stop (the others take a click); the arrow keys, Home and End choose another, and Enter,
a double click or the Start button start the chosen one. The cards are ordinary widgets in home's own
scroll area: home scrolls as one page, never a list inside it.
Cards are in home's first frame, so nothing here names a ``Qt`` enum before a key is pressed (ui/qt_values).
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QEvent, QRect, QRectF, QSize, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QWidget

from psoas_coach.ui.drawing_cache import ASPECT, DrawingCache
from psoas_coach.ui.painting import draw_text, keep_text_colour
from psoas_coach.ui.qt_values import ALIGN_LEFT, CLICK_FOCUS, STRONG_FOCUS, WORD_WRAP
from psoas_coach.ui.text_scale import rescaled
from psoas_coach.ui.theme import PhaseColour, Radius, Space, Surface, Type, current_theme, px, scale_of, surface
from psoas_coach.ui.widgets.card import paint_surface
from psoas_coach.ui.widgets.scrolling import reveal

MIN_CARD_WIDTH = 300
MAX_CARD_WIDTH = 620
MAX_THUMB_WIDTH = 150  # a drawing's greatest width on a card, in the design system's pixels
PER_ROW = 4  # drawings in a row on a card


class ProgramEntry(NamedTuple):
    """What a card shows of one program, in the reader's language (a named tuple: cheaper to define than a
    dataclass in home's first frame)."""

    program_id: str
    name: str
    length: str  # "12 min"
    exercises: tuple[tuple[str, str], ...]  # (exercise id, name), in order
    description: str = ""


def scaled(font: QFont, factor: float, *, bold: bool = False) -> QFont:
    """*font* (the cards', at Type.BODY) at another step of the type scale."""
    result = QFont(font)
    result.setPointSizeF(font.pointSizeF() * factor / Type.BODY)
    result.setBold(bold)
    return result


class ProgramCard(QAbstractButton):
    """One program as a card; checked when it is the chosen one. Its height follows its width."""

    activated = Signal()  # Enter or a double click: start this program

    def __init__(self, entry: ProgramEntry, drawings: DrawingCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.drawings = drawings
        self.setObjectName(f"program-{entry.program_id}")
        self.setCheckable(True)
        self.setAutoExclusive(True)
        self.setText(f"{entry.name} — {entry.length}")
        self.setAccessibleDescription(", ".join(name for _id, name in entry.exercises))
        if entry.description:
            self.setToolTip(entry.description)
        self.setProperty("focusPolicy", CLICK_FOCUS)  # by number (qt_values); the chosen card takes Tab too
        self._heights: dict[int, int] = {}  # width -> height, for the font and scale in use (layouts ask often)

    def _fonts(self) -> tuple[QFont, QFont, QFont]:
        base = self.font()
        return scaled(base, Type.HEADLINE, bold=True), scaled(base, Type.LEAD), base

    def _thumb(self, width: int) -> tuple[int, int]:
        """A drawing's size: a row of up to four across the card, and never wider than MAX_THUMB_WIDTH."""
        per_row = min(max(1, len(self.entry.exercises)), PER_ROW)
        w = (width - 2 * px(self, Space.M) - (per_row - 1) * px(self, Space.S)) // per_row
        w = max(1, min(w, px(self, MAX_THUMB_WIDTH)))
        return w, round(w * ASPECT)

    def _names(self) -> str:
        return ", ".join(name for _id, name in self.entry.exercises)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        if width not in self._heights:
            name_font, lead_font, body_font = self._fonts()
            m, s = px(self, Space.M), px(self, Space.S)
            inner = width - 2 * m
            _w, thumb_h = self._thumb(width)
            rows = (len(self.entry.exercises) + PER_ROW - 1) // PER_ROW
            self._heights[width] = (m + text_height(self.entry.name, inner, name_font)
                                    + QFontMetrics(lead_font).height() + s + rows * (thumb_h + s)
                                    + text_height(self._names(), inner, body_font) + m)
        return self._heights[width]

    def event(self, event: QEvent) -> bool:
        if rescaled(event) or event.type() == QEvent.Type.FontChange:  # heights are measured again
            self._heights.clear()
            cards = self.parentWidget()
            if isinstance(cards, ProgramCards):
                cards.relayout()
        return super().event(event)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        width = px(self, MIN_CARD_WIDTH)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        theme = current_theme(self)
        chosen = self.isChecked()
        card = QRectF(self.rect())
        plain = surface(theme, PhaseColour.NEUTRAL)
        colours = Surface(plain.fill, plain.text, theme.accent if chosen else plain.edge)
        keep_text_colour(self, theme.text)
        painter = QPainter(self)
        m, s = px(self, Space.M), px(self, Space.S)
        paint_surface(painter, card, colours, px(self, Radius.CARD), (4.0 if chosen else 1.0) * scale_of(self))
        name_font, lead_font, body_font = self._fonts()
        left, inner, y = m, self.width() - 2 * m, m
        name_h = text_height(self.entry.name, inner, name_font)
        painter.setFont(name_font)
        draw_text(painter, QRect(left, y, inner, name_h), WORD_WRAP, self.entry.name, theme.text)
        y += name_h
        painter.setFont(lead_font)
        lead_h = QFontMetrics(lead_font).height()
        draw_text(painter, QRect(left, y, inner, lead_h), ALIGN_LEFT, self.entry.length, theme.text)
        y += lead_h + s
        thumb_w, thumb_h = self._thumb(self.width())
        ratio = self.devicePixelRatioF()
        for i, (exercise_id, _name) in enumerate(self.entry.exercises):
            x = left + (i % PER_ROW) * (thumb_w + s)
            top = y + (i // PER_ROW) * (thumb_h + s)
            tile = QRectF(x, top, thumb_w, thumb_h)
            paint_surface(painter, tile, Surface(theme.alternate_base, theme.text, theme.card_border), px(self, Radius.CHIP))
            painter.drawPixmap(QRect(x, top, thumb_w, thumb_h), self.drawings.pixmap(exercise_id, thumb_w, thumb_h, ratio))
        y += ((len(self.entry.exercises) + PER_ROW - 1) // PER_ROW) * (thumb_h + s)
        painter.setFont(body_font)
        draw_text(painter, QRect(left, y, inner, self.height() - y), WORD_WRAP, self._names(), theme.muted_text)
        painter.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        from PySide6.QtCore import Qt  # here: a key press comes after the first paint (qt_values)

        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.activated.emit()
            return
        cards = self.parentWidget()
        if isinstance(cards, ProgramCards) and cards.move_from(self, key):
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        self.activated.emit()


def text_height(text: str, width: int, font: QFont) -> int:
    """The height of *text* wrapped at *width* in *font*."""
    return QFontMetrics(font).boundingRect(QRect(0, 0, max(1, width), 100_000), WORD_WRAP, text).height()


class ProgramCards(QGroupBox):
    """The cards in rows: as many side by side as fit at their least width, sharing the width up to their
    greatest; each row as tall as its tallest card. Tells its layout its height for a width. A group box
    without a frame or title of its own, so a screen reader hears the cards as one named group."""

    chosen = Signal(str)  # the program id of the card just checked
    activated = Signal(str)  # the program id to start

    def __init__(self, drawings: DrawingCache | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.drawings = drawings or DrawingCache()  # no folder: rendered each run
        self.cards: list[ProgramCard] = []
        self._tab_stop: ProgramCard | None = None  # the chosen card: the one Tab reaches
        self._laid_out_for = -1

    def add(self, entry: ProgramEntry) -> ProgramCard:
        card = ProgramCard(entry, self.drawings, self)
        card.toggled.connect(lambda on, card=card: self._toggled(card, on))
        card.activated.connect(lambda card=card: self.activated.emit(card.entry.program_id))
        self.cards.append(card)
        if len(self.cards) == 1:
            card.setChecked(True)
        self.relayout()
        return card

    def count(self) -> int:
        return len(self.cards)

    def current(self) -> ProgramCard | None:
        return next((card for card in self.cards if card.isChecked()), None)

    def current_index(self) -> int:
        card = self.current()
        return -1 if card is None else self.cards.index(card)

    def current_id(self) -> str | None:
        card = self.current()
        return None if card is None else card.entry.program_id

    def select(self, program_id: str) -> bool:
        """Check the card of *program_id*; False when there is none."""
        for card in self.cards:
            if card.entry.program_id == program_id:
                card.setChecked(True)
                return True
        return False

    def choose(self, index: int) -> None:
        """Check the card at *index* (clamped to the cards there are) and put the keyboard on it."""
        if self.cards:
            card = self.cards[max(0, min(index, len(self.cards) - 1))]
            card.setChecked(True)
            card.setFocus()
            reveal(card)  # in home's scroll area: as much of the card as fits, its top first

    def focus_chosen(self) -> None:
        """Put the keyboard on the chosen card (Enter then starts it)."""
        card = self.current()
        if card is not None:
            card.setFocus()

    def move_from(self, card: ProgramCard, key: object) -> bool:
        """Arrow keys, Home and End choose another card (up and down by a row); True when *key* was one."""
        from PySide6.QtCore import Qt

        index, per_row = self.cards.index(card), max(1, self._per_row(self.width()))
        steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -per_row, Qt.Key.Key_Down: per_row,
                 Qt.Key.Key_Home: -len(self.cards), Qt.Key.Key_End: len(self.cards)}
        step = steps.get(key)  # type: ignore[call-overload]
        if step is None:
            return False
        target = index + step
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not 0 <= target < len(self.cards):
            return False  # past the first or last row: the key is home's (it may scroll the page)
        self.choose(target)
        return True

    def _toggled(self, card: ProgramCard, on: bool) -> None:
        card.setProperty("focusPolicy", STRONG_FOCUS if on else CLICK_FOCUS)  # the chosen card is the Tab stop
        if on:
            previous = self._tab_stop
            if previous is not None and previous is not card:
                if previous.hasFocus():
                    card.setFocus()
                QWidget.setTabOrder(previous, card)  # the new Tab stop takes the old one's place in Tab order
            self._tab_stop = card
            self.chosen.emit(card.entry.program_id)
        card.update()

    # ------------------------------------------------------------------ layout

    def _per_row(self, width: int) -> int:
        gap = px(self, Space.S)
        least = px(self, MIN_CARD_WIDTH)
        return max(1, min(len(self.cards), (width + gap) // (least + gap)))

    def _card_width(self, width: int) -> int:
        per_row, gap = self._per_row(width), px(self, Space.S)
        share = (width - gap * (per_row - 1)) // per_row
        return max(min(px(self, MIN_CARD_WIDTH), width), min(px(self, MAX_CARD_WIDTH), share))

    def _rows(self, width: int) -> list[list[ProgramCard]]:
        per_row = self._per_row(width)
        return [self.cards[i:i + per_row] for i in range(0, len(self.cards), per_row)]

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        card_width, gap = self._card_width(width), px(self, Space.S)
        rows = self._rows(width)
        return sum(max(card.heightForWidth(card_width) for card in row) for row in rows) + gap * max(0, len(rows) - 1)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        width = px(self, MIN_CARD_WIDTH)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        width = px(self, MIN_CARD_WIDTH)
        return QSize(width, self.heightForWidth(width))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        pass  # the cards paint themselves; the group has no frame or title to draw

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        self._arrange()

    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        self._arrange()

    def relayout(self) -> None:
        """A card was added, or a card's font or scale changed: measure and lay the cards out again."""
        self._laid_out_for = -1
        self.updateGeometry()
        self._arrange()

    def _arrange(self) -> None:
        width = self.width()
        if width == self._laid_out_for or not self.cards or not self.isVisible():
            return  # laid out when shown (a resize comes with it): not for the width it has before
        self._laid_out_for = width
        card_width, gap = self._card_width(width), px(self, Space.S)
        y = 0
        for row in self._rows(width):
            height = max(card.heightForWidth(card_width) for card in row)
            for i, card in enumerate(row):
                card.setGeometry(i * (card_width + gap), y, card_width, height)
            y += height + gap
