"""ui.drawing_cache: home's exercise drawings rendered once, read back on later starts, and never trusted blindly."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from psoas_coach.resources import illustrated_exercises
from psoas_coach.ui import drawing_cache
from psoas_coach.ui.drawing_cache import DrawingCache

SIZE = (120, 90, 1.0)


@pytest.fixture
def exercise(qapp: QApplication) -> str:
    return illustrated_exercises()[0]


def image(cache: DrawingCache, exercise: str) -> QImage:
    return cache.pixmap(exercise, *SIZE).toImage().convertToFormat(QImage.Format.Format_ARGB32)


def test_a_later_start_reads_the_drawing_back_instead_of_rendering_it(tmp_path: Path, exercise: str) -> None:
    folder = tmp_path / "drawings"
    first = DrawingCache(folder)
    rendered = image(first, exercise)
    assert first.rendered == 1 and first.save() == 1
    (saved,) = folder.iterdir()
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600 and stat.S_IMODE(folder.stat().st_mode) == 0o700
    later = DrawingCache(folder)
    assert image(later, exercise) == rendered and later.rendered == 0  # the same pixels, from the file
    assert later.save() == 0


@pytest.mark.parametrize("plant", ["garbage", "wrong size", "empty", "too large", "folder", "fifo", "dangling link"])
def test_whatever_lies_in_a_drawing_s_place_is_rendered_again(tmp_path: Path, exercise: str, plant: str,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "drawings"
    first = DrawingCache(folder)
    good = image(first, exercise)
    first.save()
    (path,) = folder.iterdir()
    path.unlink()
    if plant == "garbage":
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(500))
    elif plant == "wrong size":
        DrawingCache(None).pixmap(exercise, 60, 45, 1.0).save(str(path), "PNG")
    elif plant == "empty":
        path.write_bytes(b"")
    elif plant == "too large":
        monkeypatch.setattr(drawing_cache, "MAX_FILE_BYTES", 10)
        good_bytes = drawing_cache._png_bytes(first.pixmap(exercise, *SIZE))
        path.write_bytes(good_bytes)
    elif plant == "folder":
        path.mkdir()
    elif plant == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to(tmp_path / "nowhere.png")
    later = DrawingCache(folder)
    assert image(later, exercise) == good and later.rendered == 1
    written = later.save()
    assert written == (0 if plant == "folder" else 1)  # the file is replaced; a folder in its place is left alone


def test_a_folder_that_cannot_be_written_costs_nothing_but_the_shortcut(tmp_path: Path, exercise: str) -> None:
    blocked = tmp_path / "drawings"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    cache = DrawingCache(blocked)
    assert not image(cache, exercise).isNull()
    assert cache.save() == 0
    assert blocked.read_text(encoding="utf-8") == "a file where the folder should be"


def test_the_most_recently_used_files_are_kept(tmp_path: Path, exercise: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(drawing_cache, "KEEP", 3)
    folder = tmp_path / "drawings"
    cache = DrawingCache(folder)
    for width in range(40, 100, 10):  # six sizes
        cache.pixmap(exercise, width, width * 3 // 4, 1.0)
    assert cache.save() == 6
    assert len(list(folder.iterdir())) == 3


def test_a_new_drawing_or_size_is_another_file(tmp_path: Path, exercise: str) -> None:
    cache = DrawingCache(tmp_path)
    names = {cache._file(exercise, svg, w, h, r) for svg, w, h, r in (
        (b"<svg/>", 120, 90, 1.0), (b"<svg />", 120, 90, 1.0), (b"<svg/>", 121, 90, 1.0), (b"<svg/>", 120, 90, 2.0))}
    assert len(names) == 4
    assert DrawingCache(None)._file(exercise, b"<svg/>", 120, 90, 1.0) is None
