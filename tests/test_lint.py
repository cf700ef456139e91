"""The project's own linter settings ([tool.ruff] in pyproject.toml) pass over the whole checkout."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUFF = Path(sys.executable).parent / "ruff"


def test_ruff_finds_nothing() -> None:
    result = subprocess.run([str(RUFF), "check", "--no-cache", "--output-format", "concise", "."],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
