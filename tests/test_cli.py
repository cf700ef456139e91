"""The command line: options before or after a sub-command, and clear errors for bad values."""

from __future__ import annotations

import argparse

import pytest

from psoas_coach.cli import build_parser, parse_args


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


def test_starting_the_window_imports_no_sub_command() -> None:
    import subprocess
    import sys

    code = ("import sys; from psoas_coach.cli import parse_args; parse_args(['--speed', '2', '--program', 'history']); "
            "print(sorted(m for m in sys.modules if m.startswith('psoas_coach.commands.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    from psoas_coach.commands import COMMANDS

    with pytest.raises(SystemExit):
        parse_args(["--help"])
    text = capsys.readouterr().out
    for name in COMMANDS:
        assert name in text


@pytest.mark.parametrize("name", ["programs", "schedule", "history", "export", "import", "doctor", "report"])
def test_each_command_loads_and_parses(name: str) -> None:
    from psoas_coach.commands import COMMANDS

    module, _help = COMMANDS[name]
    extra = {"export": ["--output", "x.json"], "import": ["x.json"], "programs": ["list"]}.get(name, [])
    args = parse_args([name, *extra])
    assert callable(args.func)


def test_the_window_s_options_build_no_sub_command_parser() -> None:
    parser = build_parser(["--data-dir", "/d", "--speed", "2", "--mute"])
    assert not any(isinstance(action, argparse._SubParsersAction) for action in parser._actions)


@pytest.mark.parametrize("argv", [["bogus"], ["--data-dir", "/d", "bogus"]])
def test_an_unknown_command_is_still_named_as_one(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as err:
        parse_args(argv)
    assert err.value.code == 2
    assert "invalid choice: 'bogus'" in capsys.readouterr().err

