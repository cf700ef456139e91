"""Read the packaged assets (exercise illustrations, app icon) by package name (package_files).

The files live in ``assets/`` at the top of the repository and ship as the data-only package
``psoas_coach.assets`` (pyproject maps that package onto the folder), so a wheel, an editable
install and the PyInstaller build all reach them by package name, never by a path guessed from
``__file__``. Paths are relative to that folder and written with forward slashes; absolute paths
and ``..`` are refused, so nothing outside it can be read through here.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from psoas_coach.package_files import package_folder

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

ICON_NAME = "psoas-coach"
ICON_SIZES: tuple[int, ...] = (16, 24, 32, 48, 64, 128, 256, 512)
_EXERCISE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class AssetNotFoundError(FileNotFoundError):
    """The asset path is valid but nothing is packaged there."""


ASSETS_PACKAGE = "psoas_coach.assets"


@cache
def _root() -> Traversable:
    """The assets folder, looked up once: home's first frame reads seven drawings through it."""
    return package_folder(ASSETS_PACKAGE)


def _parts(relative: str) -> list[str]:
    """Split a relative asset path, refusing anything that could leave the assets folder."""
    if not relative or relative.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", relative):
        raise ValueError(f"asset paths are relative to the assets folder: {relative!r}")
    if "\\" in relative or "\0" in relative:
        raise ValueError(f"asset paths use forward slashes only: {relative!r}")
    parts = relative.split("/")
    if any(part in ("", ".", "..") for part in parts):
        raise ValueError(f"asset path must not contain empty, '.' or '..' parts: {relative!r}")
    return parts


def asset(relative: str) -> Traversable:
    """The packaged file at ``relative`` (e.g. ``"exercises/supine-marching.svg"``)."""
    node = _root()
    for part in _parts(relative):
        node = node.joinpath(part)
    if not node.is_file():
        raise AssetNotFoundError(f"no packaged asset {relative!r}")
    return node


def read_asset(relative: str) -> bytes:
    """The bytes of a packaged asset."""
    return asset(relative).read_bytes()


def exercise_svg_path(exercise_id: str) -> str:
    """The asset path of an exercise's illustration; ``ValueError`` for a malformed id."""
    if not _EXERCISE_ID.fullmatch(exercise_id):
        raise ValueError(f"not an exercise id: {exercise_id!r}")
    return f"exercises/{exercise_id}.svg"


def has_exercise_svg(exercise_id: str) -> bool:
    """True when an illustration is packaged for this exercise."""
    try:
        asset(exercise_svg_path(exercise_id))
    except (ValueError, AssetNotFoundError):
        return False
    return True


def exercise_svg(exercise_id: str) -> bytes:
    """The SVG drawing of one exercise (a 400x300 view box)."""
    return read_asset(exercise_svg_path(exercise_id))


def illustrated_exercises() -> list[str]:
    """The ids of every exercise with a packaged illustration, sorted."""
    folder = _root().joinpath("exercises")
    return sorted(
        entry.name[: -len(".svg")]
        for entry in folder.iterdir()
        if entry.is_file() and entry.name.endswith(".svg")
    )


def icon_svg() -> bytes:
    """The scalable app icon."""
    return read_asset(f"icons/{ICON_NAME}.svg")


def icon_png(size: int) -> bytes:
    """The app icon rendered at ``size`` x ``size`` pixels (one of ``ICON_SIZES``)."""
    if size not in ICON_SIZES:
        raise ValueError(f"no {size} px icon; sizes are {ICON_SIZES}")
    return read_asset(f"icons/{ICON_NAME}-{size}.png")
