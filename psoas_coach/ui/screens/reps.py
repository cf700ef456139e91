"""Active set: the rep counter, the side, and the tempo phase (lift / hold / lower) in big type."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QAbstractScrollArea, QHBoxLayout, QProgressBar, QSizePolicy, QVBoxLayout, QWidget

from psoas_coach.core.engine import SessionEngine
from psoas_coach.core.plan import Phase, Side, Step
from psoas_coach.i18n import _, content, lazy
from psoas_coach.ui.accessibility import set_name
from psoas_coach.ui.screens.base import FillingDrawing, StepScreen
from psoas_coach.ui.text_scale import FACTOR_PROPERTY
from psoas_coach.ui.theme import pixel_font
from psoas_coach.ui.widgets.text import label

PHASE_WORDS = {Phase.LIFT: lazy("LIFT"), Phase.HOLD: lazy("HOLD"), Phase.LOWER: lazy("LOWER SLOWLY"),
               Phase.PAUSE: lazy("RELAX")}
MARGIN = 40  # the screen's left and right margins
FLOOR = 120  # the smallest window height the digits are sized for (a 29 px counter)
DRAWING_SHARE = 0.2  # of the width, at least, so the drawing stays recognisable beside long words


def widest(metrics: QFontMetrics, texts: list[str]) -> int:
    return max((metrics.horizontalAdvance(t) for t in texts), default=0)


class RepsScreen(StepScreen):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, 12, MARGIN, 12)
        self.name = label("", 2.2, bold=True, center=True, name="reps-name")
        self.position = label("", 1.4, center=True, name="reps-position")
        layout.addWidget(self.name)
        layout.addWidget(self.position)
        self.count = label("", 1.0, bold=True, center=True, wrap=False, name="reps-count")
        self.count_caption = label("", 1.3, center=True, name="reps-count-caption")
        self.side = label("", 1.0, bold=True, center=True, wrap=False, name="reps-side")
        self.phase = label("", 1.0, bold=True, center=True, wrap=False, name="reps-phase")
        for digits in (self.count, self.side, self.phase):  # sized to the window here, not by the text scale
            digits.setProperty(FACTOR_PROPERTY, None)
        self.phase_bar = QProgressBar()
        self.phase_bar.setTextVisible(False)
        self.phase_bar.setRange(0, 1000)
        self.phase_bar.setMaximumHeight(18)
        self.phase_bar.setAccessibleName(_("Tempo"))
        self.reduced_motion = False  # the tempo bar moves in quarter steps instead of gliding
        # rep sets always show on the work colour, whose text colour is white
        self.phase_bar.setStyleSheet(
            "QProgressBar { border: 2px solid rgba(255,255,255,0.8); border-radius: 6px; background: transparent; }"
            "QProgressBar::chunk { background: white; border-radius: 4px; }"
        )
        self.illustration = FillingDrawing()
        self.illustration.setObjectName("reps-illustration")
        # the drawing takes whatever room the counter and the words leave, so it never pushes them about
        self.illustration.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.rep_count = 10
        # three columns: the counter over its caption, the drawing, the phase word over the leg; the words
        # of both columns get the same two heights (_fit_columns), so they line up across the drawing
        self.counter = QVBoxLayout()
        self.counter.addWidget(self.count)
        self.counter.addWidget(self.count_caption)
        self.words = QVBoxLayout()
        self.words.addWidget(self.phase)
        self.words.addWidget(self.side)
        self.row = QHBoxLayout()
        self.row.addLayout(self.counter)
        self.row.addWidget(self.illustration, 1)
        self.row.addLayout(self.words)
        layout.addStretch(1)
        layout.addLayout(self.row)
        layout.addWidget(self.phase_bar)
        self.left_in_set = label("", 1.2, center=True, name="reps-left")
        layout.addWidget(self.left_in_set)
        layout.addStretch(1)
        self._resize_fonts()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._resize_fonts()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # a new text scale: the names above take more or less room
            self._resize_fonts()

    def _resize_fonts(self) -> None:
        # sized to the window, then smaller while the set would not fit the space the screen is shown in (a
        # scroll area's view: large text, a low window, the quick rating below), so a set never scrolls
        # while the text fits at all
        view = self.parentWidget()
        while view is not None and not isinstance(view, QAbstractScrollArea):
            view = view.parentWidget()
        window = self.window()
        height = max(window.height() if window is not None else 0, 400)
        room = view.viewport().height() if isinstance(view, QAbstractScrollArea) else 0
        self._set_fonts(height)
        for _attempt in range(3):
            fixed, digits = self._heights()
            if room <= 0 or fixed + digits <= room or height <= FLOOR or digits <= 0:
                break
            # the counter and the words grow with *height*; the rest (names, bar, margins) does not
            height = max(FLOOR, int(height * (room - fixed) / digits) if room > fixed else FLOOR)
            self._set_fonts(height)

    def _heights(self) -> tuple[int, int]:
        """(what does not scale, the counter and words that do): the height the set needs at the current
        fonts, added up from its parts (asking the layout itself from inside a resize crashed PySide6)."""
        layout = self.layout()
        assert layout is not None
        margins = layout.contentsMargins()
        width = max(1, self.width() - margins.left() - margins.right())
        lines = sum(max(w.heightForWidth(width), w.sizeHint().height()) for w in (self.name, self.position, self.left_in_set))
        gaps = 4 * max(0, layout.spacing()) + max(0, self.counter.spacing())
        fixed = margins.top() + margins.bottom() + lines + self.phase_bar.maximumHeight() + gaps
        return fixed, self.count.maximumHeight() + self.side.maximumHeight()

    def _set_fonts(self, height: int) -> None:
        self.count.setFont(pixel_font(self.font(), int(height * 0.24)))
        self.phase.setFont(pixel_font(self.font(), int(height * 0.11)))
        self.side.setFont(pixel_font(self.font(), int(height * 0.07)))
        self._fit_columns(int(height * 0.11), int(height * 0.07))

    def _fit_columns(self, phase_pixels: int, side_pixels: int) -> None:
        """Give the counter and the words the width of the widest text they will show in this set (every
        phase word, both legs, every rep number), so nothing moves from phase to phase or rep to rep; in a
        narrow window or a long language the words get smaller rather than cut off."""
        digits = [str(n) for n in range(1, max(1, self.rep_count) + 1)]
        captions = [_("of {count} · this side").format(count=self.rep_count), _("of {count}").format(count=self.rep_count)]
        count_width = max(widest(self.count.fontMetrics(), digits), widest(self.count_caption.fontMetrics(), captions)) + 8
        words = [str(w) for w in PHASE_WORDS.values()]
        legs = [side.leg_label.upper() for side in Side]
        inner = self.width() - 2 * MARGIN
        drawing = max(self.illustration.minimumWidth(), int(inner * DRAWING_SHARE))
        room = inner - count_width - drawing - 2 * max(0, self.row.spacing())
        for font_of, pixels, texts in ((self.phase, phase_pixels, words), (self.side, side_pixels, legs)):
            needed = widest(font_of.fontMetrics(), texts)
            if needed > room > 0:
                font_of.setFont(pixel_font(self.font(), int(pixels * room / needed)))
        words_width = max(widest(self.phase.fontMetrics(), words), widest(self.side.fontMetrics(), legs)) + 8
        # from the fonts, not the labels' size hints: before the set is first shown the labels are empty
        top = max(self.count.fontMetrics().height(), self.phase.fontMetrics().height()) + 2
        bottom = max(self.count_caption.fontMetrics().height(), self.side.fontMetrics().height()) + 2
        for widget, width, height in ((self.count, count_width, top), (self.count_caption, count_width, bottom),
                                      (self.phase, words_width, top), (self.side, words_width, bottom)):
            widget.setFixedSize(width, height)

    def show_step(self, step: Step, engine: SessionEngine) -> None:
        assert step.exercise is not None
        self.name.setText(content(step.exercise.name))
        self.illustration.set_exercise(step.exercise.id)
        self.position.setText(step.position_label)
        self.rep_count = step.rep_count
        self._resize_fonts()
        self.refresh(engine)

    def refresh(self, engine: SessionEngine) -> None:
        pos = engine.rep_position()
        step = engine.step
        if pos is None:
            return
        if step.alternating:
            done = pos.completed_left if pos.side and pos.side.value == "left" else pos.completed_right
            self.count.setText(f"{min(done + 1, step.rep_count)}")
            self.count_caption.setText(_("of {count} · this side").format(count=step.rep_count))
        else:
            self.count.setText(f"{min(pos.completed + 1, step.rep_count)}")
            self.count_caption.setText(_("of {count}").format(count=step.rep_count))
        self.phase.setText(str(PHASE_WORDS[pos.phase]))
        self.side.setText(pos.side.leg_label.upper() if pos.side else "")
        length = {Phase.LIFT: step.exercise.dosage.tempo.lift, Phase.HOLD: step.exercise.dosage.tempo.hold,
                  Phase.LOWER: step.exercise.dosage.tempo.lower, Phase.PAUSE: step.exercise.dosage.tempo.pause}[pos.phase] if step.exercise else 1.0
        progress = (1 - pos.phase_remaining / length) if length else 1.0
        if self.reduced_motion:
            progress = int(progress * 4) / 4
        self.phase_bar.setValue(int(1000 * progress))
        remaining = engine.remaining() or 0.0
        self.left_in_set.setText(_("{seconds} s left in this set").format(seconds=int(remaining + 0.999)))
        self.count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # the rep counter as one sentence for a screen reader, from the words on screen
        parts = [_("Rep {number} {count}").format(number=self.count.text(), count=self.count_caption.text().replace(" · ", ", ")),
                 self.side.text().lower(), self.phase.text().lower()]
        set_name(self.count, ", ".join(p for p in parts if p))
