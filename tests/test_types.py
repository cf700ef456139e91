"""Type hints everywhere, checked: mypy with disallow_untyped_defs over the package and its tests (pyproject's
[tool.mypy] names both, so a plain ``mypy`` checks what this test checks)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_package_and_tests_type_check(tmp_path: Path) -> None:
    pytest.importorskip("mypy", reason="mypy is a test dependency: pip install -e '.[test]'")
    out = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "mypy-cache")],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-2000:]
    checked = out.stdout.strip().splitlines()[-1]  # "Success: no issues found in N source files"
    assert int(checked.split(" in ")[1].split()[0]) > len(list((ROOT / "psoas_coach").rglob("*.py"))), (
        f"mypy did not check the tests as well: {checked}")
