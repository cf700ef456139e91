"""The command line: options before or after a sub-command, and clear errors for bad values."""

from __future__ import annotations

import pytest

from psoas_coach.cli import parse_args


def test_gui_options() -> None:
    args = parse_args(["--speed", "20", "--program", "foundation", "--mute", "--data-dir", "/tmp/x"])
    assert args.speed == 20 and args.program == "foundation" and args.mute and args.data_dir == "/tmp/x"
    assert getattr(args, "func", None) is None


@pytest.mark.parametrize("argv", [["--data-dir", "/d", "history"], ["history", "--data-dir", "/d"],
                                  ["programs", "list", "--data-dir", "/d"]])
def test_data_dir_before_or_after_the_sub_command(argv: list[str]) -> None:
    args = parse_args(argv)
    assert args.data_dir == "/d" and callable(args.func)


def test_data_dir_is_kept_when_a_sub_command_does_not_repeat_it() -> None:
    assert parse_args(["--data-dir", "/d", "programs", "list"]).data_dir == "/d"


@pytest.mark.parametrize("speed", ["0", "-1", "fast"])
def test_bad_speed_is_one_clear_error(speed: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as err:
        parse_args(["--speed", speed])
    assert err.value.code == 2
    assert "--speed" in capsys.readouterr().err
