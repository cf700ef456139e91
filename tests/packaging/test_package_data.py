"""Every non-Python file in the package is matched by pyproject's package-data, so it reaches the wheel."""

from __future__ import annotations

from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib", reason="tomllib needs Python 3.11")

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "psoas_coach"


def shipped_patterns() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    patterns: list[str] = config["tool"]["setuptools"]["package-data"]["psoas_coach"]
    return patterns


def test_every_data_file_is_declared_as_package_data() -> None:
    declared: set[Path] = set()
    for pattern in shipped_patterns():
        declared.update(p for p in PACKAGE.glob(pattern) if p.is_file())
    data_files = {
        p
        for p in PACKAGE.rglob("*")
        if p.is_file() and p.suffix not in {".py", ".pyc", ".pyi"} and "__pycache__" not in p.parts
    }
    missing = sorted(str(p.relative_to(PACKAGE)) for p in data_files - declared)
    assert not missing, f"not shipped in the wheel: {missing}"


def test_assets_are_declared() -> None:
    assert "assets/**/*" in shipped_patterns()
