"""One real keep-awake round trip on Linux: wakepy, through jeepney and a private D-Bus session bus,
inhibits and releases a stand-in org.freedesktop.ScreenSaver service. Skipped where there is no
dbus-daemon or no jeepney (Windows, macOS, minimal containers)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from psoas_coach.keepawake import WakepyKeepAwake

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="D-Bus inhibit is the Linux path")

SCREENSAVER = "org.freedesktop.ScreenSaver"


@dataclass
class ScreenSaverStandIn:
    """Answers Inhibit with a cookie and records UnInhibit, like a desktop's screensaver would."""

    calls: list[tuple[str, tuple[object, ...]]] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)
    uninhibited: threading.Event = field(default_factory=threading.Event)


@pytest.fixture
def session_bus(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("dbus-daemon is not installed")
    proc = subprocess.Popen(
        [daemon, "--session", "--nofork", "--print-address=1", "--nopidfile"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        address = proc.stdout.readline().strip()
        if not address:
            pytest.skip("dbus-daemon did not start")
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        yield address
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture
def screensaver(session_bus: str) -> Iterator[ScreenSaverStandIn]:
    blocking = pytest.importorskip("jeepney.io.blocking", reason="jeepney is not installed")
    from jeepney import HeaderFields, MessageType, new_method_return
    from jeepney.bus_messages import message_bus

    state = ScreenSaverStandIn()
    conn = blocking.open_dbus_connection(bus="SESSION")
    reply = conn.send_and_get_reply(message_bus.RequestName(SCREENSAVER), timeout=5)
    assert reply.body[0] == 1  # primary owner of the name

    def serve() -> None:
        cookie = 41
        while not state.stop.is_set():
            try:
                msg = conn.receive(timeout=0.1)
            except TimeoutError:
                continue
            if msg.header.message_type is not MessageType.method_call:
                continue
            member = msg.header.fields.get(HeaderFields.member)
            state.calls.append((str(member), tuple(msg.body)))
            if member == "Inhibit":
                cookie += 1
                conn.send(new_method_return(msg, "u", (cookie,)))
            else:
                conn.send(new_method_return(msg))
                if member == "UnInhibit":
                    state.uninhibited.set()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        state.stop.set()
        thread.join(timeout=5)
        conn.close()


def test_real_wakepy_inhibits_and_releases_the_screensaver(screensaver: ScreenSaverStandIn) -> None:
    messages: list[str] = []
    keep = WakepyKeepAwake(messages.append)
    assert keep.acquire() is True, messages
    assert keep.active
    keep.release()
    assert screensaver.uninhibited.wait(timeout=5)
    assert not keep.active
    assert messages == []
    (inhibit, (app, _reason)), (uninhibit, (cookie,)) = screensaver.calls[0], screensaver.calls[-1]
    assert (inhibit, uninhibit) == ("Inhibit", "UnInhibit")
    assert app and cookie == 42
