"""Drive Psoas Coach through the AT-SPI accessibility tree alone, as a screen reader user's tools would.

Run by Debian's /usr/bin/python3 (pyatspi comes from python3-pyatspi, not from the virtualenv) inside a
private D-Bus session on an Xvfb display: ``driver.py OUT.json -- APP COMMAND...``. It starts the app,
walks the tree of each screen (home, briefing, a hold, a rep set, rest, summary, history), completes a
session with accessible actions only (press, set value), and writes what it saw to OUT.json.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import pyatspi
from gi.repository import GLib

# pyatspi and gi ship no type information: their objects are typed as Any here.
Accessible = Any
T = TypeVar("T")

INTERACTIVE = {"push button", "toggle button", "check box", "radio button", "spin button", "text", "entry",
               "list", "table", "page tab", "combo box", "slider", "progress bar", "list item"}
DEADLINE = time.monotonic() + 50
announcements: list[str] = []


def pump(seconds: float = 0.0) -> None:
    """Let D-Bus events (announcements) arrive for *seconds*: GLib's loop waits on its sockets and wakes for
    each event, and a GLib timeout ends the wait (no sleeping in between)."""
    context = GLib.MainContext.default()
    while context.pending():
        context.iteration(False)
    if seconds <= 0:
        return
    over: list[bool] = []

    def end() -> bool:
        over.append(True)
        return False  # once

    source = GLib.timeout_add(int(seconds * 1000), end)
    try:
        while not over:
            context.iteration(True)
    finally:
        if not over:
            GLib.source_remove(source)


def on_event(event: Any) -> None:
    announcements.append(str(event.any_data))


def showing(acc: Accessible) -> bool:
    try:
        return acc.getState().contains(pyatspi.STATE_SHOWING)
    except Exception:  # noqa: BLE001 - an object that vanished from the tree meanwhile is not showing
        return False


def walk(acc: Accessible | None) -> Iterator[Accessible]:
    """Every showing node under *acc* (itself included), depth first."""
    if acc is None or not showing(acc):
        return
    yield acc
    for i in range(acc.childCount):
        yield from walk(acc.getChildAtIndex(i))


def describe(acc: Accessible) -> dict[str, object]:
    node: dict[str, object] = {"role": acc.getRoleName(), "name": acc.name or "", "description": acc.description or ""}
    try:
        value = acc.queryValue()
        node["value"] = value.currentValue
        node["max"] = value.maximumValue
    except NotImplementedError:
        pass
    try:
        action = acc.queryAction()
        node["actions"] = [action.getName(i) for i in range(action.nActions)]
    except NotImplementedError:
        pass
    states = acc.getState()
    node["focusable"] = states.contains(pyatspi.STATE_FOCUSABLE)
    node["focused"] = states.contains(pyatspi.STATE_FOCUSED)
    node["enabled"] = states.contains(pyatspi.STATE_ENABLED)
    node["checked"] = states.contains(pyatspi.STATE_CHECKED)
    return node


def wait_for(what: str, find: Callable[[], T | None], timeout: float = 10.0) -> T:
    end = min(time.monotonic() + timeout, DEADLINE)
    while time.monotonic() < end:
        found = find()
        if found:
            return found
        pump(0.05)
    raise SystemExit(f"driver: timed out waiting for {what}")


def app_frame() -> Accessible | None:
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and app.name == "Psoas Coach":
            for j in range(app.childCount):
                frame = app.getChildAtIndex(j)
                if frame is not None and frame.getRoleName() == "frame" and showing(frame):
                    return frame
    return None


def find(role: str, test: Callable[[str], bool]) -> Accessible | None:
    frame = app_frame()
    if frame is None:
        return None
    for acc in walk(frame):
        if acc.getRoleName() == role and test(acc.name or ""):
            return acc
    return None


def button(prefix: str) -> Accessible | None:
    return find("push button", lambda name: name.startswith(prefix))


def press(prefix: str) -> None:
    target = wait_for(f"the button '{prefix}'", lambda: button(prefix))
    wait_for(f"'{prefix}' to be enabled", lambda: target.getState().contains(pyatspi.STATE_ENABLED) or None)
    action = target.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    action.doAction(names.index("Press") if "Press" in names else 0)
    pump(0.1)


def snapshot() -> list[dict[str, object]]:
    return [describe(acc) for acc in walk(app_frame())]


def screen_kind() -> str:
    """Which screen shows, told from the tree alone."""
    for acc in walk(app_frame()):
        role, name = acc.getRoleName(), acc.name or ""
        if role == "progress bar" and name.startswith(("Hold:", "Rest:", "Go:", "Switch sides:", "Release:")):
            return name.split(":")[0].lower()
        if role == "label" and name.startswith("Rep "):
            return "reps"
        if role == "slider":  # the rating chips
            return "summary"
        if role == "progress bar" and name.startswith("Get into position"):
            return "intro"
    return "other"


def main() -> None:
    out = sys.argv[1]
    command = sys.argv[sys.argv.index("--") + 1:]
    env = dict(os.environ, QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_QPA_PLATFORM="xcb")
    started = time.monotonic()
    app = subprocess.Popen(command, env=env)
    screens: dict[str, list[dict[str, object]]] = {}
    visited: list[str] = []
    result: dict[str, object] = {"screens": screens, "visited": visited, "announcements": announcements}
    try:
        pyatspi.Registry.registerEventListener(on_event, "object:announcement")
        wait_for("the Psoas Coach window", app_frame, timeout=20)
        if button("I understand"):  # the first-run safety note
            screens["safety"] = snapshot()
            press("I understand")
        wait_for("home", lambda: button("Start"))
        screens["home"] = snapshot()
        press("Start")
        wait_for("the briefing", lambda: find("label", lambda n: n == "Press Enter to begin."))
        screens["briefing"] = snapshot()
        wanted = {"hold", "reps", "rest"}
        for _ in range(400):
            kind = screen_kind()
            visited.append(kind)
            if kind == "summary":
                break
            if kind in wanted and kind not in screens:
                press("Pause")  # hold the step still while its tree is read
                if screen_kind() == kind:  # not moved on before the pause took hold
                    screens[kind] = snapshot()
                press("Pause")
                continue
            before = [describe(a) for a in walk(app_frame()) if a.getRoleName() in ("label", "progress bar")]
            press("Next")
            wait_for("the next step", lambda: [describe(a) for a in walk(app_frame())
                                               if a.getRoleName() in ("label", "progress bar")] != before, 5)
        screens["summary"] = snapshot()
        effort = find("slider", lambda name: name.startswith("Effort"))
        assert effort is not None, "the summary has no Effort rating chips"
        effort.queryValue().currentValue = 6.0
        pump(0.1)
        result["effort_after_set"] = effort.queryValue().currentValue
        press("Save")
        result["home_after"] = wait_for("home again", lambda: find("label", lambda n: n.startswith("Last session:"))).name
        press("History")
        wait_for("history", lambda: find("table", lambda n: n.startswith("Sessions")))
        screens["history"] = snapshot()
        for tab, shown in (("Calendar", "history-calendar"), ("Trends", "history-trends")):
            def tab_named(name: str, tab: str = tab) -> bool:
                return name.startswith(tab)

            page = wait_for(f"the {tab} tab", lambda: find("page tab", tab_named))
            page.queryAction().doAction(0)
            pump(0.3)
            screens[shown] = snapshot()
        pump(0.2)
    finally:
        result["seconds"] = round(time.monotonic() - started, 2)
        app.terminate()
        try:
            app.wait(10)
        except subprocess.TimeoutExpired:
            app.kill()
        with open(out, "w", encoding="utf-8") as fh:
            json.dump(result, fh, indent=1)


if __name__ == "__main__":
    main()
