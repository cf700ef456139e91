"""A package's files are found as a folder when they are one, and through importlib.resources otherwise."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest

from psoas_coach.package_files import package_folder


def test_an_installed_package_is_its_folder() -> None:
    folder = package_folder("psoas_coach.data")
    assert isinstance(folder, Path) and folder.joinpath("exercises.json").is_file()
    assert package_folder("psoas_coach.assets").joinpath("exercises").is_dir()  # the mapped assets/ folder


def test_a_package_inside_a_zip_is_read_through_importlib_resources(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    archive = tmp_path / "zipped.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("zipped_pkg/__init__.py", "")
        zf.writestr("zipped_pkg/data.json", '{"ok": true}')
    monkeypatch.syspath_prepend(str(archive))
    try:
        folder = package_folder("zipped_pkg")
        assert not isinstance(folder, Path)
        assert folder.joinpath("data.json").read_text(encoding="utf-8") == '{"ok": true}'
    finally:
        sys.modules.pop("zipped_pkg", None)
