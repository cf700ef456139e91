"""The layers in pyproject.toml ([tool.importlinter]) hold, and the check fails when a layer reaches the wrong way."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(package_parent: Path, config: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(package_parent)}  # this copy of psoas_coach, not the installed one
    return subprocess.run([str(LINT_IMPORTS), "--config", str(config), "--no-cache"], capture_output=True,
                          text=True, cwd=package_parent, env=env, timeout=120)


def test_the_layer_contracts_hold() -> None:
    result = lint_imports(ROOT, ROOT / "pyproject.toml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(("module", "wrong_import"), [
    ("core/schedule.py", "import psoas_coach.store.sessions"),  # core reaches up into the store
    ("store/listing.py", "import psoas_coach.speech.cache"),  # the store reaches up into speech
    ("ui/screens/home.py", "import psoas_coach.commands.history"),  # the window imports the command line
    ("speech/cache.py", "import psoas_coach.report.data"),  # two siblings tied together
    ("core/clock.py", "import PySide6.QtCore"),  # core imports Qt
    ("store/merge.py", "from PySide6 import QtCore"),  # the store imports Qt
])
def test_a_wrong_import_breaks_the_contracts(tmp_path: Path, module: str, wrong_import: str) -> None:
    copy = tmp_path / "psoas_coach"
    shutil.copytree(ROOT / "psoas_coach", copy, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    target = copy / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{wrong_import}  # noqa\n", encoding="utf-8")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    result = lint_imports(tmp_path, tmp_path / "pyproject.toml")
    assert result.returncode != 0, result.stdout
    assert "BROKEN" in result.stdout
