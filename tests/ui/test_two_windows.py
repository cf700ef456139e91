"""Two windows on one data folder: the running session is owned by one of them. The other offers no resume,
starts no second session and never touches unfinished/current.json; the lock dies with its process."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from psoas_coach.core.engine import SessionState
from psoas_coach.core.program import ProgramLibrary
from psoas_coach.store.session_lock import ELSEWHERE
from tests.fakes import FakeClock
from tests.ui.test_resume import crash_mid_set, make_window
from tests.window_fixtures import Answers, answer_banner

HOLDER = """
import sys
from pathlib import Path
from psoas_coach.store.session_lock import SessionOwnership
lock = SessionOwnership(Path(sys.argv[1]))
print("held" if lock.claim() else "refused", flush=True)
sys.stdin.read()
"""


def _autosave(folder: Path) -> Path:
    return folder / "unfinished" / "current.json"


def test_a_second_window_leaves_the_running_session_alone(qtbot: QtBot, library: ProgramLibrary, tmp_path: Path,
                                                         clock: FakeClock, answers: Answers) -> None:
    folder = tmp_path / "sessions"
    first = make_window(qtbot, library, folder, clock, answers)
    first.start_program("foundation")
    first.next_step()
    first.next_step()
    clock.advance(10)
    first.driver.tick()
    first.recorder.tick()
    before = _autosave(folder).read_bytes()
    stat_before = _autosave(folder).stat()

    second = make_window(qtbot, library, folder, clock, answers)
    second.offer_resume()
    answer_banner(second, answers)
    assert answers.asked == [] and second.engine is None
    assert "running in another Psoas Coach window" in second.home.notice.text()
    second.start_program("advanced")
    assert second.engine is None and str(ELSEWHERE) in second.home.notice.text()
    assert _autosave(folder).read_bytes() == before
    assert _autosave(folder).stat().st_mtime_ns == stat_before.st_mtime_ns
    assert not (folder / "corrupt").exists() and list(folder.glob("*.json")) == []

    assert first.engine is not None and first.engine.state is SessionState.RUNNING
    first.engine.end_early()  # saved for good: the folder is free again
    [record] = [json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*.json")]
    assert record["id"] == first.recorder.session_id
    second.start_program("advanced")
    assert second.engine is not None and second.engine.plan.program.id == "advanced"
    first.start_program("foundation")
    assert first.engine.state is SessionState.FINISHED  # refused: second runs now


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_the_lock_of_another_process_dies_with_it(qtbot: QtBot, library: ProgramLibrary, tmp_path: Path,
                                                  clock: FakeClock, answers: Answers) -> None:
    folder = tmp_path / "sessions"
    session_id = crash_mid_set(qtbot, library, folder, clock, answers)
    root = Path(__file__).resolve().parents[2]
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(folder)], cwd=root, text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        window = make_window(qtbot, library, folder, clock, answers)
        window.offer_resume()
        answer_banner(window, answers)
        assert answers.asked == [] and window.engine is None
        assert _autosave(folder).exists()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
        if holder.stdin is not None:
            holder.stdin.close()
        if holder.stdout is not None:
            holder.stdout.close()
    answers.answer = True
    window.offer_resume()  # the other process is gone, and so is its lock
    answer_banner(window, answers)
    assert len(answers.asked) == 1
    assert window.engine is not None and window.recorder.session_id == session_id
