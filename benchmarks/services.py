"""What the benchmarks run beside the app: a display, a sound server with a null sink, a busy CPU.

Each is a context manager that starts its own process and ends exactly that process (by its pid).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

BUSY_LOOP = "while True:\n    pass\n"
PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """In a child before exec: get SIGKILL when the benchmark process dies, however it dies (Linux)."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextmanager
def busy_cpu() -> Iterator[int]:
    """A second process spinning on one core for as long as the block runs; yields its pid."""
    proc = subprocess.Popen([sys.executable, "-c", BUSY_LOOP], preexec_fn=die_with_parent)
    try:
        yield proc.pid
    finally:
        _stop(proc)


@contextmanager
def display(kind: str) -> Iterator[dict[str, str]]:
    """Environment for Qt: ``offscreen`` (no display), or ``xvfb`` (a private X server, the xcb plugin)."""
    if kind == "offscreen" or shutil.which("Xvfb") is None:
        yield {"QT_QPA_PLATFORM": "offscreen"}
        return
    read, write = os.pipe()
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            preexec_fn=die_with_parent)
    os.close(write)
    try:
        number = b""
        while not number.endswith(b"\n"):
            chunk = os.read(read, 16)
            if not chunk:
                raise RuntimeError("Xvfb did not start")
            number += chunk
        os.close(read)
        yield {"QT_QPA_PLATFORM": "xcb", "DISPLAY": f":{number.decode().strip()}"}
    finally:
        _stop(proc)


@contextmanager
def sound_server() -> Iterator[dict[str, str]]:
    """A private PulseAudio with a null sink, so speech really plays (into nothing) on a headless machine.

    Yields the environment for the children, or {} when there is no pulseaudio binary (then the app
    finds no audio output and falls back to captions, which the report says).
    """
    binary = shutil.which("pulseaudio")
    if binary is None:
        yield {}
        return
    runtime = Path(tempfile.mkdtemp(prefix="bench-pulse-"))
    runtime.chmod(0o700)
    env = dict(os.environ, XDG_RUNTIME_DIR=str(runtime), HOME=str(runtime))
    proc = subprocess.Popen([binary, "--daemonize=no", "--exit-idle-time=-1", "-n", "--disable-shm=yes",
                             "--load=module-null-sink sink_name=bench", "--load=module-native-protocol-unix"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=die_with_parent)
    socket = runtime / "pulse" / "native"
    try:
        for _ in range(500):
            if socket.exists() or proc.poll() is not None:
                break
            time.sleep(0.01)
        yield {"PULSE_SERVER": f"unix:{socket}", "XDG_RUNTIME_DIR": str(runtime)} if socket.exists() else {}
    finally:
        _stop(proc)
        shutil.rmtree(runtime, ignore_errors=True)
