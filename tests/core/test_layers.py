"""core/ and store/ import no Qt: proven by importing them in a process where PySide6 cannot load."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import psoas_coach

PACKAGE = Path(psoas_coach.__file__).parent

BLOCK_QT = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6.") or name.startswith("shiboken6"):
            raise ImportError("Qt is blocked in this test: " + name)
        return None
sys.meta_path.insert(0, Block())
import importlib, pkgutil
import psoas_coach.core, psoas_coach.store
for pkg in (psoas_coach.core, psoas_coach.store):
    for mod in pkgutil.iter_modules(pkg.__path__):
        importlib.import_module(pkg.__name__ + "." + mod.name)
print("ok", sorted(m for m in sys.modules if m.startswith("psoas_coach")))
"""


def test_core_and_store_import_without_qt() -> None:
    out = subprocess.run([sys.executable, "-c", BLOCK_QT], capture_output=True, text=True, cwd=PACKAGE.parent)
    assert out.returncode == 0, out.stderr
    assert "psoas_coach.core.engine" in out.stdout
