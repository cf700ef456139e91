"""Active set: the rep counter, the side, and the tempo phase (lift / hold / lower) in big type."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QAbstractScrollArea, QGridLayout, QProgressBar, QSizePolicy, QVBoxLayout, QWidget

from psoas_coach.core.engine import SessionEngine
from psoas_coach.core.plan import Phase, Side, Step
from psoas_coach.i18n import _, content, lazy
from psoas_coach.ui.accessibility import set_name
from psoas_coach.ui.screens.base import StepScreen
from psoas_coach.ui.text_scale import text_percent
from psoas_coach.ui.theme import pixel_font
from psoas_coach.ui.widgets.illustration import IllustrationView
from psoas_coach.ui.widgets.text import label

PHASE_WORDS = {Phase.LIFT: lazy("LIFT"), Phase.HOLD: lazy("HOLD"), Phase.LOWER: lazy("LOWER SLOWLY"),
               Phase.PAUSE: lazy("RELAX")}
MARGIN = 40  # the screen's left and right margins
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
        grid = QGridLayout()
        self.count = label("", 1.0, bold=True, center=True, wrap=False, name="reps-count")
        self.count_caption = label("", 1.3, center=True, name="reps-count-caption")
        self.side = label("", 1.0, bold=True, center=True, wrap=False, name="reps-side")
        self.phase = label("", 1.0, bold=True, center=True, wrap=False, name="reps-phase")
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
        self.illustration = IllustrationView()
        self.illustration.setObjectName("reps-illustration")
        # the drawing takes whatever width the counter and the words leave, so it never pushes them about
        self.illustration.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.grid = grid
        self.rep_count = 10
        grid.addWidget(self.count, 0, 0)
        grid.addWidget(self.count_caption, 1, 0)
        grid.addWidget(self.illustration, 0, 1, 2, 1)
        grid.addWidget(self.phase, 0, 2)
        grid.addWidget(self.side, 1, 2)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 3)
        layout.addStretch(1)
        layout.addLayout(grid)
        layout.addWidget(self.phase_bar)
        self.left_in_set = label("", 1.2, center=True, name="reps-left")
        layout.addWidget(self.left_in_set)
        layout.addStretch(1)
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
        if isinstance(view, QAbstractScrollArea) and text_percent() > 100:  # large text: the digits give way
            height = min(height, int(view.viewport().height() / 0.85))
        self.count.setFont(pixel_font(self.font(), int(height * 0.24)))
        self.phase.setFont(pixel_font(self.font(), int(height * 0.11)))
        self.side.setFont(pixel_font(self.font(), int(height * 0.07)))
        self._fit_columns(int(height * 0.11), int(height * 0.07))

    def _fit_columns(self, phase_pixels: int, side_pixels: int) -> None:
        """Give the counter and the words the width of the widest text they will show in this set (every
        phase word, both legs, every rep number), so nothing moves from phase to phase or rep to rep; in a
        narrow window or a long language the words get smaller rather than cut off."""
        digits = [str(n) for n in range(1, max(1, self.rep_count) + 1)]
        count_width = widest(self.count.fontMetrics(), digits) + 8
        words = [str(w) for w in PHASE_WORDS.values()]
        legs = [side.leg_label.upper() for side in Side]
        inner = self.width() - 2 * MARGIN
        drawing = max(self.illustration.minimumWidth(), int(inner * DRAWING_SHARE))
        room = inner - count_width - drawing - 2 * max(0, self.grid.horizontalSpacing())
        for font_of, pixels, texts in ((self.phase, phase_pixels, words), (self.side, side_pixels, legs)):
            needed = widest(font_of.fontMetrics(), texts)
            if needed > room > 0:
                font_of.setFont(pixel_font(self.font(), int(pixels * room / needed)))
        words_width = max(widest(self.phase.fontMetrics(), words), widest(self.side.fontMetrics(), legs)) + 8
        self.count.setFixedWidth(count_width)
        self.count_caption.setFixedWidth(count_width)
        self.phase.setFixedWidth(words_width)
        self.side.setFixedWidth(words_width)

    def show_step(self, step: Step, engine: SessionEngine) -> None:
        assert step.exercise is not None
        self.name.setText(content(step.exercise.name))
        self.illustration.set_exercise(step.exercise.id)
        self.position.setText(step.position_label)
        if step.rep_count != self.rep_count:
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
