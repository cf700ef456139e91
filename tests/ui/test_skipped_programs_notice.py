"""Many rejected program files: home says how many on one short line and keeps its program list."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from psoas_coach.core.program import load_library
from psoas_coach.ui.main_window import MainWindow


def test_forty_bad_files_give_one_short_line(window_factory: Callable[..., MainWindow], tmp_path: Path) -> None:
    programs = tmp_path / "programs"
    programs.mkdir()
    for n in range(40):
        (programs / f"bad-{n:02d}.json").write_text('{"id": "' + "x" * 100_000 + '"}', encoding="utf-8")
    if os.name == "posix":
        os.mkfifo(programs / "p.json")
    window = window_factory(load_library([programs]))
    text = window.home.notice.text()
    assert text.startswith("41 program files were skipped (bad-00.json and 40 more)")
    assert "\n" not in text and len(text) < 200
    assert window.home.programs.count() >= 2  # foundation and advanced are still there to choose
