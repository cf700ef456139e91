"""pyproject's package list, package-dir mapping and package-data reach every file of the package and
of the top-level assets/ folder, so the wheel holds all of them (the list is written out because
setuptools' finder cannot see a package mapped onto another folder)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

tomllib = pytest.importorskip("tomllib", reason="tomllib needs Python 3.11")

ROOT = Path(__file__).resolve().parents[2]
SOURCE_FOLDERS = (ROOT / "psoas_coach", ROOT / "assets")
CODE_SUFFIXES = {".py", ".pyc", ".pyi"}


def setuptools_config() -> dict[str, Any]:
    config: dict[str, Any] = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    setuptools: dict[str, Any] = config["tool"]["setuptools"]
    return setuptools


def package_folder(package: str, package_dir: dict[str, str]) -> Path:
    """Where setuptools takes ``package`` from: the longest mapped parent, then the dotted path."""
    parts = package.split(".")
    for cut in range(len(parts), 0, -1):
        mapped = package_dir.get(".".join(parts[:cut]))
        if mapped is not None:
            return ROOT.joinpath(mapped, *parts[cut:])
    return ROOT.joinpath(*parts)


def folders_holding_modules() -> set[Path]:
    return {path.parent for folder in SOURCE_FOLDERS for path in folder.rglob("*.py") if "__pycache__" not in path.parts}


def test_every_folder_of_modules_is_a_listed_package() -> None:
    """(Data folders such as locale/ are reached by their parent's package-data patterns, below.)"""
    config = setuptools_config()
    listed = {package_folder(name, config["package-dir"]) for name in config["packages"]}
    missing = sorted(str(p.relative_to(ROOT)) for p in folders_holding_modules() - listed)
    assert not missing, f"folders no package in pyproject.toml maps to: {missing}"
    assert all(folder.is_dir() for folder in listed), "a listed package has no folder"


def test_every_data_file_is_declared_as_package_data() -> None:
    config = setuptools_config()
    declared: set[Path] = set()
    for package, patterns in config["package-data"].items():
        folder = package_folder(package, config["package-dir"])
        for pattern in patterns:
            declared.update(p for p in folder.glob(pattern) if p.is_file())
    data_files = {
        p
        for folder in SOURCE_FOLDERS
        for p in folder.rglob("*")
        if p.is_file() and p.suffix not in CODE_SUFFIXES and "__pycache__" not in p.parts
    }
    missing = sorted(str(p.relative_to(ROOT)) for p in data_files - declared)
    assert not missing, f"not shipped in the wheel: {missing}"


def test_every_folder_of_shipped_files_is_a_listed_package() -> None:
    """setuptools warns, at every install, about each folder of package data that is not a listed package
    (some forty lines each: a new user's set-up printed about 300 lines of warnings for the catalogues)."""
    config = setuptools_config()
    listed = {package_folder(name, config["package-dir"]) for name in config["packages"]}
    shipped = {
        p.parent
        for folder in SOURCE_FOLDERS
        for p in folder.rglob("*")
        if p.is_file() and p.suffix not in CODE_SUFFIXES and "__pycache__" not in p.parts
    }
    missing = sorted(str(p.relative_to(ROOT)) for p in shipped - listed)
    assert not missing, f"folders of data files that are not listed packages in pyproject.toml: {missing}"


def test_the_assets_folder_ships_as_psoas_coach_assets() -> None:
    config = setuptools_config()
    assert config["package-dir"]["psoas_coach.assets"] == "assets"
    assert package_folder("psoas_coach.assets.icons", config["package-dir"]) == ROOT / "assets" / "icons"
