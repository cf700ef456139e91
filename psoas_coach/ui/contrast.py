"""WCAG 2.2 contrast from hex colours (no Qt), so the theme's tokens can be checked in a plain test."""

from __future__ import annotations

AA_TEXT = 4.5  # normal text (WCAG 2.2, 1.4.3)
AA_LARGE_TEXT = 3.0  # large text: 18 pt, or 14 pt bold
AA_NON_TEXT = 3.0  # focus rings, rings and bars (1.4.11)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """The WCAG relative luminance of ``#RRGGBB``."""
    text = colour.lstrip("#")
    if len(text) != 6:
        raise ValueError(f"a colour token must be #RRGGBB, not {colour!r}")
    r, g, b = (int(text[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(a: str, b: str) -> float:
    """(L1 + 0.05) / (L2 + 0.05), lighter over darker: 1 (same) to 21 (black on white)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
