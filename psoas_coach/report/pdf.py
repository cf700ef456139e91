"""The therapist report as a PDF, drawn with Qt's own QPdfWriter and QPainter (text stays selectable)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from psoas_coach.atomic import write_atomic
from psoas_coach.core.axis_labels import label_step, shown_indices
from psoas_coach.core.weeks import TARGET as TARGET_DAYS
from psoas_coach.i18n import _, date_text, day_month_text, labelled, lazy, ngettext, number
from psoas_coach.report.data import ReportData

CONTROL_WORDS = {"yes": lazy("yes"), "mostly": lazy("mostly"), "no": lazy("no")}

INK = QColor("#1d2733")
MUTED = QColor("#5b6673")
ACCENT = QColor("#2f6db3")
PAIN = QColor("#c0392b")
TARGET = QColor("#d8e8d0")
GRID = QColor("#d5d9de")
RESOLUTION = 144


class Page:
    """A cursor down the page that starts a new page when the next block does not fit."""

    def __init__(self, writer: QPdfWriter, painter: QPainter) -> None:
        self.writer = writer
        self.p = painter
        self.width = float(writer.width())
        self.height = float(writer.height())
        self.y = 0.0
        self.base = QFont("DejaVu Sans")

    def px(self, mm: float) -> float:
        return mm / 25.4 * RESOLUTION

    def font(self, points: float, bold: bool = False) -> QFont:
        font = QFont(self.base)
        font.setFeature(QFont.Tag("liga"), 0)  # plain letters, so the text extracts as typed ("ff", not a ligature)
        font.setPointSizeF(points)
        font.setBold(bold)
        return font

    def need(self, height: float) -> None:
        if self.y + height > self.height:
            self.writer.newPage()
            self.y = 0.0

    def text(self, text: str, points: float = 10, *, bold: bool = False, color: QColor = INK, gap: float = 1.5,
             indent: float = 0.0) -> None:
        self.p.setFont(self.font(points, bold))
        self.p.setPen(color)
        flags = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)
        box = QRectF(indent, 0, self.width - indent, 10_000)
        height = self.p.boundingRect(box, flags, text).height()
        self.need(height)
        self.p.drawText(QRectF(indent, self.y, self.width - indent, height), flags, text)
        self.y += height + self.px(gap)

    def heading(self, text: str) -> None:
        self.need(self.px(24))
        self.y += self.px(4)
        self.text(text, 13, bold=True, color=ACCENT, gap=2)

    def table(self, rows: Sequence[Sequence[str]], widths: Sequence[float], points: float = 9) -> None:
        """Rows of cells; the first row is the header. *widths* are fractions of the page width."""
        for i, row in enumerate(rows):
            self.p.setFont(self.font(points, bold=i == 0))
            flags = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)
            x = 0.0
            height = 0.0
            for cell, frac in zip(row, widths):
                box = QRectF(x, 0, self.width * frac - self.px(2), 10_000)
                height = max(height, self.p.boundingRect(box, flags, cell).height())
                x += self.width * frac
            self.need(height + self.px(1.5))
            x = 0.0
            self.p.setPen(INK if i else MUTED)
            for cell, frac in zip(row, widths):
                self.p.drawText(QRectF(x, self.y, self.width * frac - self.px(2), height), flags, cell)
                x += self.width * frac
            self.y += height + self.px(1.5)
            if i == 0:
                self.p.setPen(QPen(GRID, 1))
                self.p.drawLine(QPointF(0, self.y - self.px(0.8)), QPointF(self.width, self.y - self.px(0.8)))


def _axes(page: Page, box: QRectF, top: float, ticks: Sequence[float], title: str) -> None:
    p = page.p
    p.setFont(page.font(7))
    for tick in ticks:
        y = box.bottom() - (tick / top) * box.height() if top else box.bottom()
        p.setPen(QPen(GRID, 1))
        p.drawLine(QPointF(box.left(), y), QPointF(box.right(), y))
        p.setPen(MUTED)
        p.drawText(QRectF(box.left() - page.px(10), y - page.px(2), page.px(9), page.px(4)),
                   int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), number(tick))
    p.setPen(MUTED)
    p.drawText(QRectF(box.left(), box.top() - page.px(6), box.width(), page.px(5)), int(Qt.AlignmentFlag.AlignLeft), title)


def _ticks(top: float) -> list[float]:
    """About five round ticks from 0 up to *top*."""
    raw = top / 5
    magnitude = 10 ** (len(str(int(raw))) - 1) if raw >= 1 else 1
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    return [i * step for i in range(0, int(top // step) + 1)]


def chart_weeks(page: Page, data: ReportData) -> None:
    """Bars of training days per week (core.weeks' count) over a shaded 2-3 target band."""
    height = page.px(55)
    page.need(height + page.px(8))
    box = QRectF(page.px(12), page.y + page.px(7), page.width - page.px(14), height - page.px(15))
    top = max(4, max((w.sessions for w in data.weeks), default=0))
    p = page.p
    low, high = data.target
    band = QRectF(box.left(), box.bottom() - high / top * box.height(), box.width(), (high - low) / top * box.height())
    p.fillRect(band, TARGET)
    _axes(page, box, top, range(0, top + 1), _("Training days per week (shaded: the {target} target)").format(
        target=TARGET_DAYS))
    slot = box.width() / max(1, len(data.weeks))
    p.setFont(page.font(7))
    for i, week in enumerate(data.weeks):
        x = box.left() + i * slot
        bar = QRectF(x + slot * 0.2, box.bottom() - week.sessions / top * box.height(), slot * 0.6,
                     week.sessions / top * box.height())
        p.fillRect(bar, ACCENT if week.sessions >= low else MUTED)
    axis_labels(page, [w.label for w in data.weeks], [box.left() + (i + 0.5) * slot for i in range(len(data.weeks))],
                box.bottom() + page.px(1))
    page.y += height


def axis_labels(page: Page, labels: Sequence[str], xs: Sequence[float], top: float) -> list[tuple[QRectF, str]]:
    """Draw under a chart the *labels* centred on *xs* (evenly spaced), in the painter's font: each whole, as
    many as fit apart, the last always (core.axis_labels). Returns where each went."""
    if not labels:
        return []
    metrics = page.p.fontMetrics()
    widths = [float(metrics.horizontalAdvance(text) + 1) for text in labels]  # a point for rounding: never clipped
    pitch = (xs[-1] - xs[0]) / (len(xs) - 1) if len(xs) > 1 else page.width
    drawn = [(QRectF(xs[i] - widths[i] / 2, top, widths[i], page.px(4)), labels[i])
             for i in shown_indices(len(labels), label_step(widths, pitch, page.px(2)))]
    page.p.setPen(MUTED)
    for box, text in drawn:
        page.p.drawText(box, int(Qt.AlignmentFlag.AlignHCenter), text)
    return drawn


def chart_lines(page: Page, title: str, series: Sequence[tuple[str, QColor, Sequence[tuple[int, float]]]],
                count: int, labels: Sequence[str], top: float | None = None) -> None:
    """Lines over session indexes 0..count-1; each series is (name, colour, [(index, value)])."""
    height = page.px(50)
    page.need(height + page.px(8))
    box = QRectF(page.px(12), page.y + page.px(7), page.width - page.px(14), height - page.px(16))
    values = [v for _n, _c, pts in series for _i, v in pts]
    top = top or max(1.0, max(values, default=1.0) * 1.15)
    ticks = _ticks(top)
    _axes(page, box, top, ticks, title)
    p = page.p
    span = max(1, count - 1)

    def at(i: int, v: float) -> QPointF:
        return QPointF(box.left() + (i / span if count > 1 else 0.5) * box.width(), box.bottom() - v / top * box.height())

    legend_x = box.left()
    for name, colour, pts in series:
        p.setPen(QPen(colour, page.px(0.5)))
        for (i1, v1), (i2, v2) in zip(pts, pts[1:]):
            p.drawLine(at(i1, v1), at(i2, v2))
        p.setBrush(colour)
        for i, v in pts:
            p.drawEllipse(at(i, v), page.px(0.8), page.px(0.8))
        p.setFont(page.font(7))
        p.drawText(QRectF(legend_x, box.bottom() + page.px(5), page.px(60), page.px(4)), int(Qt.AlignmentFlag.AlignLeft),
                   f"■ {name}")
        legend_x += page.px(45)
    p.setFont(page.font(7))
    axis_labels(page, labels[:count], [at(i, 0).x() for i in range(min(count, len(labels)))], box.bottom() + page.px(1))
    page.y += height


def write_pdf(data: ReportData, path: Path, *, user_line: str = "") -> None:
    """Draw *data* into a PDF at *path*, written atomically and private to the user (it is health data): a full
    or read-only disk leaves no file behind and raises OSError. Needs a QGuiApplication."""
    write_atomic(path, pdf_bytes(data, user_line=user_line))


def pdf_bytes(data: ReportData, *, user_line: str = "") -> bytes:
    """The PDF of *data*, drawn in memory: Qt never opens the target file, so it never warns about one."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(_("Psoas Coach report"))
    writer.setCreator("Psoas Coach")
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(16, 16, 16, 16), QPageLayout.Unit.Millimeter))
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(0, "the PDF could not be drawn")
    try:
        _draw(Page(writer, painter), data, user_line)
    finally:
        painter.end()
    pdf = bytes(buffer.data().data())
    if not pdf:
        raise OSError(0, "the PDF could not be drawn")
    return pdf


def _draw(page: Page, data: ReportData, user_line: str) -> None:
    page.text(_("Psoas Coach: report for a physical therapist"), 18, bold=True)
    span = _("{start} to {end}").format(start=date_text(data.start), end=date_text(data.end))
    sessions = ngettext("{count} session", "{count} sessions", len(data.sessions)).format(count=len(data.sessions))
    page.text(f"{span} · {sessions} · " + _("{good} of {weeks} weeks with {target} training days").format(
        good=data.weeks_on_target, weeks=len(data.weeks), target=TARGET_DAYS), 10, color=MUTED)
    if user_line:
        page.text(user_line, 10, color=MUTED)
    page.text(_("Program: {programs}").format(programs=", ".join(data.programs) if data.programs
                                              else _("no sessions in this period")), 10)

    page.heading(_("Adherence per week"))
    chart_weeks(page, data)
    page.table([(_("Training days per week"),)] + [(w.text,) for w in data.weeks], (0.7,))

    page.heading(_("Pain events"))
    if data.pain_events:
        for event in data.pain_events:
            page.text(labelled(date_text(event.day), event.text), 10, color=PAIN)
    else:
        page.text(_("No pain stops and no pain rated 4 or more in this period."), 10)
    labels = [day_month_text(s.day) for s in data.sessions]
    effort = [(i, float(s.effort)) for i, s in enumerate(data.sessions) if s.effort is not None]
    pain = [(i, float(s.pain)) for i, s in enumerate(data.sessions) if s.pain is not None]
    if effort or pain:
        chart_lines(page, _("Effort and pain after each session (0-10)"),
                    [(_("effort"), ACCENT, effort), (_("pain"), PAIN, pain)], len(data.sessions), labels, top=10)

    page.heading(_("Per-exercise progression"))
    for s in data.exercises:
        page.need(page.px(62))  # keep the name with its chart
        page.text(s.name, 11, bold=True, gap=0.5)
        days = [p.day for p in s.points]
        chart_lines(page, s.unit, [(s.unit, ACCENT, list(enumerate(p.value for p in s.points)))], len(s.points),
                    [day_month_text(d) for d in days])
        rows = [(_("Date"), _("Asked"), _("Done"), _("In full"), _("Pelvis neutral"), _("Last reps hard"))]
        for p in s.points:
            rows.append((date_text(p.day, "short"), p.target, number(p.value), _("yes") if p.done_in_full else _("no"),
                         str(CONTROL_WORDS[p.control.value]) if p.control else "-",
                         "-" if p.last_reps_hard is None else (_("yes") if p.last_reps_hard else _("no"))))
        page.table(rows, (0.16, 0.26, 0.1, 0.1, 0.18, 0.18))
    if data.level_changes:
        page.heading(_("Level changes accepted"))
        for day, reason in data.level_changes:
            page.text(labelled(date_text(day), reason), 9)

    page.heading(_("Sessions"))
    rows = [(_("Date"), _("Program"), _("Status"), _("Minutes"), _("Effort"), _("Pain"))]
    for line in data.sessions:
        rows.append((date_text(line.day, "short"), line.program, line.status, str(line.minutes),
                     "-" if line.effort is None else str(line.effort), "-" if line.pain is None else str(line.pain)))
    page.table(rows, (0.16, 0.22, 0.22, 0.12, 0.12, 0.12))

    page.heading(_("Notes"))
    if data.notes:
        for day, note in data.notes:
            page.text(labelled(date_text(day), note), 10)
    else:
        page.text(_("No notes in this period."), 10)
    page.y += page.px(4)
    page.text(_("Made by Psoas Coach from the user's own session records. Exercises follow an article on psoas "
                "strengthening; the app is not a medical device."), 8, color=MUTED)
