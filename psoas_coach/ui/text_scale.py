"""The app's sizes: its own text size (100 % to 200 % of the desktop's font, on keys and kept between runs)
and the window's scale (theme.window_scale) for the screens that follow the window.

Every text of the app is sized as a factor of the application font (``set_scaled_font``), and the
widget remembers its factor, so a new text size re-sizes every text that exists and every one made later.
A screen that follows the window (``follow_window``) has its texts, its layouts' margins and spacing, its
design sizes (``design_size``) and its style's own paddings (``scaled_style.ScaledStyle``) multiplied by the window's
scale; ``rescale_widgets`` applies both.
Widgets are always built at scale 1; a pass brings them to their screen's scale.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QDynamicPropertyChangeEvent, QEvent, QObject, Signal
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QApplication, QGridLayout, QLayout, QWidget

from psoas_coach.i18n import _
from psoas_coach.ui.actions import key_action
from psoas_coach.ui.theme import SCALE_PROPERTY, scale_of, scaled_font

if TYPE_CHECKING:
    from psoas_coach.ui.scaled_style import ScaledStyle

MIN_PERCENT = 100
MAX_PERCENT = 200
STEP_PERCENT = 25
PERCENT_PROPERTY = "psoas_text_percent"  # on the application: the scale in use
FACTOR_PROPERTY = "psoas_font_factor"
BOLD_PROPERTY = "psoas_font_bold"
FOLLOWS_WINDOW = "psoas_follows_window"  # on a screen: it scales with its window
WINDOW_SCALE = "psoas_window_scale"  # on a window: the scale of its screens that follow it
DESIGN_SIZE = "psoas_design_size"  # on a widget: its least and greatest width and height at scale 1
LAYOUT_BASE = "psoas_layout_base"  # on a layout: its margins and spacing at scale 1


def clamp_percent(percent: int) -> int:
    return int(min(max(percent, MIN_PERCENT), MAX_PERCENT))


def text_percent() -> int:
    """The app's text scale in use (100 when none was set)."""
    app = QApplication.instance()
    value = app.property(PERCENT_PROPERTY) if app is not None else None
    return int(value) if isinstance(value, (int, float)) else MIN_PERCENT


def set_scaled_font(widget: QWidget, factor: float, *, bold: bool = False) -> None:
    """Give *widget* a font *factor* times the application's (so the desktop's size times the app's
    scale, times its screen's scale), and remember the factor for the next change of either."""
    widget.setProperty(FACTOR_PROPERTY, float(factor))
    widget.setProperty(BOLD_PROPERTY, bool(bold))
    widget.setFont(scaled_font(QApplication.font(), factor * scale_of(widget), bold=bold))


def design_size(widget: QWidget, *, min_width: int | None = None, min_height: int | None = None,
                max_width: int | None = None, max_height: int | None = None) -> None:
    """*widget*'s least (and greatest) size in the design system's pixels (scale 1): it grows with its screen.
    Sizes not given keep what an earlier call set."""
    given: list[int | None] = [min_width, min_height, max_width, max_height]
    kept = widget.property(DESIGN_SIZE)
    if isinstance(kept, (tuple, list)):
        given = [new if new is not None else old for new, old in zip(given, kept)]
    widget.setProperty(DESIGN_SIZE, tuple(given))
    _apply_design_size(widget, scale_of(widget))


def follow_window(screen: QWidget) -> None:
    """Mark *screen* as one that scales with its window (home, briefing, summary, safety, History, banners)."""
    screen.setProperty(FOLLOWS_WINDOW, True)


def rescale_widgets(roots: Iterable[QWidget], style: ScaledStyle | None = None) -> None:
    """Bring every widget below *roots* to the application font's size and its screen's scale: texts with a
    factor, design sizes, the margins and spacing of layouts (kept at scale 1 on their first visit) and, with
    *style* (else the one their parent uses), the style's paddings."""
    base = QApplication.font()
    for root in roots:
        parent = root.parentWidget()
        chosen = style
        if chosen is None and parent is not None:
            chosen = scaled_style_of(parent)
        _rescale(root, base, scale_of(parent) if parent is not None else 1.0, chosen)


def scaled_style_of(widget: QWidget) -> ScaledStyle | None:
    """The ScaledStyle *widget* uses, if any. Its class is imported here, not at the top: defining it builds
    QStyle's enum types, and only a scale other than 1 needs it (ui/qt_values)."""
    from psoas_coach.ui.scaled_style import ScaledStyle

    style = widget.style()
    return style if isinstance(style, ScaledStyle) else None


def rescaled(event: QEvent) -> bool:
    """True for the event a widget gets when a pass sets a new scale on it (painted widgets re-measure)."""
    return isinstance(event, QDynamicPropertyChangeEvent) and event.propertyName().data() == SCALE_PROPERTY.encode()


def fit_to_parent(widgets: Iterable[QWidget]) -> None:
    """Bring widgets just added to a screen (built at scale 1) to its scale; nothing to do at scale 1."""
    fresh = []
    for widget in widgets:
        parent = widget.parentWidget()
        if parent is not None and scale_of(parent) != scale_of(widget):
            fresh.append(widget)
    if fresh:
        rescale_widgets(fresh)


def _rescale(widget: QWidget, base: QFont, scale: float, style: ScaledStyle | None) -> None:
    if widget.property(FOLLOWS_WINDOW):
        value = widget.window().property(WINDOW_SCALE)
        scale = float(value) if isinstance(value, (int, float)) else 1.0
    changed = scale_of(widget) != scale
    layout = widget.layout()
    if layout is not None:  # first: a layout's spacing at scale 1 is read from the style it has now
        _rescale_layout(layout, scale)
    if changed:
        widget.setProperty(SCALE_PROPERTY, scale)  # a DynamicPropertyChange: painted widgets re-measure
        _apply_design_size(widget, scale)
        if scale != 1.0 and style is not None:
            widget.setStyle(style)
        elif scale == 1.0 and scaled_style_of(widget) is not None:
            widget.setStyle(None)  # type: ignore[arg-type]  # Qt takes null: the application's own again
    factor = widget.property(FACTOR_PROPERTY)
    if factor is not None:
        font = scaled_font(base, float(factor) * scale, bold=bool(widget.property(BOLD_PROPERTY)))
        if font != widget.font():
            widget.setFont(font)
    for child in widget.children():
        if isinstance(child, QWidget) and not child.isWindow():
            _rescale(child, base, scale, style)


def _apply_design_size(widget: QWidget, scale: float) -> None:
    sizes = widget.property(DESIGN_SIZE)
    if not isinstance(sizes, (tuple, list)):
        return
    min_width, min_height, max_width, max_height = sizes
    for value, apply in ((min_width, widget.setMinimumWidth), (min_height, widget.setMinimumHeight),
                         (max_width, widget.setMaximumWidth), (max_height, widget.setMaximumHeight)):
        if value is not None:
            apply(round(value * scale))


def _rescale_layout(layout: QLayout, scale: float) -> None:
    """Margins and spacing of *layout* (and the layouts inside it) at *scale*, from their values at scale 1."""
    applied = layout.property(SCALE_PROPERTY)
    if applied == scale or (applied is None and scale == 1.0):
        pass  # as built, or already at this scale
    else:
        recorded = layout.property(LAYOUT_BASE)
        if not isinstance(recorded, (tuple, list)):
            margins = layout.contentsMargins()
            recorded = (margins.left(), margins.top(), margins.right(), margins.bottom(), *_spacing(layout))
            layout.setProperty(LAYOUT_BASE, recorded)
        left, top, right, bottom, across, down = (round(v * scale) if v >= 0 else v for v in recorded)
        layout.setContentsMargins(left, top, right, bottom)
        if _two_way(layout):
            grid = cast(QGridLayout, layout)  # a QFormLayout has the same two setters
            grid.setHorizontalSpacing(across)
            grid.setVerticalSpacing(down)
        else:
            layout.setSpacing(across)
        layout.setProperty(SCALE_PROPERTY, scale)
    for i in range(layout.count()):
        item = layout.itemAt(i)
        inner = item.layout() if item is not None else None
        if inner is not None:
            _rescale_layout(inner, scale)


def _spacing(layout: QLayout) -> tuple[int, int]:
    if _two_way(layout):
        grid = cast(QGridLayout, layout)
        return grid.horizontalSpacing(), grid.verticalSpacing()
    return layout.spacing(), layout.spacing()


def _two_way(layout: QLayout) -> bool:
    """A grid or form layout: spacing across and down apart (told by name: see widgets.scrolling)."""
    return layout.inherits("QGridLayout") or layout.inherits("QFormLayout")


class TextScale(QObject):
    """Holds the desktop's font (read once, at start) and the app's percentage on top of it."""

    changed = Signal(int)  # the new percentage

    def __init__(self, app: QApplication, percent: int = MIN_PERCENT) -> None:
        super().__init__(app)
        self.app = app
        self.desktop_font = QFont(app.font())
        self.percent = MIN_PERCENT
        self.set_percent(percent)

    def set_percent(self, percent: int) -> None:
        percent = clamp_percent(percent)
        font = QFont(self.desktop_font)
        if self.desktop_font.pointSizeF() > 0:
            font.setPointSizeF(self.desktop_font.pointSizeF() * percent / 100)
        else:
            font.setPixelSize(round(self.desktop_font.pixelSize() * percent / 100))
        self.app.setFont(font)
        self.app.setProperty(PERCENT_PROPERTY, percent)
        changed = percent != self.percent
        self.percent = percent
        rescale_widgets(list(self.app.topLevelWidgets()))
        if changed:
            self.changed.emit(percent)

    def bigger(self) -> None:
        self.set_percent(self.percent + STEP_PERCENT)

    def smaller(self) -> None:
        self.set_percent(self.percent - STEP_PERCENT)

    def reset(self) -> None:
        self.set_percent(MIN_PERCENT)


def add_text_size_actions(window: QWidget, scale: TextScale, keep: Callable[[int], None]) -> list[QAction]:
    """Ctrl++ (or Ctrl+=) larger, Ctrl+- smaller, Ctrl+0 back to the desktop's size; each change is kept."""
    specs: list[tuple[str, str, list[str], Callable[[], None]]] = [
        ("text-bigger", _("Larger text (Ctrl++)"), ["Ctrl++", "Ctrl+=", "Ctrl+Shift+="], scale.bigger),
        ("text-smaller", _("Smaller text (Ctrl+-)"), ["Ctrl+-"], scale.smaller),
        ("text-reset", _("Text at the desktop's size (Ctrl+0)"), ["Ctrl+0"], scale.reset),
    ]
    actions = [key_action(window, name, text, keys, slot) for name, text, keys, slot in specs]
    scale.changed.connect(keep)
    return actions
