"""Which labels of an axis are named: whole, never touching, the last always, as many as fit."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from psoas_coach.core.axis_labels import ends_fit, label_step, shown_indices


@given(st.lists(st.floats(1, 120), min_size=1, max_size=16), st.floats(5, 120), st.floats(0, 10))
def test_the_chosen_labels_never_touch_and_the_last_is_always_named(widths: list[float], pitch: float,
                                                                     gap: float) -> None:
    step = label_step(widths, pitch, gap)
    shown = shown_indices(len(widths), step)
    assert shown[-1] == len(widths) - 1
    for a, b in zip(shown, shown[1:]):
        assert (widths[a] + widths[b]) / 2 + gap <= (b - a) * pitch
    if step > 1 and step < len(widths):  # the least step that fits: one less would touch
        closer = shown_indices(len(widths), step - 1)
        assert any((widths[a] + widths[b]) / 2 + gap > (b - a) * pitch for a, b in zip(closer, closer[1:]))


def test_every_label_is_named_where_there_is_room_and_only_the_last_where_there_is_none() -> None:
    assert label_step([30.0] * 12, 40.0, 5.0) == 1
    assert shown_indices(12, label_step([50.0] * 12, 40.0, 5.0)) == [1, 3, 5, 7, 9, 11]
    assert shown_indices(3, label_step([500.0] * 3, 40.0, 5.0)) == [2]
    assert ends_fit(40, 50, 100, 5) and not ends_fit(40, 56, 100, 5)
