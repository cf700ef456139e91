"""Shared pieces of the benchmarks: result rows, medians, and running the probe in a child process."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from services import die_with_parent

ROOT = Path(__file__).resolve().parents[1]
PROBE = Path(__file__).resolve().parent / "probe.py"
PYTHON = sys.executable


@dataclass
class Row:
    """One line of the table: a median figure, its floor (if any), and the target it is held to."""

    name: str
    value: float | None
    unit: str = "ms"
    floor: float | None = None
    target: str = ""
    ok: bool | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.floor:
            return None
        return self.value / self.floor


@dataclass
class Settings:
    """What every benchmark needs to know about this run."""

    runs: int
    quick: bool
    env: dict[str, str]
    work: Path
    sessions: int = 5000
    log: list[str] = field(default_factory=list)


def median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


@dataclass
class ChildResult:
    payload: dict[str, Any]
    wall: float  # seconds from just before spawning to the child's exit
    started: float  # time.monotonic() just before spawning
    maxrss_kib: int  # ru_maxrss of this child alone (KiB on Linux)
    stderr: str


def run_child(args: Sequence[str], env: dict[str, str], *, timeout: float, cwd: Path = ROOT) -> ChildResult:
    """Run a child, read its ``PROBE {json}`` line and its own peak memory (os.wait4, not RUSAGE_CHILDREN)."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.monotonic()
        proc = subprocess.Popen(list(args), env=env, cwd=cwd, stdout=out, stderr=err, text=True,
                                preexec_fn=die_with_parent)
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                os.wait4(proc.pid, 0)
                proc.returncode = -9
                err.seek(0)
                raise RuntimeError(f"{' '.join(args)} took more than {timeout:.0f} s:\n{err.read()[-2000:]}")
            time.sleep(0.002)  # the parent only waits; the child is what is measured
        wall = time.monotonic() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        text, errors = out.read(), err.read()
    payload: dict[str, Any] = {}
    for line in text.splitlines():
        if line.startswith("PROBE "):
            payload = json.loads(line[6:])
    if not payload:
        payload = {"error": f"no result (exit {proc.returncode}): {text[-500:]} {errors[-1500:]}"}
    return ChildResult(payload, wall, started, int(usage.ru_maxrss), errors)


def probe_args(mode: str, target: str, app_args: Sequence[str] = (), *, naive: bool = False,
               python_flags: Sequence[str] = ()) -> list[str]:
    args = [PYTHON, *python_flags, str(PROBE), *(["--naive"] if naive else []), mode, target]
    if app_args:
        args += ["--", *app_args]
    return args


def child_env(base: dict[str, str], **extra: str) -> dict[str, str]:
    env = dict(base)
    env.update(extra)
    return env


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    if unit == "ms":
        return f"{value * 1000:.1f} ms"
    if unit == "MiB":
        return f"{value:.0f} MiB"
    return f"{value:g} {unit}".strip()


def table(rows: Sequence[Row]) -> str:
    """A plain-text table (also valid Markdown) of every row."""
    head = ("benchmark", "median", "floor", "ratio", "target", "ok", "note")
    body = []
    for r in rows:
        ok = "" if r.ok is None else ("yes" if r.ok else "NO")
        ratio = "" if r.ratio is None else f"{r.ratio:.2f}"
        body.append((r.name, fmt(r.value, r.unit), "" if r.floor is None else fmt(r.floor, r.unit), ratio,
                     r.target, ok, r.note))
    widths = [max(len(x[i]) for x in [head, *body]) for i in range(len(head))]
    lines = ["| " + " | ".join(c.ljust(widths[i]) for i, c in enumerate(head)) + " |",
             "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    lines += ["| " + " | ".join(c.ljust(widths[i]) for i, c in enumerate(row)) + " |" for row in body]
    return "\n".join(lines)


def rss_env_note() -> str:
    return f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}"


def returning_user(data: Path) -> Path:
    """A data dir whose user has already read and accepted the first-run safety note."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from psoas_coach.core import coaching
    from psoas_coach.store.coaching_store import CoachingStore

    data.mkdir(parents=True, exist_ok=True)
    CoachingStore(data).update(coaching.accept_safety, "2026-01-01T08:00:00+00:00")
    return data
