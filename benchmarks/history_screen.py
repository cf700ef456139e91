"""History screen with N sessions stored (default 5,000): time from reload() to painted, and the charts.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/history_screen.py [N]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication  # noqa: E402

from psoas_coach.store.sessions import SessionStore, encode  # noqa: E402
from psoas_coach.ui.screens.history import HistoryScreen  # noqa: E402
from tests.store.helpers import make_record  # noqa: E402


def main(n: int = 5000) -> None:
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        store = SessionStore(Path(tmp) / "sessions")
        store.folder.mkdir()
        for i in range(n):
            record = make_record(i, status="completed" if i % 4 else "ended_early", effort=i % 10, pain=i % 3)
            store.path_for(record).write_bytes(encode(record))
        screen = HistoryScreen(store)
        screen.resize(1366, 768)
        shown = []
        for _ in range(5):
            t0 = time.perf_counter()
            screen.reload()
            screen.show()
            screen.repaint()
            app.processEvents()
            shown.append(time.perf_counter() - t0)
        print(f"history screen, {n} sessions, reload to painted: median {statistics.median(shown) * 1000:.0f} ms")
        t0 = time.perf_counter()
        screen.tabs.setCurrentIndex(2)
        screen.repaint()
        app.processEvents()
        print(f"charts tab built and painted: {(time.perf_counter() - t0) * 1000:.0f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
