"""The asset loader: packaged files through importlib.resources, unsafe paths refused, every
exercise drawn in the shared style, and the icon in every size."""

from __future__ import annotations

import json
import struct
import xml.etree.ElementTree as ET
from importlib import resources

import pytest

from psoas_coach import resources as assets

SVG = "{http://www.w3.org/2000/svg}"
FIGURE = "#7b8494"
ACCENT = "#e8731c"


def exercise_ids() -> list[str]:
    data = json.loads(resources.files("psoas_coach").joinpath("data/exercises.json").read_text("utf-8"))
    return [exercise["id"] for exercise in data["exercises"]]


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "/etc/passwd",
        "\\windows\\system.ini",
        "C:/Windows/win.ini",
        "../data/exercises.json",
        "exercises/../../cli.py",
        "exercises//supine-marching.svg",
        "./exercises/supine-marching.svg",
        "exercises\\supine-marching.svg",
    ],
)
def test_unsafe_paths_are_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        assets.read_asset(bad)


def test_a_missing_asset_is_a_file_not_found() -> None:
    with pytest.raises(FileNotFoundError):
        assets.read_asset("exercises/no-such-exercise.svg")
    with pytest.raises(assets.AssetNotFoundError):
        assets.exercise_svg("no-such-exercise")


def test_a_folder_is_not_an_asset() -> None:
    with pytest.raises(assets.AssetNotFoundError):
        assets.read_asset("exercises")


@pytest.mark.parametrize("bad_id", ["Supine", "a/b", "..", "-x", "x-", "x.svg", ""])
def test_malformed_exercise_ids_are_refused(bad_id: str) -> None:
    with pytest.raises(ValueError):
        assets.exercise_svg_path(bad_id)
    assert not assets.has_exercise_svg(bad_id)


def test_every_exercise_has_an_illustration_and_nothing_else_does() -> None:
    assert assets.illustrated_exercises() == sorted(exercise_ids())
    for exercise_id in exercise_ids():
        assert assets.has_exercise_svg(exercise_id)


@pytest.mark.parametrize("exercise_id", exercise_ids())
def test_illustration_follows_the_shared_style(exercise_id: str) -> None:
    text = assets.exercise_svg(exercise_id).decode("utf-8")
    root = ET.fromstring(text)
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox") == "0 0 400 300"
    assert root.find(f"{SVG}title") is not None and root.find(f"{SVG}desc") is not None
    assert "currentColor" not in text
    assert FIGURE in text and ACCENT in text  # grey figure, accent working leg and arrow
    assert root.find(f".//{SVG}circle") is not None  # the head
    floor = root.find(f"{SVG}line")
    assert floor is not None and floor.get("y1") == floor.get("y2") == "252"
    groups = [g for g in root.iter(f"{SVG}g") if g.get("stroke-linecap")]
    assert groups and all(g.get("stroke-linecap") == "round" for g in groups)
    widths = {el.get("stroke-width") for el in root.iter() if el.get("stroke-width")}
    assert "12" in widths and widths <= {"4", "6", "8", "12"}


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_icon_in_every_size() -> None:
    assert ET.fromstring(assets.icon_svg()).get("viewBox") == "0 0 512 512"
    for size in assets.ICON_SIZES:
        assert png_size(assets.icon_png(size)) == (size, size)
    with pytest.raises(ValueError):
        assets.icon_png(17)
