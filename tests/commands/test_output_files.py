"""The report and the calendar file are written like an export: atomically, private, and a full or read-only
disk leaves no empty file behind and says why in one sentence (with no Qt warning on stderr)."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

from psoas_coach import atomic
from tests.commands.test_programs_command import run_cli

REFUSALS = [(errno.ENOSPC, "the disk is full"), (errno.EROFS, "the disk is read-only"),
            (errno.EACCES, "the folder is not writable")]


def _refuse(monkeypatch: pytest.MonkeyPatch, code: int, where: str) -> None:
    def refuse(*_args: object, **_kwargs: object) -> Any:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(atomic.os, where, refuse)


@pytest.mark.parametrize("where", ["fsync", "replace"])  # no room for the data, or for the name
@pytest.mark.parametrize(("code", "reason"), REFUSALS)
def test_a_refused_report_leaves_nothing_and_says_why(tmp_path: Path, qapp: Any, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str], code: int, reason: str,
                                                      where: str) -> None:
    output = tmp_path / "out" / "report.pdf"
    output.parent.mkdir()
    _refuse(monkeypatch, code, where)
    result, out, err = run_cli(["report", "--output", str(output)], capsys)
    monkeypatch.undo()
    assert result == 1 and out == ""
    assert err.strip() == f"Could not write {output} because {reason}."
    assert list(output.parent.iterdir()) == []


@pytest.mark.parametrize("where", ["fsync", "replace"])
@pytest.mark.parametrize(("code", "reason"), REFUSALS)
def test_a_refused_calendar_file_leaves_nothing_and_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str], code: int,
                                                             reason: str, where: str) -> None:
    output = tmp_path / "out" / "plan.ics"
    output.parent.mkdir()
    _refuse(monkeypatch, code, where)
    result, _, err = run_cli(["schedule", "--ics", str(output)], capsys)
    monkeypatch.undo()
    assert result == 1
    assert err.strip().splitlines()[-1] == f"Could not write {output} because {reason}."
    assert list(output.parent.iterdir()) == []


def test_an_old_report_is_kept_when_the_new_one_is_refused(tmp_path: Path, qapp: Any,
                                                           monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "report.pdf"
    assert run_cli(["report", "--output", str(output)], capsys)[0] == 0
    before = output.read_bytes()
    assert before.startswith(b"%PDF")
    _refuse(monkeypatch, errno.ENOSPC, "fsync")
    assert run_cli(["report", "--output", str(output)], capsys)[0] == 1
    monkeypatch.undo()
    assert output.read_bytes() == before


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_for_real(tmp_path: Path, qapp: Any, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o500)
    try:
        code, _, err = run_cli(["report", "--output", str(folder / "r.pdf")], capsys)
        assert code == 1 and err.strip() == f"Could not write {folder / 'r.pdf'} because the folder is not writable."
        code, _, err = run_cli(["schedule", "--ics", str(folder / "p.ics")], capsys)
        assert code == 1 and "because the folder is not writable." in err
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_a_folder_in_the_way_is_named(tmp_path: Path, qapp: Any, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "taken.pdf").mkdir()
    code, _, err = run_cli(["report", "--output", str(tmp_path / "taken.pdf")], capsys)
    assert code == 1 and err.strip().endswith("because that name is a folder.")


def _unwritable_system_folder() -> Path | None:
    """/sys refuses new files even to root: a real read-only target for this test, whoever runs it."""
    import tempfile

    folder = Path("/sys")
    try:
        fd, name = tempfile.mkstemp(dir=folder)
    except OSError:
        return folder if folder.is_dir() else None
    os.close(fd)
    os.unlink(name)
    return None


@pytest.mark.skipif(_unwritable_system_folder() is None, reason="no folder here refuses writes to everyone")
def test_a_real_refused_target_gives_one_line_and_no_qt_warning(qapp: Any, capfd: pytest.CaptureFixture[str]) -> None:
    from psoas_coach.cli import parse_args
    from psoas_coach.paths import resolve_paths

    folder = _unwritable_system_folder()
    assert folder is not None
    for argv in (["report", "--output", str(folder / "psoas-report.pdf")],
                 ["schedule", "--ics", str(folder / "psoas-plan.ics")]):
        args = parse_args(argv)
        assert args.func(args, resolve_paths()) == 1
        err = capfd.readouterr().err  # the process's own stderr: a Qt warning would land here
        assert err.strip().splitlines()[-1].startswith(f"Could not write {folder}/psoas-")
        assert "because" in err and "QPdf" not in err and "QFile" not in err
        assert not (folder / Path(argv[-1]).name).exists()
