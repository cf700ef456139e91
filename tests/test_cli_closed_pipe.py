"""Every sub-command that prints ends quietly when its reader goes away (``psoas-coach schedule |
head -3``): no traceback, the exit status a shell gives a program ended by SIGPIPE. Checked with a
real pipe whose reading end is closed before the command starts, so every write fails."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from psoas_coach.cli import EXIT_CLOSED_PIPE, quiet_on_closed_stdout

ROOT = Path(__file__).resolve().parents[1]

PRINTING_COMMANDS = [
    ["history"],
    ["history", "--json"],
    ["programs", "list"],
    ["programs", "show", "foundation"],
    ["schedule"],
    ["doctor"],
    ["export", "--format", "csv", "--output", "-"],
    ["export", "--format", "json", "--output", "-"],
    ["report", "--output", "{tmp}/report.pdf"],
    ["--help"],
    ["schedule", "--help"],
    ["--version"],
]


def user_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """A user's shell: output buffered as usual (no PYTHONUNBUFFERED), a private data dir."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"}
    return dict(env, PSOAS_COACH_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen", **extra)


def run_into_closed_pipe(argv: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first line is written
    try:
        return subprocess.run([sys.executable, "-m", "psoas_coach", *argv], stdout=write_end,
                              stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env, timeout=120)
    finally:
        os.close(write_end)


@pytest.mark.parametrize("argv", PRINTING_COMMANDS, ids=" ".join)
def test_a_closed_pipe_ends_the_command_quietly(argv: list[str], tmp_path: Path) -> None:
    done = run_into_closed_pipe([arg.replace("{tmp}", str(tmp_path)) for arg in argv], user_env(tmp_path))
    assert done.stderr == ""
    assert done.returncode == EXIT_CLOSED_PIPE


def test_unbuffered_output_ends_quietly_too(tmp_path: Path) -> None:
    """With PYTHONUNBUFFERED the first print fails, not the flush at the end."""
    done = run_into_closed_pipe(["schedule"], user_env(tmp_path, PYTHONUNBUFFERED="1"))
    assert (done.returncode, done.stderr) == (EXIT_CLOSED_PIPE, "")


def test_a_reader_that_stops_early_sees_no_traceback(tmp_path: Path) -> None:
    """As `| head -1` does: read one line, then close; the command ends with 0 or 141, silently."""
    child = subprocess.Popen([sys.executable, "-m", "psoas_coach", "schedule"], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, cwd=ROOT, env=user_env(tmp_path))
    assert child.stdout is not None and child.stderr is not None
    first = child.stdout.readline()
    child.stdout.close()
    errors = child.stderr.read()
    assert child.wait(timeout=60) in (0, EXIT_CLOSED_PIPE)
    assert first.strip() and errors == b""


def test_a_broken_pipe_of_the_command_itself_is_not_hidden() -> None:
    """Only the reader of stdout going away is quiet: another pipe breaking is a real error."""
    with pytest.raises(BrokenPipeError), quiet_on_closed_stdout():
        raise BrokenPipeError("the command's own pipe")
