"""Labels along a chart's axis that are always read whole and upright: as many as fit side by side without
touching (the latest always among them), the others left out. Qt-free: the window's charts and the therapist
report's measure their labels in their own fonts and ask here which to draw.

QtCharts cuts a category label to its category's width, and a rotated one to the height it is given: twelve
weeks at 1024x600 read "14 se…" in French; the report drew each date in a fixed box, and fourteen sessions
ran together ("9 de nov.12 de nov."). Every chart chooses its labels here instead, so none is cut or touches
another in any language.
"""

from __future__ import annotations

from collections.abc import Sequence


def shown_indices(count: int, step: int) -> list[int]:
    """Every *step*-th of *count* labels, counted back from the last (the latest is always named)."""
    return list(range(count - 1, -1, -max(1, step)))[::-1]


def label_step(widths: Sequence[float], pitch: float, gap: float) -> int:
    """The least step between named categories at which labels of *widths*, each centred on its category
    (*pitch* apart), leave at least *gap* between neighbours; with no room even for two, only the last."""
    count = len(widths)
    for step in range(1, count):
        shown = shown_indices(count, step)
        if all((widths[a] + widths[b]) / 2 + gap <= (b - a) * pitch for a, b in zip(shown, shown[1:])):
            return step
    return max(1, count)


def ends_fit(first: float, last: float, room: float, gap: float) -> bool:
    """True when a label of width *first* at the start of *room* and one of width *last* at its end leave *gap*
    between them (a trend's first and last day)."""
    return first + gap + last <= room
