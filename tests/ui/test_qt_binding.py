"""Guards against a Qt binding with reference-count bugs in calls the window makes on every step.

PySide6 6.12.0 drops a reference to None in QAction.setEnabled and QObject.property (for an unset
property), which crashes the interpreter at a later garbage collection; pyproject pins a good release.
"""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import gc
from PySide6.QtWidgets import QApplication, QWidget
from PySide6.QtGui import QAction
app = QApplication(["probe"])
w = QWidget()
a = QAction("x", w)
for _ in range(20000):
    a.setEnabled(True)
    w.property("unset")
gc.collect()
print("ok")
"""


def test_binding_keeps_reference_counts() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""}, timeout=60)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr[-800:]
