"""The real accessibility tree: the app on an Xvfb display, a private D-Bus session with the AT-SPI
registry (at-spi2-core), read and driven by pyatspi (Debian's python3-pyatspi, run by /usr/bin/python3).

A screen reader sees what this test sees: every screen's tree has named controls with their roles, the
countdown ring and the rep counter say the phase and the seconds or rep, a whole session is completed
with accessible actions alone, and each new step is announced once (the app's voice is silent here:
no audio output under Xvfb).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.atspi

SYSTEM_PYTHON = "/usr/bin/python3"
DRIVER = Path(__file__).parent / "atspi" / "driver.py"
INTERACTIVE = {"push button", "toggle button", "check box", "radio button", "spin button", "text", "entry",
               "list", "table", "page tab", "combo box", "slider", "progress bar", "list item"}
Node = dict[str, Any]


def missing_tools() -> list[str]:
    missing = [tool for tool in ("Xvfb", "dbus-run-session") if shutil.which(tool) is None]
    if not any(Path(p).exists() for p in ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher")):
        missing.append("at-spi2-core")
    if not Path(SYSTEM_PYTHON).exists() or subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"],
                                                          capture_output=True).returncode != 0:
        missing.append("python3-pyatspi")
    return missing


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    missing = missing_tools()
    if missing:
        message = f"the AT-SPI test needs {', '.join(missing)} (scripts/setup.sh installs them)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    tmp = tmp_path_factory.mktemp("atspi")
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                            pass_fds=(write_fd,), stderr=subprocess.DEVNULL)
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as pipe:
            display = pipe.readline().strip()
        env = {key: value for key, value in os.environ.items() if key not in ("QT_QPA_PLATFORM", "PYTHONPATH")}
        env.update(DISPLAY=f":{display}", PSOAS_COACH_HOME=str(tmp / "home"), XDG_CONFIG_HOME=str(tmp / "config"),
                   XDG_CACHE_HOME=str(tmp / "cache"), XDG_DATA_HOME=str(tmp / "data"), NO_AT_BRIDGE="0")
        out = tmp / "tree.json"
        app = [sys.executable, "-m", "psoas_coach", "--data-dir", str(tmp / "psoas"), "--speed", "20"]
        run = subprocess.run(["dbus-run-session", "--", SYSTEM_PYTHON, str(DRIVER), str(out), "--", *app],
                             env=env, capture_output=True, text=True, timeout=90)
    finally:
        xvfb.terminate()
        xvfb.wait(10)
    assert out.exists(), run.stderr[-3000:]
    result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    result["returncode"], result["stderr"] = run.returncode, run.stderr[-3000:]
    return result


def nodes(tree: dict[str, Any], screen: str) -> list[Node]:
    assert screen in tree["screens"], (sorted(tree["screens"]), tree["stderr"])
    return list(tree["screens"][screen])


def named(screen: list[Node], role: str) -> list[str]:
    return [n["name"] for n in screen if n["role"] == role]


def test_a_whole_session_is_completed_through_accessible_actions_alone(tree: dict[str, Any]) -> None:
    assert tree["returncode"] == 0, tree["stderr"]
    assert "completed" in tree["home_after"] and "effort 6/10" in tree["home_after"]
    assert tree["effort_after_set"] == 6.0
    assert {"intro", "reps", "rest", "hold", "summary"} <= set(tree["visited"])
    assert tree["seconds"] < 60


def test_no_interactive_element_of_any_screen_is_unnamed(tree: dict[str, Any]) -> None:
    for screen in ("home", "briefing", "hold", "reps", "rest", "summary", "history", "history-calendar",
                   "history-trends"):
        unnamed = [n["role"] for n in nodes(tree, screen) if n["role"] in INTERACTIVE and not n["name"].strip()]
        assert not unnamed, (screen, unnamed)
        marks = [n["name"] for n in nodes(tree, screen) if n["role"] == "push button" and any(c in n["name"] for c in "▶◀")]
        assert not marks, (screen, marks)


def test_home_names_its_choices_and_buttons(tree: dict[str, Any]) -> None:
    home = nodes(tree, "home")
    assert "Pick a session" in named(home, "panel")  # the program cards, one group
    cards = [n for n in home if n["role"] == "radio button"]
    assert [card["name"].split(" — ")[0] for card in cards] == ["Foundation", "Advanced"], cards
    assert all(" min" in card["name"] and card["description"] for card in cards)  # its length; its exercises
    assert [card["checked"] for card in cards] == [True, False]  # the first is chosen; Enter starts it
    assert {"Start (Enter)", "History (H)", "Voice (V)"} <= set(named(home, "push button"))


def test_the_session_controls_are_buttons_with_their_keys(tree: dict[str, Any]) -> None:
    buttons = named(nodes(tree, "briefing"), "push button")
    assert {"Back", "Pause / resume (Space)", "Next (Enter)", "Sharp pain — stop (P)", "End (Esc)"} <= set(buttons)
    assert "Mute (M)" in named(nodes(tree, "briefing"), "check box")
    assert "Press Enter to begin." in named(nodes(tree, "briefing"), "label")


def test_the_countdown_ring_gives_its_phase_and_the_seconds_left(tree: dict[str, Any]) -> None:
    for screen, phase in (("hold", "Hold"), ("rest", "Rest")):
        ring = next(n for n in nodes(tree, screen) if n["role"] == "progress bar" and n["name"].startswith(phase))
        seconds = int(ring["value"])
        assert ring["name"] == f"{phase}: {seconds} second{'s' if seconds != 1 else ''} left"
        assert 0 < seconds <= ring["max"]
        assert phase in named(nodes(tree, screen), "label")  # the phase word, not only its colour


def test_the_rep_counter_gives_rep_side_and_tempo_phase(tree: dict[str, Any]) -> None:
    counter = next(name for name in named(nodes(tree, "reps"), "label") if name.startswith("Rep "))
    assert " of 10" in counter
    assert any(side in counter for side in ("left leg", "right leg"))
    assert any(phase in counter for phase in ("lift", "hold", "lower slowly", "relax"))


def test_summary_fields_and_rating_chips_say_what_they_mean(tree: dict[str, Any]) -> None:
    summary = nodes(tree, "summary")
    spins = named(summary, "slider")  # the rating chips: a value to read and set
    assert "Effort (1 easy – 10 maximal)" in spins and "Any pain (0 none – 10 worst)" in spins
    assert "Notes" in named(summary, "text")
    chips = named(summary, "check box")
    assert "Pelvis neutral the whole time? Mostly" in chips and "Were the last reps hard? No, easy" in chips


def test_history_lists_sessions_in_a_named_table(tree: dict[str, Any]) -> None:
    history = nodes(tree, "history")
    assert {"Sessions, newest first", "What was done, per exercise and side"} <= set(named(history, "table"))
    assert "Home (Esc)" in named(history, "push button")


def test_each_new_step_is_announced_once_politely(tree: dict[str, Any]) -> None:
    said = tree["announcements"]
    assert "Foundation. Press Enter to begin." in said
    assert any(text.startswith("Hold. Controlled Straight Leg Raise. Set 1 of 3") for text in said)
    assert any(text.startswith("Work. Supine Marching. Set 1 of 3") for text in said)
    assert said[-1] == "Session complete. Well done."
    for before, after in zip(said, said[1:]):
        assert before != after  # never the same thing twice in a row, never per tick
    assert not any("seconds left" in text for text in said)



def test_history_calendar_and_trends_tabs_are_reached_and_named(tree: dict[str, Any]) -> None:
    calendar = nodes(tree, "history-calendar")
    assert "Weeks, newest first" in named(calendar, "list")  # the Calendar tab is showing, not Sessions
    trends = nodes(tree, "history-trends")
    assert "Weeks, newest first" not in named(trends, "list")
