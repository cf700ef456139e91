"""Hostile session files for the store, the commands and the window: hypothesis strategies for records
and autosaves, and trees of links, FIFOs, devices, folders and deep nesting in a sessions folder."""

from __future__ import annotations

import copy
import hashlib
import json
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from hypothesis import strategies as st

from tests.store.helpers import make_record

T = TypeVar("T")
DEEP = "__deep_nesting__"  # replaced in the file's text by a deep list (json.dumps itself cannot nest that deep)

_PATHS: tuple[tuple[Any, ...], ...] = (
    ("duration_seconds",), ("program",), ("program", "id"), ("program", "name"), ("status",), ("notes",),
    ("effort",), ("pain",), ("pain_stop",), ("started",), ("ended",), ("updated",), ("schema_version",),
    ("exercises",), ("skipped_steps",), ("speed",), ("recovered",), ("app_version",), ("id",), ("unknown_field",),
    ("exercises", 0), ("exercises", 0, "id"), ("exercises", 0, "name"), ("exercises", 0, "target"),
    ("exercises", 0, "target", "sets"), ("exercises", 0, "target", "hold_seconds"), ("exercises", 0, "sides"),
    ("exercises", 0, "sides", "left"), ("exercises", 0, "sides", "left", "reps"),
    ("exercises", 0, "sides", "right", "hold_seconds"), ("exercises", 0, "sides", "left", "sets_completed"),
    ("exercises", 0, "rating"), ("exercises", 0, "rating", "control"), ("skipped_steps", 0),
)


def deep_text(depth: int) -> str:
    return "[" * depth + "]" * depth


values: st.SearchStrategy[Any] = st.one_of(
    # a fresh copy each time: one shared {} put at two places of a record could be put inside itself
    # (a cycle json.dumps refuses), and a change to it would leak into later examples
    st.sampled_from([float("nan"), float("inf"), float("-inf"), 1e308, -1.0, 2**63, -(2**70), 0, True, False,
                     None, "", "é", "completed", "pain_stop", [], {}, [None], {"id": 5}, "2026-13-45T99:99:99"])
    .map(copy.deepcopy),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(2**80), max_value=2**80),
    st.text(max_size=40),
    st.lists(st.one_of(st.none(), st.integers(), st.text(max_size=5)), max_size=4),
    st.dictionaries(st.text(max_size=8), st.one_of(st.none(), st.integers(), st.floats()), max_size=4),
    st.just(DEEP),
)


def _put(record: Any, path: tuple[Any, ...], value: Any) -> None:
    target = record
    for key in path[:-1]:
        try:
            target = target[key]
        except (KeyError, IndexError, TypeError):
            return
    try:
        target[path[-1]] = value
    except (IndexError, TypeError):
        pass


@st.composite
def record_texts(draw: st.DrawFn, n: int = 100) -> tuple[str, bytes]:
    """(file name, bytes) of a session record with a few hostile fields, or a hostile whole file."""
    kind = draw(st.sampled_from(["fields", "fields", "fields", "whole"]))
    name = f"2026-02-{1 + n % 28:02d}T07-30-00_hostile-{n}.json"
    if kind == "whole":
        data = draw(st.one_of(
            st.integers(500, 200_000).map(lambda d: deep_text(d).encode()),
            st.integers(40, 2000).map(lambda d: ('{"id": "deep", "started": "2026-02-01T07:30:00+01:00", "notes": '
                                                + deep_text(d) + "}").encode()),
            st.binary(max_size=64),
            st.sampled_from([b"NaN", b"[Infinity]", b"9" * 5000, b'{"id": "x"}', b'{"id": ""}', b"null", b'"text"']),
        ))
        return name, data
    record = make_record(n)
    depth = draw(st.integers(33, 3000))
    for path in draw(st.lists(st.sampled_from(_PATHS), min_size=1, max_size=4)):
        _put(record, path, draw(values))
    text = json.dumps(record, allow_nan=True, ensure_ascii=draw(st.booleans()))
    return name, text.replace(json.dumps(DEEP), deep_text(depth)).encode("utf-8")


autosave_texts: st.SearchStrategy[bytes] = st.one_of(
    st.binary(max_size=64),
    st.integers(500, 100_000).map(lambda d: deep_text(d).encode()),
    st.builds(lambda record, value: json.dumps({"kind": "psoas-coach-unfinished", "version": 1, "record": record,
                                                "engine": value, "program_id": value}, allow_nan=True).encode(),
              st.builds(make_record, st.integers(0, 50)), values.filter(lambda v: v != DEEP)),
    st.sampled_from([b"NaN", b"[]", b'{"kind": "psoas-coach-unfinished", "record": 5}',
                     b'{"kind": "psoas-coach-unfinished", "record": {"duration_seconds": NaN}}']),
)


def special_tree(folder: Path) -> list[Path]:
    """Links to nothing, a loop, a link to a device, a FIFO and a folder named *.json; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for name, make in (
        ("2026-02-10T07-30-00_loop-a.json", lambda p: p.symlink_to(folder / "2026-02-10T07-30-00_loop-b.json")),
        ("2026-02-10T07-30-00_loop-b.json", lambda p: p.symlink_to(folder / "2026-02-10T07-30-00_loop-a.json")),
        ("2026-02-11T07-30-00_dangling.json", lambda p: p.symlink_to(folder / "nowhere.json")),
        ("2026-02-12T07-30-00_zero.json", lambda p: p.symlink_to("/dev/zero")),
        ("2026-02-13T07-30-00_fifo.json", lambda p: os.mkfifo(p)),
        ("2026-02-14T07-30-00_folder.json", lambda p: p.mkdir()),
    ):
        path = folder / name
        make(path)
        made.append(path)
    return made


@dataclass
class Snapshot:
    """Every regular file's bytes under a folder (by hash) and every special entry, to prove nothing was deleted."""

    hashes: dict[str, str] = field(default_factory=dict)  # hash -> first path seen
    specials: list[Path] = field(default_factory=list)

    @classmethod
    def of(cls, folder: Path) -> Snapshot:
        snap = cls()
        for root, dirs, files in os.walk(folder, followlinks=False):
            for name in files + [d for d in dirs if os.path.islink(os.path.join(root, d))]:
                path = Path(root) / name
                if path.is_symlink() or not path.is_file():
                    snap.specials.append(path)
                    continue
                snap.hashes.setdefault(hashlib.sha256(path.read_bytes()).hexdigest(), str(path))
            for name in dirs:
                if name.endswith(".json"):
                    snap.specials.append(Path(root) / name)
        return snap

    def kept_in(self, folder: Path) -> list[str]:
        """The files of this snapshot that are no longer anywhere under *folder* (empty: nothing lost)."""
        after = Snapshot.of(folder)
        lost = [path for digest, path in self.hashes.items() if digest not in after.hashes]
        lost += [str(p) for p in self.specials if not os.path.lexists(p)]
        return lost


def within(seconds: float, work: Callable[[], T]) -> T:
    """Run *work* in a thread and fail if it has not returned after *seconds* (a generous bound: a reader
    that blocks on a FIFO or reads /dev/zero never returns at all)."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = work()
        except BaseException as exc:  # noqa: BLE001 - handed back to the test, which raises it
            box["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s: it blocks or does not end"
    if "error" in box:
        raise box["error"]
    return box["value"]
