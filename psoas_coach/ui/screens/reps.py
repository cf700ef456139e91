"""Active set: the rep counter, the side, and the tempo phase (lift / hold / lower) in big type."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QAbstractScrollArea, QProgressBar, QVBoxLayout, QWidget

from psoas_coach.core.engine import SessionEngine
from psoas_coach.core.plan import Phase, Side, Step
from psoas_coach.i18n import _, content, lazy
from psoas_coach.ui.accessibility import set_name
from psoas_coach.ui.screens.base import StepScreen
from psoas_coach.ui.text_scale import FACTOR_PROPERTY, design_size, text_percent
from psoas_coach.ui.theme import Space, pixel_font
from psoas_coach.ui.widgets.adaptive_grid import AdaptiveGrid
from psoas_coach.ui.widgets.illustration import IllustrationView
from psoas_coach.ui.widgets.text import label

PHASE_WORDS = {Phase.LIFT: lazy("LIFT"), Phase.HOLD: lazy("HOLD"), Phase.LOWER: lazy("LOWER SLOWLY"),
               Phase.PAUSE: lazy("RELAX")}


COUNT_SAMPLE = "00"  # the widest count the digits must fit (sets run to 15 reps at most)
# share of the view's height each of the big words takes, and of its width (less the margins) each column
# takes side by side (count, drawing, words) and stacked (count, words; the drawing under them)
COUNT_HEIGHT, PHASE_HEIGHT, SIDE_HEIGHT = 0.24, 0.11, 0.07
WIDE_COLUMNS, NARROW_COLUMNS = (2, 2, 3), (2, 3)


def fitted_pixels(base: QFont, pixels: int, texts: list[str], width: int) -> int:
    """*pixels*, or less when the widest of *texts* would not fit *width* at that size."""
    metrics = QFontMetrics(pixel_font(base, pixels))
    widest = max((metrics.horizontalAdvance(text) for text in texts), default=0)
    return pixels if widest <= width else max(8, int(pixels * width / widest))


class RepsScreen(StepScreen):
    fills_view = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column = layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 12, 40, 12)
        self.name = label("", 2.2, bold=True, center=True, name="reps-name")
        self.position = label("", 1.4, center=True, name="reps-position")
        layout.addWidget(self.name)
        layout.addWidget(self.position)
        self.count = label("", 1.0, bold=True, center=True, wrap=False, name="reps-count")
        self.count_caption = label("", 1.3, center=True, name="reps-count-caption")
        self.side = label("", 1.0, bold=True, center=True, wrap=False, name="reps-side")
        self.phase = label("", 1.0, bold=True, center=True, wrap=False, name="reps-phase")
        for big in (self.count, self.side, self.phase):  # sized in pixels to the view (_resize_fonts), so a pass
            big.setProperty(FACTOR_PROPERTY, None)  # of the text or window scale must not set them back to 1.0x
        self.phase_bar = QProgressBar()
        self.phase_bar.setTextVisible(False)
        self.phase_bar.setRange(0, 1000)
        design_size(self.phase_bar, max_height=18)  # grows with the window, as the words around it do
        self.phase_bar.setAccessibleName(_("Tempo"))
        self.reduced_motion = False  # the tempo bar moves in quarter steps instead of gliding
        # rep sets always show on the work colour, whose text colour is white
        self.phase_bar.setStyleSheet(
            "QProgressBar { border: 2px solid rgba(255,255,255,0.8); border-radius: 6px; background: transparent; }"
            "QProgressBar::chunk { background: white; border-radius: 4px; }"
        )
        self.illustration = IllustrationView(fills=True)
        self.illustration.setObjectName("reps-illustration")
        # side by side: count | drawing | phase and leg; stacked: count | phase and leg, the drawing under them
        self.grid = grid = AdaptiveGrid()
        grid.place(self.count, (0, 0, 1, 1), (0, 0, 1, 1))
        grid.place(self.count_caption, (1, 0, 1, 1), (1, 0, 1, 1))
        grid.place(self.illustration, (0, 1, 2, 1), (2, 0, 1, 2))
        grid.place(self.phase, (0, 2, 1, 1), (0, 1, 1, 1))
        grid.place(self.side, (1, 2, 1, 1), (1, 1, 1, 1))
        grid.set_stretches(False, columns=WIDE_COLUMNS)
        grid.set_stretches(True, rows=(0, 0, 1), columns=NARROW_COLUMNS)
        layout.addStretch(1)
        layout.addLayout(grid)
        layout.addSpacing(Space.M)
        layout.addWidget(self.phase_bar)
        self.left_in_set = label("", 1.2, center=True, name="reps-left")
        layout.addWidget(self.left_in_set)
        layout.addStretch(1)
        self.set_narrow(False)

    def set_narrow(self, narrow: bool) -> None:
        """Stacked, the drawing takes the height that side by side is left empty above and below the set."""
        if self.grid.arrange(narrow):
            for index, stretch in ((2, 0 if narrow else 1), (3, 1 if narrow else 0), (7, 0 if narrow else 1)):
                self.column.setStretch(index, stretch)
            self._resize_fonts()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._resize_fonts()

    def _resize_fonts(self) -> None:
        # sized to the space the screen is shown in (a scroll area's view), never to the screen itself,
        # which grows with its fonts
        view = self.parentWidget()
        while view is not None and not isinstance(view, QAbstractScrollArea):
            view = view.parentWidget()
        window = self.window()
        height = max(window.height() if window is not None else 0, 400)
        width = view.viewport().width() if isinstance(view, QAbstractScrollArea) else self.width()
        if isinstance(view, QAbstractScrollArea) and text_percent() > 100:  # large text: the digits give way
            height = min(height, int(view.viewport().height() / 0.85))
        # each word as large as its share of the height, or smaller where it would not fit its column's width
        margins = self.column.contentsMargins()
        shares = NARROW_COLUMNS if self.grid.narrow else WIDE_COLUMNS
        inner = width - margins.left() - margins.right() - self.grid.horizontalSpacing() * (len(shares) - 1)
        count_width, words_width = (int(inner * share / sum(shares)) for share in (shares[0], shares[-1]))
        # every phase word and both legs, not only the ones showing: the words keep one size through the set,
        # so nothing moves from phase to phase
        phases = [str(word) for word in PHASE_WORDS.values()]
        sides = [side.leg_label.upper() for side in Side]
        base = self.font()
        self.count.setFont(pixel_font(base, fitted_pixels(base, int(height * COUNT_HEIGHT), [COUNT_SAMPLE], count_width)))
        phase_pixels = fitted_pixels(base, int(height * PHASE_HEIGHT), phases, words_width)
        self.phase.setFont(pixel_font(base, phase_pixels))
        side_pixels = fitted_pixels(base, int(height * SIDE_HEIGHT), sides, words_width)
        self.side.setFont(pixel_font(base, min(side_pixels, int(phase_pixels * SIDE_HEIGHT / PHASE_HEIGHT))))

    def show_step(self, step: Step, engine: SessionEngine) -> None:
        assert step.exercise is not None
        self.name.setText(content(step.exercise.name))
        self.illustration.set_exercise(step.exercise.id)
        self.position.setText(step.position_label)
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
        words = (str(PHASE_WORDS[pos.phase]), pos.side.leg_label.upper() if pos.side else "")
        if words != (self.phase.text(), self.side.text()):
            self.phase.setText(words[0])
            self.side.setText(words[1])
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
